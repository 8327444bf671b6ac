package cn.chainscout.localfirm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.chainscout.chain.ChainsChanged;
import cn.chainscout.graph.Graph;
import cn.chainscout.graph.Sources;
import cn.chainscout.system.ChainScoutProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the office's list of local firms and the city's carriers.
 *
 * <p>The list is the office's whole list: importing it replaces the local firms of the previous
 * list (firms no longer on it are removed), and importing the same file twice changes nothing.
 * Graph: {@code (:LocalFirm)-[:IN_NODE]->(:ChainNode)}, {@code -[:AT]->(:Carrier)},
 * {@code -[:LOCATED_IN]->(:Region)} (the home city), {@code -[:PRODUCES]->(:Product)} for the products
 * the library knows, {@code -[:SAME_AS {method, confidence}]->(:Enterprise)} when entity resolution
 * finds the firm among the listed companies.
 */
@Service
public class LocalFirmService {

	private static final Logger log = LoggerFactory.getLogger(LocalFirmService.class);

	public static final String DATASET = "local-firms";

	static final String NAME = "企业名称";
	static final String CODE = "统一社会信用代码";
	static final String CARRIER = "所在镇街园区";
	static final String CHAIN = "产业链";
	static final String NODES = "产业链环节";
	static final String PRODUCTS = "主要产品";
	static final String OUTPUT = "年产值(万元)";
	static final String TAX = "年税收(万元)";
	static final String EMPLOYEES = "从业人数";
	static final String ABOVE_SCALE = "规上企业";
	static final String REMARK = "备注";

	/** The template's columns, in order, with the other headers each may be written as. */
	static final Map<String, List<String>> COLUMNS = columns();

	private static final Set<String> REQUIRED = Set.of(NAME, CHAIN, NODES);

	private static final Pattern SEPARATORS = Pattern.compile("[、，,；;|\\n]+");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Graph graph;

	private final ChainScoutProperties properties;

	private final ApplicationEventPublisher events;

	public LocalFirmService(Graph graph, ChainScoutProperties properties, ApplicationEventPublisher events) {
		this.graph = graph;
		this.properties = properties;
		this.events = events;
	}

	private static Map<String, List<String>> columns() {
		Map<String, List<String>> c = new LinkedHashMap<>();
		c.put(NAME, List.of("企业名称", "名称", "企业", "单位名称"));
		c.put(CODE, List.of("统一社会信用代码", "信用代码", "社会信用代码"));
		c.put(CARRIER, List.of("所在镇街园区", "所在镇街/园区", "镇街园区", "所在地", "载体", "所在园区", "所在镇街", "镇街/园区"));
		c.put(CHAIN, List.of("产业链", "所属产业链"));
		c.put(NODES, List.of("产业链环节", "环节", "所属环节"));
		c.put(PRODUCTS, List.of("主要产品", "产品"));
		c.put(OUTPUT, List.of("年产值(万元)", "产值(万元)", "年产值", "产值"));
		c.put(TAX, List.of("年税收(万元)", "税收(万元)", "年税收", "税收"));
		c.put(EMPLOYEES, List.of("从业人数", "员工人数", "职工人数", "人数"));
		c.put(ABOVE_SCALE, List.of("规上企业", "是否规上", "规上", "是否规上企业"));
		c.put(REMARK, List.of("备注"));
		return java.util.Collections.unmodifiableMap(c);
	}

	// ---------------------------------------------------------------- carriers

