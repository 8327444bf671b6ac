package cn.chainscout.enterprise;

import java.util.List;

import cn.chainscout.graph.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * An enterprise (企业) as the profile page and API show it, every fact with where it came from.
 *
 * @param code stock code, e.g. 300750.SZ
 * @param name short name (简称)
 * @param fullName registered full name (全称)
 * @param exchange the exchange it is listed on
 * @param listedOn listing date (yyyy-MM-dd), null when the source has none
 * @param needsReview true when the source gave this code conflicting names
 * @param nameVariants every name variant the source gave, when they conflict
 * @param region where it is registered, when known
 * @param regionStatus resolved, unknown or ambiguous
 * @param industries its Shenwan industries, three levels each
 * @param products what it makes, by revenue share
 * @param upstream inputs of its products (上游) with who makes them
 * @param downstream what is made from its products (下游) with who makes it
 * @param provenance where the enterprise itself came from
 */
public record EnterpriseProfile(String code, String name, String fullName, @Nullable String exchange,
		@Nullable String listedOn, boolean needsReview, List<String> nameVariants, @Nullable RegionFact region,
		String regionStatus, List<IndustryFact> industries, List<ProductFact> products, List<ChainLink> upstream,
		List<ChainLink> downstream, Provenance provenance) {

	/** A division with its parents, e.g. 桐城市 in 安庆市 in 安徽省. */
	public record RegionFact(String code, String name, String level, @Nullable String prefecture,
			@Nullable String province, @Nullable Double lng, @Nullable Double lat, Provenance provenance) {
	}

	/** A Shenwan industry with the levels above it. */
	public record IndustryFact(String code, String name, @Nullable String level2, @Nullable String level1,
			Provenance provenance) {
	}

	/**
	 * @param share fraction of revenue, null when the source's figure was out of range
	 * @param shareRaw the source's figure when it was out of range
	 * @param nonProduct true for accounting lines and generic words, which chains ignore
	 */
	public record ProductFact(String name, @Nullable Double share, @Nullable Double shareRaw, boolean nonProduct,
			@Nullable String nonProductReason, Provenance provenance) {
	}

	/**
	 * A link of the chain next to this enterprise.
	 * @param ownProduct its product at this end of the link
	 * @param via the product the relation was recorded on: the own product, or a kindred one whose name
	 *        the own product's name contains (动力电池系统 → 电池)
	 * @param product the product at the other end
	 * @param relation UPSTREAM_MATERIAL or DOWNSTREAM_PRODUCT
	 * @param makers top enterprises that make {@code product}
	 * @param provenance of the product relation
	 */
	public record ChainLink(String ownProduct, String via, String product, String relation, List<Maker> makers,
			Provenance provenance) {
	}

	/** An enterprise that makes a product, with its revenue share in it. */
	public record Maker(String code, String name, @Nullable Double share, @Nullable String region) {
	}
}
