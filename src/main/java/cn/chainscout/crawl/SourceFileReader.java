package cn.chainscout.crawl;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import cn.chainscout.crawl.internal.HostScope;
import cn.chainscout.crawl.internal.UrlNormalizer;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one source file (the format is in {@code crawlers/README.md}) into a
 * {@link SourceDefinition}. YAML is composed node by node, so every problem names its line.
 */
public final class SourceFileReader {

	static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	/** Shortest pause between requests to one host a source may ask for. */
	static final long MIN_DELAY_MILLIS = 100;

	private static final Set<String> KEYS = Set.of("id", "name", "seeds", "allowedHosts", "urls", "politeness", "schedule",
			"limits", "mode", "rules");

	private final String file;

	private final List<SourceProblem> problems = new ArrayList<>();

	private SourceFileReader(String file) {
		this.file = file;
	}

	/** A definition when the file has no errors, and every problem found. */
	public record Result(@Nullable SourceDefinition definition, List<SourceProblem> problems) {
	}

	public static Result read(String file, String content) {
		SourceFileReader reader = new SourceFileReader(file);
		SourceDefinition definition = null;
		try {
			definition = reader.source(new Yaml(new LoaderOptions()).compose(new StringReader(content)));
		}
		catch (MarkedYAMLException ex) {
			int line = ex.getProblemMark() == null ? 0 : ex.getProblemMark().getLine() + 1;
			reader.error(line, "不是有效的 YAML：" + ex.getProblem());
		}
		return new Result(reader.problems.isEmpty() ? definition : null, List.copyOf(reader.problems));
	}

	private @Nullable SourceDefinition source(@Nullable Node root) {
		if (!(root instanceof MappingNode map)) {
			error(root == null ? 0 : line(root), "文件应是一个映射（id、name、seeds、allowedHosts…），实际为空或不是映射");
			return null;
		}
		Map<String, Node> f = fields(map, KEYS);
		String id = required(f, "id", map);
		String expected = file.replaceFirst("\\.ya?ml$", "");
		if (id != null && !ID.matcher(id).matches()) {
			error(line(f.get("id")), "来源 id '" + id + "' 只能由小写字母、数字和连字符组成");
		}
		else if (id != null && !id.equals(expected)) {
			error(line(f.get("id")), "来源 id '" + id + "' 应与文件名一致：'" + expected + "'");
		}
		String name = required(f, "name", map);
		List<String> hosts = strings(f.get("allowedHosts"), "allowedHosts");
		if (f.get("allowedHosts") == null || hosts.isEmpty()) {
			error(line(f.getOrDefault("allowedHosts", map)), "缺少 allowedHosts（可抓取的主机）");
		}
		for (int i = 0; i < hosts.size(); i++) {
			try {
				HostScope.validate(hosts.get(i), "allowedHosts");
			}
			catch (IllegalArgumentException ex) {
				error(itemLine(f.get("allowedHosts"), i), ex.getMessage());
			}
		}
		HostScope scope = new HostScope(hosts);
		List<String> seeds = new ArrayList<>();
		List<String> rawSeeds = strings(f.get("seeds"), "seeds");
		if (rawSeeds.isEmpty()) {
			error(line(f.getOrDefault("seeds", map)), "缺少 seeds（抓取的起始网址）");
		}
		for (int i = 0; i < rawSeeds.size(); i++) {
			String seed = rawSeeds.get(i);
			var normal = UrlNormalizer.normalize(seed);
			if (normal.isEmpty()) {
				error(itemLine(f.get("seeds"), i), "起始网址 '" + seed + "' 不是 http 或 https 网址");
			}
			else if (!scope.allows(normal.get())) {
				error(itemLine(f.get("seeds"), i), "起始网址 '" + seed + "' 的主机不在 allowedHosts 中");
			}
			else {
				seeds.add(normal.get());
			}
		}
		List<String> allow = List.of();
		List<String> deny = List.of();
		Node urls = f.get("urls");
		if (urls instanceof MappingNode um) {
			Map<String, Node> uf = fields(um, Set.of("allow", "deny"));
			allow = patterns(uf.get("allow"), "urls.allow");
			deny = patterns(uf.get("deny"), "urls.deny");
		}
		else if (urls != null) {
			error(line(urls), "urls 应是映射（allow、deny）");
		}
		long delay = 1000;
		Node politeness = f.get("politeness");
		if (politeness instanceof MappingNode pm) {
			Map<String, Node> pf = fields(pm, Set.of("delayMs"));
			delay = number(pf.get("delayMs"), "politeness.delayMs", 1000);
			if (delay < MIN_DELAY_MILLIS) {
				error(line(pf.get("delayMs")), "politeness.delayMs " + delay + " 太小：同一主机两次请求至少间隔 " + MIN_DELAY_MILLIS + " 毫秒");
			}
		}
		else if (politeness != null) {
			error(line(politeness), "politeness 应是映射（delayMs）");
		}
		String schedule = optional(f, "schedule");
		if (!schedule.isEmpty() && !CronExpression.isValidExpression(schedule)) {
			error(line(f.get("schedule")), "schedule '" + schedule + "' 不是有效的 cron 表达式（秒 分 时 日 月 周，例如 \"0 30 7 * * *\"）");
		}
		int maxPages = 200;
		int maxDepth = 3;
		Node limits = f.get("limits");
		if (limits instanceof MappingNode lm) {
			Map<String, Node> lf = fields(lm, Set.of("maxPages", "maxDepth"));
			maxPages = (int) number(lf.get("maxPages"), "limits.maxPages", 200);
			maxDepth = (int) number(lf.get("maxDepth"), "limits.maxDepth", 3);
			if (maxPages < 1 || maxPages > 100_000) {
				error(line(lf.get("maxPages")), "limits.maxPages " + maxPages + " 应在 1 到 100000 之间");
			}
			if (maxDepth < 0 || maxDepth > 20) {
				error(line(lf.get("maxDepth")), "limits.maxDepth " + maxDepth + " 应在 0 到 20 之间");
			}
		}
		else if (limits != null) {
			error(line(limits), "limits 应是映射（maxPages、maxDepth）");
		}
		String mode = optional(f, "mode");
		SourceDefinition.FieldRules rules = null;
		if (mode.isEmpty() || mode.equals("generic")) {
			if (f.get("rules") != null) {
				error(line(f.get("rules")), "有 rules 时 mode 应是 rules（现在是 '" + (mode.isEmpty() ? "generic" : mode) + "'）");
			}
		}
		else if (mode.equals("rules")) {
			rules = rules(f.get("rules"), map);
		}
		else {
			error(line(f.get("mode")), "mode '" + mode + "' 应是 generic（通用文章模式）或 rules（字段规则）");
		}
		if (id == null || name == null) {
			return null;
		}
		return new SourceDefinition(id, name, List.copyOf(seeds), hosts, allow, deny, delay, schedule, maxPages, maxDepth, rules,
				file);
	}