	/** Loads the carriers file; carriers it no longer lists are removed. Idempotent. */
	public int loadCarriers() {
		String location = properties.home().carriers();
		if (location.isBlank()) {
			return 0;
		}
		byte[] bytes = readLocation(location);
		String file = location.substring(location.lastIndexOf('/') + 1);
		TableRows.Table table = TableRows.read(file, bytes);
		String region = properties.home().region();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (TableRows.Row row : table.rows()) {
			String name = row.cells().getOrDefault("名称", "").trim();
			if (name.isEmpty()) {
				log.warn("{} line {}: 名称 is empty; row skipped", file, row.line());
				continue;
			}
			Map<String, Object> r = new HashMap<>();
			r.put("key", region + "/" + name);
			r.put("name", name);
			r.put("kind", row.cells().getOrDefault("类型", ""));
			String parent = row.cells().getOrDefault("上级", "").trim();
			r.put("parentKey", parent.isEmpty() ? null : region + "/" + parent);
			r.put("line", (long) row.line());
			rows.add(r);
		}
		graph.write(tx -> {
			long src = Sources.record(tx, "carriers", file, Sources.sha256(bytes), location, null);
			tx.run("""
					MATCH (c:Carrier {region: $region}) WHERE NOT c.key IN $keys DETACH DELETE c""",
					Map.of("region", region, "keys", rows.stream().map(r -> r.get("key")).toList())).consume();
			tx.run("""
					UNWIND $rows AS row
					MERGE (c:Carrier {key: row.key})
					SET c.name = row.name, c.kind = row.kind, c.region = $region, c.sourceLine = row.line, c.src = $src
					WITH c, row
					OPTIONAL MATCH (r:Region {code: $region})
					FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | MERGE (c)-[:IN]->(r))
					WITH c, row
					OPTIONAL MATCH (c)-[old:PART_OF]->()
					DELETE old
					WITH DISTINCT c, row
					OPTIONAL MATCH (p:Carrier {key: row.parentKey})
					FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (c)-[:PART_OF]->(p))""",
					Map.of("rows", rows, "region", region, "src", src)).consume();
			return null;
		});
		log.info("Carriers of {}: {} from {}", properties.home().name(), rows.size(), location);
		return rows.size();
	}

	// ---------------------------------------------------------------- local firms

	/** True when a list of local firms has been imported (the sample counts). */
	public boolean hasList() {
		return graph.read(tx -> tx.run("MATCH (d:Dataset {id: $id}) RETURN count(d) > 0 AS has", Map.of("id", DATASET))
			.single().get("has").asBoolean());
	}

	/** The latest import's report, if any. */
	public Optional<LocalFirmReport> lastReport() {
		return graph.read(tx -> tx.run("MATCH (d:Dataset {id: $id}) RETURN d.report AS report", Map.of("id", DATASET)).list())
			.stream()
			.findFirst()
			.filter(r -> !r.get("report").isNull())
			.map(r -> JSON.readValue(r.get("report").asString(), LocalFirmReport.class));
	}

	/** Imports the configured list (the bundled sample by default). */
	public LocalFirmReport importConfigured() {
		String location = properties.home().localFirms();
		String file = location.substring(location.lastIndexOf('/') + 1);
		return importList(file, readLocation(location));
	}

	/** The reference data a row is checked against, read once per import. */
	private record Reference(Map<String, String> chainsByName, Map<String, Map<String, String>> nodesByChain,
			Map<String, String> carriers, Set<String> products) {
	}

	private static final class Firm {

		final String key;
		final int line;
		final String name;
		final @Nullable String code;
		final Map<String, Object> props = new LinkedHashMap<>();
		final Set<String> nodes = new LinkedHashSet<>();
		final Set<String> chains = new LinkedHashSet<>();
		final Set<String> products = new LinkedHashSet<>();
		final Set<String> unknownProducts = new LinkedHashSet<>();
		@Nullable String carrier;

		Firm(String key, int line, String name, @Nullable String code) {
			this.key = key;
			this.line = line;
			this.name = name;
			this.code = code;
		}
	}

