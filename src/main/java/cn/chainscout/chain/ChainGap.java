package cn.chainscout.chain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A gap in a chain, for the year's attraction plan.
 *
 * @param type 补链 (a missing link inside the chain), 强链 (a weak link) or 延链 (an adjacent product
 *        the chain could extend to)
 * @param nodeId the chain node, or null for 延链
 * @param name the node's name, or the adjacent product
 * @param segment upstream / midstream / downstream of the node; for 延链 which side of the chain it lies on
 * @param weight the ranking weight
 * @param weightParts how the weight was made, in words
 * @param reason one sentence in Chinese
 * @param buyers local firms that buy this link's products, by the product relations of the graph
 * @param makers enterprises of the graph that make it
 * @param provinces where they are, the five provinces with most
 * @param topMakers the best-placed makers to approach, at most 5
 * @param linkedFrom for 延链: the chain products it is an input of or made from
 * @param otherChain for 延链: another chain of the city the product belongs to, if any
 */
public record ChainGap(String type, @Nullable String nodeId, String name, String segment, double weight, String weightParts,
		String reason, List<Buyer> buyers, long makers, List<ChainMap.PlaceCount> provinces, List<ChainMap.Head> topMakers,
		List<String> linkedFrom, @Nullable String otherChain) {

	/**
	 * A local firm that needs this link.
	 * @param firm the local firm
	 * @param product what it makes
	 * @param input what it needs from this link
	 */
	public record Buyer(String firm, String product, String input) {
	}

	public static final String FILL = "补链";

	public static final String STRENGTHEN = "强链";

	public static final String EXTEND = "延链";
}