	private SourceDefinition.@Nullable FieldRules rules(@Nullable Node node, Node owner) {
		if (!(node instanceof MappingNode rm)) {
			error(line(node == null ? owner : node), "mode 为 rules 时需要 rules 映射（listLinks、title、date、body…）");
			return null;
		}
		Map<String, Node> rf = fields(rm, Set.of("listLinks", "nextPage", "title", "date", "body", "remove", "normalise"));
		String listLinks = selector(rf, "listLinks", false);
		String nextPage = selector(rf, "nextPage", false);
		String title = selector(rf, "title", true);
		String date = selector(rf, "date", false);
		String body = selector(rf, "body", true);
		List<String> remove = strings(rf.get("remove"), "rules.remove");
		for (int i = 0; i < remove.size(); i++) {
			checkSelector(remove.get(i), "rules.remove", itemLine(rf.get("remove"), i));
		}
		String titleStrip = "";
		String datePattern = "";
		Node normalise = rf.get("normalise");
		if (normalise instanceof MappingNode nm) {
			Map<String, Node> nf = fields(nm, Set.of("titleStrip", "datePattern"));
			titleStrip = optional(nf, "titleStrip");
			if (!titleStrip.isEmpty()) {
				try {
					Pattern.compile(titleStrip);
				}
				catch (PatternSyntaxException ex) {
					error(line(nf.get("titleStrip")), "rules.normalise.titleStrip '" + titleStrip + "' 不是有效的正则表达式");
				}
			}
			datePattern = optional(nf, "datePattern");
			if (!datePattern.isEmpty()) {
				try {
					java.time.format.DateTimeFormatter.ofPattern(datePattern);
				}
				catch (IllegalArgumentException ex) {
					error(line(nf.get("datePattern")), "rules.normalise.datePattern '" + datePattern + "' 不是有效的日期格式（例如 yyyy-MM-dd）");
				}
			}
		}
		else if (normalise != null) {
			error(line(normalise), "rules.normalise 应是映射（titleStrip、datePattern）");
		}
		return new SourceDefinition.FieldRules(listLinks, nextPage, title, date, body, remove, titleStrip, datePattern);
	}

