package cn.chainscout.chain;

import java.util.ArrayList;
import java.util.List;

/**
 * One chain file as written: the chain and its tree of nodes, with the line of everything.
 *
 * @param id ASCII id, equal to the file name without {@code .yaml}
 * @param name Chinese name
 * @param description one sentence in Chinese
 * @param home GB/T 2260 code of the region the chain is drawn for
 * @param nodes top-level nodes, one per segment
 * @param file file name
 * @param sha256 the file's content hash
 */
public record ChainDefinition(String id, String name, String description, String home, List<Node> nodes, String file,
		String sha256) {

	/** A value in the file with its line. */
	public record Listed(String value, int line) {
	}

	/**
	 * A node (环节).
	 *
	 * @param level 1 for the segment nodes, 2 or 3 below
	 * @param order position among its siblings, from 0
	 * @param parent the parent's id, or empty at the top
	 */
	public record Node(String id, String name, String segment, int level, int order, String parent, List<Listed> names,
			List<Listed> patterns, List<Listed> exclude, List<Listed> industries, List<Node> children, int line) {
	}

	/** Every node, parents before children, in file order. */
	public List<Node> allNodes() {
		List<Node> all = new ArrayList<>();
		for (Node n : nodes) {
			collect(n, all);
		}
		return all;
	}

	private static void collect(Node node, List<Node> all) {
		all.add(node);
		for (Node c : node.children()) {
			collect(c, all);
		}
	}
}
