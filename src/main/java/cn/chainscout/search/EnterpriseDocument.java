package cn.chainscout.search;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the search index holds of an enterprise, read from the graph (the index holds nothing the
 * graph doesn't).
 *
 * @param code stock code
 * @param name short name
 * @param fullName registered full name
 * @param aliases other names the sources gave (conflicting variants included)
 * @param exchange exchange
 * @param province province name, when known
 * @param city prefecture name, when known
 * @param county county name, when known
 * @param industries Shenwan industries, each as level 1, 2, 3 names
 * @param products real products with their revenue share
 */
public record EnterpriseDocument(String code, String name, String fullName, List<String> aliases,
		@Nullable String exchange, @Nullable String province, @Nullable String city, @Nullable String county,
		List<List<String>> industries, List<ProductShare> products) {

	/** A product and the share of revenue it brings (null when unknown). */
	public record ProductShare(String name, @Nullable Double share) {
	}

	/** The region as shown: 安徽省 安庆市 桐城市, as far as known. */
	public String regionLabel() {
		StringBuilder sb = new StringBuilder();
		for (String part : new String[] { province, city, county }) {
			if (part != null && !part.isEmpty() && sb.indexOf(part) < 0) {
				sb.append(sb.isEmpty() ? "" : " ").append(part);
			}
		}
		return sb.toString();
	}
}