	private String selector(Map<String, Node> fields, String key, boolean required) {
		Node n = fields.get(key);
		if (n == null) {
			if (required) {
				error(0, "rules 缺少 " + key + "（CSS 选择器）");
			}
			return "";
		}
		if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) {
			error(line(n), "rules." + key + " 应是非空的 CSS 选择器");
			return "";
		}
		checkSelector(s.getValue(), "rules." + key, line(n));
		return s.getValue().strip();
	}

	private void checkSelector(String selector, String key, int line) {
		try {
			QueryParser.parse(selector);
		}
		catch (Selector.SelectorParseException | IllegalArgumentException ex) {
			error(line, key + " '" + selector + "' 不是有效的 CSS 选择器");
		}
	}

	private List<String> patterns(@Nullable Node node, String key) {
		List<String> values = strings(node, key);
		for (int i = 0; i < values.size(); i++) {
			try {
				Pattern.compile(values.get(i));
			}
			catch (PatternSyntaxException ex) {
				error(itemLine(node, i), key + " '" + values.get(i) + "' 不是有效的正则表达式：" + ex.getDescription());
			}
		}
		return values;
	}

	private long number(@Nullable Node node, String key, long fallback) {
		if (node == null) {
			return fallback;
		}
		if (node instanceof ScalarNode s && s.getValue().strip().matches("\\d{1,9}")) {
			return Long.parseLong(s.getValue().strip());
		}
		error(line(node), key + " 应是整数，实际为 '" + (node instanceof ScalarNode s ? s.getValue() : node.getNodeId()) + "'");
		return fallback;
	}

	private Map<String, Node> fields(MappingNode map, Set<String> allowed) {
		Map<String, Node> fields = new LinkedHashMap<>();
		for (NodeTuple t : map.getValue()) {
			String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
			if (key == null || !allowed.contains(key)) {
				error(line(t.getKeyNode()), "不认识的字段 '" + key + "'，可用的字段：" + String.join("、", allowed.stream().sorted().toList()));
				continue;
			}
			if (fields.put(key, t.getValueNode()) != null) {
				error(line(t.getKeyNode()), "字段 '" + key + "' 重复");
			}
		}
		return fields;
	}

	private @Nullable String required(Map<String, Node> fields, String key, Node owner) {
		Node value = fields.get(key);
		if (value == null) {
			error(line(owner), "缺少 " + key);
			return null;
		}
		if (!(value instanceof ScalarNode s) || s.getValue().isBlank()) {
			error(line(value), key + " 应是非空文字");
			return null;
		}
		return s.getValue().strip();
	}

	private String optional(Map<String, Node> fields, String key) {
		Node value = fields.get(key);
		if (value == null) {
			return "";
		}
		if (!(value instanceof ScalarNode s)) {
			error(line(value), key + " 应是文字");
			return "";
		}
		return s.getValue().strip();
	}

	private List<String> strings(@Nullable Node node, String key) {
		if (node == null) {
			return List.of();
		}
		if (!(node instanceof SequenceNode seq)) {
			error(line(node), key + " 应是列表");
			return List.of();
		}
		List<String> values = new ArrayList<>();
		for (Node item : seq.getValue()) {
			if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
				values.add(s.getValue().strip());
			}
			else {
				error(line(item), key + " 的每一项应是非空文字");
			}
		}
		return List.copyOf(values);
	}

	private static int itemLine(@Nullable Node seq, int index) {
		if (seq instanceof SequenceNode s && index < s.getValue().size()) {
			return line(s.getValue().get(index));
		}
		return line(seq);
	}

	private static int line(@Nullable Node node) {
		return node == null ? 0 : node.getStartMark().getLine() + 1;
	}

	private void error(int line, String message) {
		problems.add(new SourceProblem(file, line, message));
	}
}
