package cn.chainscout.chain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A chain as a chain leader reads it: the tree of nodes from upstream to downstream, each with
 * what the graph knows nationally and what the home city has.
 *
 * @param id chain id
 * @param name Chinese name
 * @param description one sentence
 * @param home the home city's code and name
 * @param sample true when the local firms come from the sample list (示例数据)
 * @param statusRule the rule for 强/弱/缺, in words
 * @param headRule how head enterprises are ranked, in words
 * @param counts how many leaf nodes are 强, 弱 and 缺
 * @param nodes the three segment nodes with their subtrees
 */
public record ChainMap(String id, String name, String description, Place home, boolean sample, String statusRule,
		String headRule, StatusCounts counts, List<Node> nodes) {

	/** A region or province with a count. */
	public record Place(String code, String name) {
	}

	public record PlaceCount(String code, String name, long count) {
	}

	public record StatusCounts(int strong, int weak, int missing) {
	}

	/** 强 / 弱 / 缺. */
	public enum Status {
		STRONG("强"), WEAK("弱"), MISSING("缺");

		private final String words;

		Status(String words) {
			this.words = words;
		}

		public String words() {
			return words;
		}
	}

	/**
	 * A head enterprise (龙头企业) of a node.
	 *
	 * @param score the size proxy, 0..1 (see {@link ChainMap#headRule()})
	 * @param share summed revenue share of the node's products in the firm's revenue (0..1)
	 * @param breadth how many of the node's products it makes
	 * @param byIndustry true when it belongs to the node by its Shenwan industry
	 * @param province province code and name, or null when unknown
	 * @param local true when it is in the home city (or is one of its local firms)
	 */
	public record Head(String code, String name, double score, double share, long breadth, boolean listed, boolean byIndustry,
			@Nullable Place province, boolean local) {
	}

	/** A local firm as a node shows it. */
	public record LocalFirm(String key, String name, @Nullable String carrier, boolean aboveScale, @Nullable Double outputValue,
			@Nullable String enterpriseCode) {
	}

	/**
	 * A node (环节).
	 *
	 * @param products products the node covers itself (not its children)
	 * @param productsMade of those, how many at least one enterprise makes
	 * @param productExamples the node's own products most often made, at most 8
	 * @param makers enterprises of the graph in the node or below it (makers of its products, or firms of its industries)
	 * @param heads the top head enterprises, at most 5
	 * @param provinces where the makers are, by province, the five with most
	 * @param localFirms the home city's firms in the node or below it
	 * @param aboveScale how many of them are 规上
	 * @param outputValue their summed output value (万元)
	 * @param status 强 / 弱 / 缺 by {@link ChainMap#statusRule()}
	 */
	public record Node(String id, String name, String segment, int level, boolean leaf, long products, long productsMade,
			List<String> productExamples, long makers, List<Head> heads, List<PlaceCount> provinces, List<LocalFirm> localFirms,
			int aboveScale, double outputValue, Status status, String statusWords, List<Node> children) {
	}
}
