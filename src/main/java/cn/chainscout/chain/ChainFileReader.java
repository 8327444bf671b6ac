package cn.chainscout.chain;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one chain file (the format is in {@code graph-schema/chains/README.md}) into a
 * {@link ChainDefinition}, checking its shape. YAML is composed node by node, not bound to objects,
 * so every problem names its line.
 */
public final class ChainFileReader {

	static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	static final List<String> SEGMENTS = List.of("upstream", "midstream", "downstream");

	private static final Set<String> CHAIN_KEYS = Set.of("id", "name", "description", "home", "nodes");

	private static final Set<String> NODE_KEYS = Set.of("id", "name", "segment", "products", "industries", "children");

	private static final Set<String> PRODUCT_KEYS = Set.of("names", "patterns", "exclude");

	private final String file;

	private final List<ChainProblem> problems = new ArrayList<>();

	private final Set<String> nodeIds = new HashSet<>();

	private ChainFileReader(String file) {
		this.file = file;
	}

	/** The result of reading a file: a definition when it has no errors, and every problem found. */
	public record Result(@Nullable ChainDefinition definition, List<ChainProblem> problems) {
	}

	public static Result read(String file, String content, String sha256) {
		ChainFileReader reader = new ChainFileReader(file);
		ChainDefinition definition = null;
		try {
			Node root = new Yaml(new LoaderOptions()).compose(new StringReader(content));
			definition = reader.chain(root, sha256);
		}
		catch (MarkedYAMLException ex) {
			int line = ex.getProblemMark() == null ? 0 : ex.getProblemMark().getLine() + 1;
			reader.error(line, "", "不是有效的 YAML：" + ex.getProblem());
		}
		boolean failed = reader.problems.stream().anyMatch(ChainProblem::error);
		return new Result(failed ? null : definition, List.copyOf(reader.problems));
	}

	private @Nullable ChainDefinition chain(@Nullable Node root, String sha256) {
		if (!(root instanceof MappingNode map)) {
			error(root == null ? 0 : line(root), "", "文件应是一个映射（id、name、description、home、nodes），实际为空或不是映射");
			return null;
		}
		Map<String, Node> fields = fields(map, CHAIN_KEYS, "");
		String id = text(fields, "id", map, "");
		String expected = file.replaceFirst("\\.ya?ml$", "");
		if (id != null && !ID.matcher(id).matches()) {
			error(line(fields.get("id")), "", "链 id '" + id + "' 只能由小写字母、数字和连字符组成");
		}
		else if (id != null && !id.equals(expected)) {
			error(line(fields.get("id")), "", "链 id '" + id + "' 应与文件名一致：'" + expected + "'");
		}
		String name = text(fields, "name", map, "");
		String description = text(fields, "description", map, "");
		String home = text(fields, "home", map, "");
		if (home != null && !home.matches("\\d{6}")) {
			error(line(fields.get("home")), "", "home '" + home + "' 应是加引号的六位行政区划代码，例如 \"340881\"");
		}
		List<ChainDefinition.Node> nodes = new ArrayList<>();
		Node nodesNode = fields.get("nodes");
		if (nodesNode == null) {
			error(line(map), "", "缺少 nodes");
		}
		else if (nodesNode instanceof SequenceNode seq) {
			int order = 0;
			for (Node item : seq.getValue()) {
				ChainDefinition.Node n = node(item, 1, order++, null);
				if (n != null) {
					nodes.add(n);
				}
			}
			List<String> segments = nodes.stream().map(ChainDefinition.Node::segment).toList();
			if (!segments.equals(SEGMENTS)) {
				error(line(nodesNode), "", "顶层应依次是 upstream、midstream、downstream 三个环节，实际为 " + segments);
			}
		}
		else {
			error(line(nodesNode), "", "nodes 应是列表");
		}
		if (id == null || name == null || description == null || home == null) {
			return null;
		}
		return new ChainDefinition(id, name, description, home, List.copyOf(nodes), file, sha256);
	}