	/**
	 * Imports a list. Rows with errors are rejected (every reason kept with the line); the rest
	 * replace the previous list.
	 * @throws TableRows.UnreadableTableException when the file is no table or lacks a required column
	 */
	public synchronized LocalFirmReport importList(String fileName, byte[] bytes) {
		TableRows.Table table = TableRows.read(fileName, bytes);
		Map<String, String> headerOf = resolveHeaders(fileName, table.header());
		Set<String> listedProducts = new HashSet<>();
		String productHeader = headerOf.get(PRODUCTS);
		if (productHeader != null) {
			table.rows().forEach(r -> listedProducts.addAll(split(r.cells().getOrDefault(productHeader, ""))));
		}
		Reference ref = reference(listedProducts);
		List<LocalFirmReport.Rejected> rejected = new ArrayList<>();
		List<LocalFirmReport.Warning> warnings = new ArrayList<>();
		Map<String, Firm> firms = new LinkedHashMap<>();
		Map<String, Integer> seenChainRows = new HashMap<>();
		for (TableRows.Row row : table.rows()) {
			Map<String, String> c = new HashMap<>();
			headerOf.forEach((canonical, header) -> c.put(canonical, row.cells().getOrDefault(header, "").trim()));
			if (Templates.EXAMPLE.get(Templates.EXAMPLE.size() - 1).equals(c.getOrDefault(REMARK, ""))) {
				warnings.add(new LocalFirmReport.Warning(row.line(), c.getOrDefault(NAME, ""), "模板中的示例行，未导入"));
				continue;
			}
			List<String> reasons = new ArrayList<>();
			String name = c.getOrDefault(NAME, "");
			if (name.isEmpty()) {
				reasons.add(NAME + "为空");
			}
			String code = CreditCodes.normalize(c.getOrDefault(CODE, ""));
			if (!code.isEmpty()) {
				CreditCodes.problem(code).ifPresent(p -> reasons.add(CODE + " '" + c.get(CODE) + "' 无效：" + p));
			}
			String chainText = c.getOrDefault(CHAIN, "");
			String chainId = chainText.isEmpty() ? null : ref.chainsByName().get(chainText);
			if (chainText.isEmpty()) {
				reasons.add(CHAIN + "为空");
			}
			else if (chainId == null) {
				reasons.add(CHAIN + " '" + chainText + "' 不存在，可填：" + String.join("、", new LinkedHashSet<>(ref.chainsByName().keySet().stream()
					.filter(k -> !k.matches("[a-z0-9-]+")).toList())));
			}
			List<String> nodeKeys = new ArrayList<>();
			List<String> nodeNames = split(c.getOrDefault(NODES, ""));
			if (nodeNames.isEmpty()) {
				reasons.add(NODES + "为空");
			}
			else if (chainId != null) {
				Map<String, String> nodes = ref.nodesByChain().getOrDefault(chainId, Map.of());
				for (String n : nodeNames) {
					String key = nodes.get(n);
					if (key == null) {
						reasons.add(NODES + " '" + n + "' 不是“" + chainText + "”的环节，可填：" + String.join("、",
								nodes.keySet().stream().filter(k -> !k.matches("[a-z0-9-]+")).limit(40).toList()));
					}
					else {
						nodeKeys.add(key);
					}
				}
			}
			Double output = number(c, OUTPUT, reasons);
			Double tax = number(c, TAX, reasons);
			Double employees = number(c, EMPLOYEES, reasons);
			if (employees != null && employees != Math.rint(employees)) {
				reasons.add(EMPLOYEES + " '" + c.get(EMPLOYEES) + "' 应为整数");
			}
			Boolean aboveScale = yesNo(c.getOrDefault(ABOVE_SCALE, ""), reasons);
			String key = code.isEmpty() ? "name:" + FirmNames.normalize(name) : code;
			if (reasons.isEmpty() && chainId != null) {
				Integer earlier = seenChainRows.putIfAbsent(key + "\u0000" + chainId, row.line());
				if (earlier != null) {
					reasons.add("与第 " + earlier + " 行是同一企业、同一产业链（" + (code.isEmpty() ? "企业名称" : "信用代码") + "相同），请合并为一行");
				}
			}
			if (!reasons.isEmpty()) {
				rejected.add(new LocalFirmReport.Rejected(row.line(), name, List.copyOf(reasons)));
				continue;
			}
			Firm firm = firms.get(key);
			if (firm == null) {
				firm = new Firm(key, row.line(), name, code.isEmpty() ? null : code);
				firms.put(key, firm);
			}
			else if (!FirmNames.normalize(firm.name).equals(FirmNames.normalize(name))) {
				warnings.add(new LocalFirmReport.Warning(row.line(), name, "信用代码与第 " + firm.line + " 行相同，但企业名称不同（'" + firm.name
						+ "'），按第 " + firm.line + " 行的名称导入"));
			}
			firm.chains.add(chainId);
			firm.nodes.addAll(nodeKeys);
			putIfAbsent(firm, "outputValue", output, row, warnings);
			putIfAbsent(firm, "tax", tax, row, warnings);
			putIfAbsent(firm, "employees", employees == null ? null : (Object) employees.longValue(), row, warnings);
			putIfAbsent(firm, "aboveScale", aboveScale, row, warnings);
			String remark = c.getOrDefault(REMARK, "");
			if (!remark.isEmpty()) {
				firm.props.putIfAbsent("remark", remark);
			}
			for (String p : split(c.getOrDefault(PRODUCTS, ""))) {
				if (ref.products().contains(p)) {
					firm.products.add(p);
				}
				else {
					firm.unknownProducts.add(p);
				}
			}
			String carrierText = c.getOrDefault(CARRIER, "");
			if (!carrierText.isEmpty()) {
				String carrier = carrier(ref, carrierText);
				if (carrier == null) {
					warnings.add(new LocalFirmReport.Warning(row.line(), name, CARRIER + " '" + carrierText + "' 不在载体名单中（开发区、园区、镇街），已导入企业但未关联载体"));
				}
				else if (firm.carrier == null) {
					firm.carrier = carrier;
				}
			}
		}
		int unknownProducts = (int) firms.values().stream().flatMap(f -> f.unknownProducts.stream()).distinct().count();
		List<LocalFirmReport.Match> matches = resolve(firms.values());
		String sha = sha256(bytes);
		boolean sample = fileName.contains("sample") || fileName.contains("示例");
		LocalFirmReport report = new LocalFirmReport(fileName, sha, sample, OffsetDateTime.now(), table.rows().size(), firms.size(),
				List.copyOf(rejected), List.copyOf(warnings), matches, unknownProducts);
		write(fileName, sha, firms.values(), matches, report);
		writeReportFiles(report);
		log.info("Local firms from {}: {}", fileName, report.summary());
		events.publishEvent(new ChainsChanged("local firms"));
		events.publishEvent(new LocalFirmsChanged(fileName));
		return report;
	}

