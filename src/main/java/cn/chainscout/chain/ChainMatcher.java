package cn.chainscout.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies the matching rules of {@code graph-schema/chains/README.md}: a node's products are its
 * {@code names} and every product a {@code patterns} glob matches, minus what an {@code exclude}
 * glob matches, minus non-products. A node's industries are its codes, a code above level 3
 * standing for the level-3 codes under it.
 */
public final class ChainMatcher {

	/**
	 * What the graph holds to match against.
	 *
	 * @param products real product names ({@code nonProduct} absent), in a fixed order
	 * @param nonProducts names flagged {@code nonProduct}
	 * @param industryLeaves for every industry code, the level-3 codes at or under it
	 */
	public record Catalog(Set<String> products, Set<String> nonProducts, Map<String, List<String>> industryLeaves) {

		boolean isProduct(String name) {
			return products.contains(name);
		}
	}

	/**
	 * What one node matched.
	 *
	 * @param products product name → the rule that selected it ({@code 名称} or the glob)
	 * @param industries level-3 industry codes whose firms belong to the node
	 */
	public record NodeMatch(String nodeId, Map<String, String> products, List<String> industries) {

		public boolean empty() {
			return products.isEmpty() && industries.isEmpty();
		}
	}

	/** A chain with what each node matched (in file order) and every problem. */
	public record Matched(ChainDefinition chain, Map<String, NodeMatch> nodes, List<ChainProblem> problems) {

		public boolean loadable() {
			return problems.stream().noneMatch(ChainProblem::error);
		}
	}

	public static final String BY_NAME = "名称";

	private ChainMatcher() {
	}

	public static Matched match(ChainDefinition chain, Catalog catalog) {
		List<ChainProblem> problems = new ArrayList<>();
		Map<String, NodeMatch> nodes = new LinkedHashMap<>();
		Map<String, String> owner = new HashMap<>();
		for (ChainDefinition.Node node : chain.allNodes()) {
			List<Glob> patterns = node.patterns().stream().map(l -> new Glob(l.value())).toList();
			List<Glob> excludes = node.exclude().stream().map(l -> new Glob(l.value())).toList();
			Map<String, String> products = new LinkedHashMap<>();
			for (ChainDefinition.Listed listed : node.names()) {
				String name = listed.value();
				if (catalog.nonProducts().contains(name)) {
					problems.add(error(chain, listed.line(), node, "产品名称 '" + name + "' 在产品库中被标为非产品（如平衡项目、服务），不能列入环节"));
				}
				else if (!catalog.isProduct(name)) {
					problems.add(error(chain, listed.line(), node, "产品名称 '" + name + "' 在产品库中不存在（须与产品名称完全一致）"));
				}
				else if (excludes.stream().anyMatch(g -> g.matches(name))) {
					problems.add(error(chain, listed.line(), node, "产品名称 '" + name + "' 同时被 exclude 排除，二者矛盾"));
				}
				else {
					products.put(name, BY_NAME);
				}
			}
			if (!patterns.isEmpty()) {
				for (String name : catalog.products()) {
					if (products.containsKey(name)) {
						continue;
					}
					for (Glob g : patterns) {
						if (g.matches(name)) {
							if (excludes.stream().noneMatch(x -> x.matches(name))) {
								products.put(name, g.text());
							}
							break;
						}
					}
				}
			}
			for (ChainDefinition.Listed pattern : node.patterns()) {
				if (products.values().stream().noneMatch(pattern.value()::equals)
						&& products.keySet().stream().noneMatch(p -> new Glob(pattern.value()).matches(p))) {
					problems.add(warning(chain, pattern.line(), node, "模式 '" + pattern.value() + "' 没有匹配到任何产品"));
				}
			}
			TreeSet<String> industries = new TreeSet<>();
			for (ChainDefinition.Listed code : node.industries()) {
				List<String> leaves = catalog.industryLeaves().get(code.value());
				if (leaves == null) {
					problems.add(error(chain, code.line(), node, "行业代码 '" + code.value() + "' 在申万行业表中不存在"));
				}
				else {
					industries.addAll(leaves);
				}
			}
			NodeMatch match = new NodeMatch(node.id(), java.util.Collections.unmodifiableMap(products), List.copyOf(industries));
			if (match.empty()) {
				problems.add(warning(chain, node.line(), node, "环节 '" + node.name() + "' 没有匹配到任何产品或行业"));
			}
			for (String product : products.keySet()) {
				String previous = owner.putIfAbsent(product, node.id());
				if (previous != null) {
					problems.add(warning(chain, node.line(), node, "产品 '" + product + "' 同时属于环节 '" + previous + "'"));
				}
			}
			nodes.put(node.id(), match);
		}
		return new Matched(chain, java.util.Collections.unmodifiableMap(nodes), List.copyOf(problems));
	}

	private static ChainProblem error(ChainDefinition chain, int line, ChainDefinition.Node node, String message) {
		return new ChainProblem(chain.file(), line, node.id(), message, true);
	}

	private static ChainProblem warning(ChainDefinition chain, int line, ChainDefinition.Node node, String message) {
		return new ChainProblem(chain.file(), line, node.id(), message, false);
	}
}
