package cn.chainscout.search;

import java.util.List;
import java.util.Map;

/**
 * @param total how many enterprises match
 * @param page the page returned
 * @param size hits per page
 * @param hits this page's hits, best first
 * @param facets counts per value of province, city, industry levels and exchange, over all matches
 * @param facetsEstimated true when there were too many matches to count one by one: the counts are
 *        then read from a random sample of {@link EnterpriseSearch#FACET_SAMPLE} matches and scaled up
 * @param products products whose names match the query's words, with their makers
 */
public record SearchResult(long total, int page, int size, List<Hit> hits, Map<String, List<FacetValue>> facets,
		boolean facetsEstimated, List<ProductDocument> products) {

	/**
	 * @param highlights why it matched: fragments with the matching text in {@code <em>}, or a note such
	 *        as 拼音 ningdeshidai
	 */
	public record Hit(String code, String name, String fullName, String region, float score, List<String> highlights) {
	}

	public record FacetValue(String value, long count) {
	}
}