	private static void putIfAbsent(Firm firm, String prop, @Nullable Object value, TableRows.Row row,
			List<LocalFirmReport.Warning> warnings) {
		if (value == null) {
			return;
		}
		Object before = firm.props.putIfAbsent(prop, value);
		if (before != null && !before.equals(value)) {
			warnings.add(new LocalFirmReport.Warning(row.line(), firm.name, "与第 " + firm.line + " 行是同一企业，" + prop
					+ " 不一致（" + before + " / " + value + "），按第 " + firm.line + " 行导入"));
		}
	}

	private Map<String, String> resolveHeaders(String fileName, List<String> header) {
		Map<String, String> byKey = new HashMap<>();
		for (String h : header) {
			byKey.putIfAbsent(TableRows.headerKey(h), h);
		}
		Map<String, String> headerOf = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> column : COLUMNS.entrySet()) {
			for (String alias : column.getValue()) {
				String h = byKey.get(TableRows.headerKey(alias));
				if (h != null) {
					headerOf.put(column.getKey(), h);
					break;
				}
			}
		}
		List<String> missing = REQUIRED.stream().filter(r -> !headerOf.containsKey(r)).sorted().toList();
		if (!missing.isEmpty()) {
			throw new TableRows.UnreadableTableException(fileName + " 第 1 行（表头）缺少必填列：" + String.join("、", missing)
					+ "。表头应为：" + String.join(",", COLUMNS.keySet()) + "；实际为：" + String.join(",", header), null);
		}
		return headerOf;
	}

	private static List<String> split(String cell) {
		if (cell.isBlank()) {
			return List.of();
		}
		List<String> parts = new ArrayList<>();
		for (String p : SEPARATORS.split(cell)) {
			if (!p.isBlank()) {
				parts.add(p.trim());
			}
		}
		return parts;
	}

	private static @Nullable Double number(Map<String, String> c, String column, List<String> reasons) {
		String v = c.getOrDefault(column, "").replace(",", "").replace("，", "").trim();
		if (v.isEmpty() || v.equals("-") || v.equals("—")) {
			return null;
		}
		try {
			double d = Double.parseDouble(v);
			if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
				reasons.add(column + " '" + c.get(column) + "' 不能为负数");
				return null;
			}
			return d;
		}
		catch (NumberFormatException ex) {
			reasons.add(column + " '" + c.get(column) + "' 不是数字");
			return null;
		}
	}

	private static @Nullable Boolean yesNo(String v, List<String> reasons) {
		switch (v.toLowerCase(Locale.ROOT)) {
			case "" -> {
				return null;
			}
			case "是", "y", "yes", "true", "1", "规上", "√" -> {
				return true;
			}
			case "否", "n", "no", "false", "0", "规下", "×" -> {
				return false;
			}
			default -> {
				reasons.add(ABOVE_SCALE + " '" + v + "' 应填“是”或“否”");
				return null;
			}
		}
	}

	private static @Nullable String carrier(Reference ref, String text) {
		String exact = ref.carriers().get(text);
		if (exact != null) {
			return exact;
		}
		String shortText = text.replaceAll("(镇|乡|街道|办事处)$", "");
		for (Map.Entry<String, String> e : ref.carriers().entrySet()) {
			String shortName = e.getKey().replaceAll("(镇|乡|街道)$", "");
			if (shortName.equals(shortText) || e.getKey().replace("桐城", "").equals(text.replace("桐城", ""))) {
				return e.getValue();
			}
		}
		return null;
	}

	private Reference reference(Set<String> listedProducts) {
		return graph.read(tx -> {
			Set<String> products = new HashSet<>(tx.run("""
					UNWIND $names AS name
					MATCH (p:Product {name: name}) WHERE p.nonProduct IS NULL
					RETURN p.name AS name""", Map.of("names", List.copyOf(listedProducts))).list(r -> r.get("name").asString()));
			Map<String, String> chains = new LinkedHashMap<>();
			Map<String, Map<String, String>> nodes = new HashMap<>();
			tx.run("MATCH (c:Chain) RETURN c.id AS id, c.name AS name ORDER BY c.id").forEachRemaining(r -> {
				chains.put(r.get("name").asString(), r.get("id").asString());
				chains.put(r.get("id").asString(), r.get("id").asString());
			});
			tx.run("MATCH (n:ChainNode) RETURN n.chain AS chain, n.id AS id, n.name AS name, n.key AS key ORDER BY n.chain, n.level, n.order")
				.forEachRemaining(r -> {
					Map<String, String> m = nodes.computeIfAbsent(r.get("chain").asString(), k -> new LinkedHashMap<>());
					m.putIfAbsent(r.get("name").asString(), r.get("key").asString());
					m.putIfAbsent(r.get("id").asString(), r.get("key").asString());
				});
			Map<String, String> carriers = new LinkedHashMap<>();
			tx.run("MATCH (c:Carrier {region: $region}) RETURN c.name AS name, c.key AS key ORDER BY c.name",
					Map.of("region", properties.home().region()))
				.forEachRemaining(r -> carriers.put(r.get("name").asString(), r.get("key").asString()));
			return new Reference(chains, nodes, carriers, products);
		});
	}

	/** Entity resolution against the listed companies: credit code, full name, name without legal form, short name. */
	private List<LocalFirmReport.Match> resolve(java.util.Collection<Firm> firms) {
		Map<String, Firm> byFull = new HashMap<>();
		Map<String, Firm> byCore = new HashMap<>();
		Map<String, Firm> byCode = new HashMap<>();
		for (Firm f : firms) {
			byFull.put(FirmNames.normalize(f.name), f);
			byCore.put(FirmNames.core(f.name), f);
			if (f.code != null) {
				byCode.put(f.code, f);
			}
		}
		Map<Firm, LocalFirmReport.Match> best = new LinkedHashMap<>();
		graph.read(tx -> {
			tx.run("""
					MATCH (e:Enterprise)
					RETURN e.code AS code, e.name AS name, e.fullName AS fullName, e.creditCode AS creditCode""")
				.forEachRemaining(r -> {
					String code = r.get("code").asString();
					String name = r.get("name").asString("");
					String full = r.get("fullName").asString("");
					String credit = r.get("creditCode").asString("");
					Firm f;
					if (!credit.isEmpty() && (f = byCode.get(credit)) != null) {
						offer(best, f, code, name, "creditCode", 1.0);
					}
					if (!full.isEmpty()) {
						String n = FirmNames.normalize(full);
						if ((f = byFull.get(n)) != null) {
							offer(best, f, code, name, "fullName", 0.95);
						}
						else if ((f = byCore.get(FirmNames.core(full))) != null) {
							offer(best, f, code, name, "nameCore", 0.8);
						}
					}
				});
			return null;
		});
		List<LocalFirmReport.Match> matches = new ArrayList<>(best.values());
		matches.sort(java.util.Comparator.comparingInt(LocalFirmReport.Match::line));
		return List.copyOf(matches);
	}

	private static void offer(Map<Firm, LocalFirmReport.Match> best, Firm f, String code, String name, String method, double confidence) {
		LocalFirmReport.Match now = best.get(f);
		if (now == null || now.confidence() < confidence) {
			best.put(f, new LocalFirmReport.Match(f.line, f.name, code, name, method, confidence));
		}
	}

	private void write(String fileName, String sha, java.util.Collection<Firm> firms, List<LocalFirmReport.Match> matches,
			LocalFirmReport report) {
		long src = Sources.id(DATASET, fileName, sha);
		Map<String, LocalFirmReport.Match> matchByLine = new HashMap<>();
		for (LocalFirmReport.Match m : matches) {
			matchByLine.put(m.line() + "\u0000" + m.firm(), m);
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Firm f : firms) {
			Map<String, Object> props = new LinkedHashMap<>();
			props.put("key", f.key);
			props.put("name", f.name);
			if (f.code != null) {
				props.put("creditCode", f.code);
			}
			props.putAll(f.props);
			props.put("chains", List.copyOf(f.chains));
			props.put("products", List.copyOf(f.products));
			if (!f.unknownProducts.isEmpty()) {
				props.put("otherProducts", List.copyOf(f.unknownProducts));
			}
			props.put("sourceLine", (long) f.line);
			props.put("src", src);
			Map<String, Object> row = new HashMap<>();
			row.put("key", f.key);
			row.put("props", props);
			row.put("nodes", List.copyOf(f.nodes));
			row.put("carrier", f.carrier);
			row.put("products", List.copyOf(f.products));
			LocalFirmReport.Match m = matchByLine.get(f.line + "\u0000" + f.name);
			row.put("same", m == null ? null : Map.of("code", m.code(), "method", m.method(), "confidence", m.confidence()));
			rows.add(row);
		}
		String reportJson = JSON.writeValueAsString(report);
		graph.write(tx -> {
			Sources.record(tx, DATASET, fileName, sha, "upload", null);
			tx.run("MATCH (f:LocalFirm) WHERE NOT f.key IN $keys DETACH DELETE f",
					Map.of("keys", rows.stream().map(r -> r.get("key")).toList())).consume();
			tx.run("""
					UNWIND $rows AS row
					MERGE (f:LocalFirm {key: row.key})
					SET f = row.props
					WITH f, row
					OPTIONAL MATCH (f)-[old:IN_NODE|AT|PRODUCES|SAME_AS|LOCATED_IN]->()
					DELETE old
					WITH DISTINCT f, row
					CALL (f, row) {
					  UNWIND row.nodes AS key
					  MATCH (n:ChainNode {key: key})
					  MERGE (f)-[r:IN_NODE]->(n) SET r.src = f.src
					}
					CALL (f, row) {
					  UNWIND row.products AS name
					  MATCH (p:Product {name: name})
					  MERGE (f)-[r:PRODUCES]->(p) SET r.src = f.src
					}
					CALL (f, row) {
					  MATCH (c:Carrier {key: row.carrier})
					  MERGE (f)-[r:AT]->(c) SET r.src = f.src
					}
					CALL (f, row) {
					  MATCH (h:Region {code: $region})
					  MERGE (f)-[r:LOCATED_IN]->(h) SET r.src = f.src, r.method = 'localList'
					}
					CALL (f, row) {
					  MATCH (e:Enterprise {code: row.same.code})
					  MERGE (f)-[r:SAME_AS]->(e) SET r.method = row.same.method, r.confidence = row.same.confidence, r.src = f.src
					}""", Map.of("rows", rows, "region", properties.home().region())).consume();
			tx.run("""
					MERGE (d:Dataset {id: $id})
					SET d.status = 'COMPLETE', d.file = $file, d.sample = $sample, d.report = $report, d.summary = $summary,
					    d.startedAt = datetime(), d.completedAt = datetime()""",
					Map.of("id", DATASET, "file", fileName, "sample", report.sample(), "report", reportJson, "summary", report.summary()))
				.consume();
			return null;
		});
	}

	private void writeReportFiles(LocalFirmReport report) {
		Path dir = properties.importing().reportDir();
		try {
			Files.createDirectories(dir);
			Files.writeString(dir.resolve(DATASET + "-import-report.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
		}
		catch (IOException ex) {
			log.warn("Cannot write the local-firm report to {}: {}", dir, ex.toString());
		}
	}

	/** Reads a configured file: {@code classpath:…} or a path. */
	public static byte[] readLocation(String location) {
		try {
			if (location.startsWith("classpath:")) {
				String path = location.substring("classpath:".length()).replaceAll("^/+", "");
				try (InputStream in = LocalFirmService.class.getClassLoader().getResourceAsStream(path)) {
					if (in == null) {
						throw new IllegalArgumentException("找不到文件：" + location);
					}
					return in.readAllBytes();
				}
			}
			return Files.readAllBytes(Path.of(location));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + location, ex);
		}
	}

	static String sha256(byte[] bytes) {
		return Sources.sha256(bytes);
	}
}