	private ChainDefinition.@Nullable Node node(Node yaml, int level, int order, ChainDefinition.@Nullable Node parentHint) {
		if (!(yaml instanceof MappingNode map)) {
			error(line(yaml), "", "环节应是映射（id、name、segment、products…）");
			return null;
		}
		Map<String, Node> fields = fields(map, NODE_KEYS, "");
		String id = text(fields, "id", map, "");
		String where = id == null ? "" : id;
		if (id != null && !ID.matcher(id).matches()) {
			error(line(fields.get("id")), where, "环节 id '" + id + "' 只能由小写字母、数字和连字符组成");
		}
		if (id != null && !nodeIds.add(id)) {
			error(line(fields.get("id")), where, "环节 id '" + id + "' 在本文件中重复");
		}
		String name = text(fields, "name", map, where);
		String segment = text(fields, "segment", map, where);
		if (segment != null && !SEGMENTS.contains(segment)) {
			error(line(fields.get("segment")), where, "segment '" + segment + "' 应是 upstream、midstream 或 downstream");
		}
		List<ChainDefinition.Listed> names = List.of();
		List<ChainDefinition.Listed> patterns = List.of();
		List<ChainDefinition.Listed> exclude = List.of();
		Node products = fields.get("products");
		if (products == null) {
			error(line(map), where, "缺少 products（names 或 patterns）");
		}
		else if (products instanceof MappingNode pm) {
			Map<String, Node> pf = fields(pm, PRODUCT_KEYS, where);
			names = list(pf.get("names"), "products.names", where);
			patterns = list(pf.get("patterns"), "products.patterns", where);
			exclude = list(pf.get("exclude"), "products.exclude", where);
			if (pf.get("names") == null && pf.get("patterns") == null) {
				error(line(products), where, "products 至少要有 names 或 patterns 之一");
			}
		}
		else {
			error(line(products), where, "products 应是映射（names、patterns、exclude）");
		}
		List<ChainDefinition.Listed> industries = list(fields.get("industries"), "industries", where);
		for (ChainDefinition.Listed code : industries) {
			if (!code.value().matches("\\d{6}")) {
				error(code.line(), where, "行业代码 '" + code.value() + "' 应是加引号的六位申万代码");
			}
		}
		List<ChainDefinition.Node> children = new ArrayList<>();
		Node childrenNode = fields.get("children");
		if (childrenNode instanceof SequenceNode seq) {
			if (level >= 3) {
				error(line(childrenNode), where, "层级过深：环节树最多三层");
			}
			int childOrder = 0;
			for (Node item : seq.getValue()) {
				ChainDefinition.Node child = node(item, level + 1, childOrder++, null);
				if (child != null) {
					if (segment != null && !segment.equals(child.segment())) {
						error(child.line(), child.id(), "子环节的 segment '" + child.segment() + "' 应与上级 '" + segment + "' 相同");
					}
					children.add(child);
				}
			}
		}
		else if (childrenNode != null) {
			error(line(childrenNode), where, "children 应是列表");
		}
		if (level == 1 && children.isEmpty() && childrenNode == null) {
			error(line(map), where, "顶层环节必须有 children");
		}
		if (id == null || name == null || segment == null) {
			return null;
		}
		String parent = parentHint == null ? "" : parentHint.id();
		List<ChainDefinition.Node> withParents = children.stream()
			.map(c -> new ChainDefinition.Node(c.id(), c.name(), c.segment(), c.level(), c.order(), id, c.names(),
					c.patterns(), c.exclude(), c.industries(), c.children(), c.line()))
			.toList();
		return new ChainDefinition.Node(id, name, segment, level, order, parent, names, patterns, exclude, industries,
				withParents, line(map));
	}

	private Map<String, Node> fields(MappingNode map, Set<String> allowed, String where) {
		Map<String, Node> fields = new LinkedHashMap<>();
		for (NodeTuple t : map.getValue()) {
			String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
			if (key == null || !allowed.contains(key)) {
				error(line(t.getKeyNode()), where, "不认识的字段 '" + key + "'，可用的字段：" + String.join("、", allowed.stream().sorted().toList()));
				continue;
			}
			if (fields.put(key, t.getValueNode()) != null) {
				error(line(t.getKeyNode()), where, "字段 '" + key + "' 重复");
			}
		}
		return fields;
	}

	private @Nullable String text(Map<String, Node> fields, String key, Node owner, String where) {
		Node value = fields.get(key);
		if (value == null) {
			error(line(owner), where, "缺少 " + key);
			return null;
		}
		if (!(value instanceof ScalarNode s) || s.getValue().isBlank()) {
			error(line(value), where, key + " 应是非空文字");
			return null;
		}
		if ("home".equals(key) && s.getTag().getValue().endsWith(":int")) {
			error(line(value), where, "home 应加引号（\"" + s.getValue() + "\"），否则 YAML 会把它读成数字");
		}
		return s.getValue().trim();
	}

	private List<ChainDefinition.Listed> list(@Nullable Node node, String key, String where) {
		if (node == null) {
			return List.of();
		}
		if (!(node instanceof SequenceNode seq)) {
			error(line(node), where, key + " 应是列表，例如 [聚乙烯, 聚丙烯]");
			return List.of();
		}
		List<ChainDefinition.Listed> values = new ArrayList<>();
		for (Node item : seq.getValue()) {
			if (item instanceof ScalarNode s && !s.getValue().isEmpty()) {
				values.add(new ChainDefinition.Listed(s.getValue(), line(item)));
			}
			else {
				error(line(item), where, key + " 的每一项应是非空文字");
			}
		}
		return List.copyOf(values);
	}

	private static int line(@Nullable Node node) {
		return node == null ? 0 : node.getStartMark().getLine() + 1;
	}

	private void error(int line, String node, String message) {
		problems.add(new ChainProblem(file, line, node, message, true));
	}
}
