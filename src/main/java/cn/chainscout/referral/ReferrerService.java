package cn.chainscout.referral;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chainscout.graph.Graph;
import cn.chainscout.graph.Sources;
import cn.chainscout.localfirm.LocalFirmsChanged;
import cn.chainscout.localfirm.TableRows;
import cn.chainscout.region.Gazetteer;
import cn.chainscout.region.Region;
import cn.chainscout.system.ChainScoutProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The office's list of referrers (引荐人) and their ties, imported from CSV or XLSX. One row is one
 * tie; a referrer's own columns are taken from its first row that fills them. An import replaces the
 * previous list; rows with errors are rejected with their line and every reason, and nothing else
 * of the file is lost.
 */
@Service
public class ReferrerService {

	private static final Logger log = LoggerFactory.getLogger(ReferrerService.class);

	public static final String DATASET = "referrers";

	static final String NAME = "引荐人";
	static final String KIND = "类型";
	static final String CITY = "所在地";
	static final String ADDRESS = "地址";
	static final String HOMETOWN = "籍贯";
	static final String TIE = "关系";
	static final String OBJECT = "关系对象";
	static final String SINCE = "起始年份";
	static final String LAST_CONTACT = "最近联系";
	static final String CONTACT = "联系方式";
	static final String REMARK = "备注";

	static final List<String> COLUMNS = List.of(NAME, KIND, CITY, ADDRESS, HOMETOWN, TIE, OBJECT, SINCE, LAST_CONTACT, CONTACT, REMARK);

	/** 本地企业 rows name a local firm of the list, which then opens the door itself. */
	static final String LOCAL_FIRM = "本地企业";

	static final List<String> PERSON_KINDS = List.of("桐城籍人士", "企业家", "院士");

	static final List<String> ORGANISATION_KINDS = List.of("商会", "行业协会", "中介机构", "基金", "高校院所");

	private static final Pattern STOCK_CODE = Pattern.compile("(\\d{6})(?:\\.(SZ|SH|BJ))?", Pattern.CASE_INSENSITIVE);

	private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})(?:\\s*[-/.月]\\s*(\\d{1,2})\\s*日?)?\\s*月?");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Graph graph;

	private final ChainScoutProperties properties;

	private final Gazetteer gazetteer = Gazetteer.load();

	public ReferrerService(Graph graph, ChainScoutProperties properties) {
		this.graph = graph;
		this.properties = properties;
	}

	/** True when a referrer list has been imported (the sample counts). */
	public boolean hasList() {
		return !graph.query("MATCH (d:Dataset {id: $id}) RETURN d", Map.of("id", DATASET)).isEmpty();
	}

	public Optional<ReferrerReport> lastReport() {
		return graph.query("MATCH (d:Dataset {id: $id}) RETURN d.report AS report", Map.of("id", DATASET))
			.stream()
			.findFirst()
			.filter(r -> !r.get("report").isNull())
			.map(r -> JSON.readValue(r.get("report").asString(), ReferrerReport.class));
	}

	/**
	 * A new local-firm list replaces the local firms, and with them the ties the referrer list gave
	 * them: read the last referrer list again so those ties come back (rows naming firms no longer
	 * on the list are then rejected, and the report says so).
	 */
	@EventListener
	public void localFirmsChanged(LocalFirmsChanged event) {
		graph.query("MATCH (d:Dataset {id: $id}) WHERE d.content IS NOT NULL RETURN d.file AS file, d.content AS content",
				Map.of("id", DATASET)).stream().findFirst().ifPresent(r -> {
					try {
						importList(r.get("file").asString(), r.get("content").asByteArray());
					}
					catch (RuntimeException ex) {
						log.warn("Could not re-read the referrer list after the local firms changed: {}", ex.getMessage());
					}
				});
	}

	/** Imports the configured list (the bundled sample by default). */
	public ReferrerReport importConfigured() {
		String location = properties.home().referrers();
		String file = location.substring(location.lastIndexOf('/') + 1);
		return importList(file, cn.chainscout.localfirm.LocalFirmService.readLocation(location));
	}

	private static final class Referrer {

		final String name;
		final int line;
		String kind = "";
		@Nullable String city;
		@Nullable String address;
		@Nullable String hometown;
		@Nullable String contact;
		@Nullable String remark;

		Referrer(String name, int line) {
			this.name = name;
			this.line = line;
		}
	}

	private record Tie(int line, String from, String fromKind, Ties.Kind kind, String to, String toKind, @Nullable Integer since,
			@Nullable LocalDate lastContact, @Nullable String remark) {
	}

	/** What an object of a tie may be, looked up once per import. */
	private record Lookup(Set<String> codes, Map<String, String> codeByName, Set<String> localFirms) {
	}

	public synchronized ReferrerReport importList(String fileName, byte[] bytes) {
		TableRows.Table table = TableRows.read(fileName, bytes);
		List<String> missing = List.of(NAME, KIND, TIE, OBJECT).stream().filter(c -> !table.header().contains(c)).toList();
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException("文件 " + fileName + " 缺少必需的列：" + String.join("、", missing) + "（表头应为："
					+ String.join(",", COLUMNS) + "）");
		}
		String sha = Sources.sha256(bytes);
		boolean sample = fileName.contains("sample") || fileName.contains("示例");
		Lookup lookup = lookup();
		LocalDate today = LocalDate.now();
		Map<String, Referrer> referrers = new LinkedHashMap<>();
		List<TableRows.Row> data = new ArrayList<>();
		List<ReferrerReport.Rejected> rejected = new ArrayList<>();
		List<ReferrerReport.Warning> warnings = new ArrayList<>();
		// First pass: the referrers and their own columns, so a tie may name a referrer defined further down.
		for (TableRows.Row row : table.rows()) {
			Map<String, String> c = row.cells();
			String name = cell(c, NAME);
			if (name.isEmpty() && c.values().stream().allMatch(String::isBlank)) {
				continue;
			}
			if (cell(c, REMARK).startsWith("示例行")) {
				warnings.add(new ReferrerReport.Warning(row.line(), name, "模板中的示例行，已跳过"));
				continue;
			}
			data.add(row);
			if (name.isEmpty()) {
				continue;
			}
			String kind = cell(c, KIND);
			Referrer r = referrers.get(name);
			if (r == null && !kind.isEmpty() && (PERSON_KINDS.contains(kind) || ORGANISATION_KINDS.contains(kind) || LOCAL_FIRM.equals(kind))) {
				r = new Referrer(name, row.line());
				r.kind = kind;
				referrers.put(name, r);
			}
			if (r == null) {
				continue;
			}
			if (!kind.isEmpty() && !kind.equals(r.kind)) {
				warnings.add(new ReferrerReport.Warning(row.line(), name, "类型“" + kind + "”与第 " + r.line + " 行的“" + r.kind + "”不同，按第 " + r.line + " 行"));
			}
			r.city = first(r.city, cell(c, CITY));
			r.address = first(r.address, cell(c, ADDRESS));
			r.hometown = first(r.hometown, cell(c, HOMETOWN));
			r.contact = first(r.contact, cell(c, CONTACT));
			r.remark = first(r.remark, cell(c, REMARK));
		}
		List<Tie> ties = new ArrayList<>();
		Set<String> keptReferrers = new LinkedHashSet<>();
		for (TableRows.Row row : data) {
			Map<String, String> c = row.cells();
			String name = cell(c, NAME);
			List<String> reasons = new ArrayList<>();
			if (name.isEmpty()) {
				rejected.add(new ReferrerReport.Rejected(row.line(), "", List.of("引荐人为空")));
				continue;
			}
			Referrer r = referrers.get(name);
			String kindText = cell(c, KIND);
			if (r == null) {
				reasons.add(kindText.isEmpty() ? "类型为空（可填：" + allKinds() + "）" : "类型“" + kindText + "”无效（可填：" + allKinds() + "）");
			}
			else if (LOCAL_FIRM.equals(r.kind) && !lookup.localFirms().contains(name)) {
				reasons.add("本地企业“" + name + "”不在本地企业名单中");
			}
			String tieText = cell(c, TIE);
			String object = cell(c, OBJECT);
			Ties.Kind kind = null;
			if (!tieText.isEmpty()) {
				kind = Ties.BY_CHINESE.get(tieText);
				if (kind == null) {
					reasons.add("关系“" + tieText + "”无效（可填：" + String.join("、", Ties.BY_CHINESE.keySet()) + "）");
				}
			}
			if (tieText.isEmpty() != object.isEmpty()) {
				reasons.add(tieText.isEmpty() ? "填了关系对象“" + object + "”但关系为空" : "填了关系“" + tieText + "”但关系对象为空");
			}
			String[] target = object.isEmpty() ? null : resolve(object, lookup, referrers);
			if (!object.isEmpty() && target == null) {
				reasons.add("关系对象“" + object + "”不是已知的企业（股票代码或全称）、本地企业，也不是本表中的引荐人");
			}
			if (target != null && target[1].equals("referrer") && target[0].equals(name)) {
				reasons.add("关系对象不能是引荐人自己");
			}
			Integer since = null;
			String sinceText = cell(c, SINCE);
			if (!sinceText.isEmpty()) {
				since = year(sinceText, today);
				if (since == null) {
					reasons.add("起始年份“" + sinceText + "”无效，应为 1950 到 " + today.getYear() + " 之间的四位年份");
				}
			}
			LocalDate last = null;
			String lastText = cell(c, LAST_CONTACT);
			if (!lastText.isEmpty()) {
				last = date(lastText);
				if (last == null) {
					reasons.add("最近联系“" + lastText + "”不是日期（如 2026-03-15）");
				}
				else if (last.isAfter(today)) {
					reasons.add("最近联系“" + lastText + "”晚于今天");
					last = null;
				}
			}
			if (!reasons.isEmpty()) {
				rejected.add(new ReferrerReport.Rejected(row.line(), name, reasons));
				continue;
			}
			keptReferrers.add(name);
			if (r.city != null && row.line() == r.line && region(r.city) == null) {
				warnings.add(new ReferrerReport.Warning(row.line(), name, "所在地“" + r.city + "”不是已知的省、市或县，引荐人已导入但没有位置"));
			}
			if (r.hometown != null && row.line() == r.line && region(r.hometown) == null) {
				warnings.add(new ReferrerReport.Warning(row.line(), name, "籍贯“" + r.hometown + "”不是已知的地区，未记录籍贯"));
			}
			if (kind != null && target != null) {
				ties.add(new Tie(row.line(), name, LOCAL_FIRM.equals(r.kind) ? "localFirm" : "referrer", kind, target[0], target[1], since, last,
						nullIfEmpty(cell(c, REMARK))));
			}
		}
		// A referrer all of whose rows were rejected is not imported, and ties to it go too.
		List<Tie> kept = new ArrayList<>();
		for (Tie t : ties) {
			if (t.toKind().equals("referrer") && !keptReferrers.contains(t.to())) {
				rejected.add(new ReferrerReport.Rejected(t.line(), t.from(), List.of("关系对象“" + t.to() + "”的行全部被拒收")));
				continue;
			}
			kept.add(t);
		}
		Map<String, Integer> byKind = new TreeMap<>();
		kept.forEach(t -> byKind.merge(t.kind().chinese(), 1, Integer::sum));
		int referrerCount = (int) keptReferrers.stream().filter(n -> !LOCAL_FIRM.equals(referrers.get(n).kind)).count();
		rejected.sort(java.util.Comparator.comparingInt(ReferrerReport.Rejected::line));
		ReferrerReport report = new ReferrerReport(fileName, sha, sample, OffsetDateTime.now(), data.size(), referrerCount, byKind,
				List.copyOf(rejected), List.copyOf(warnings));
		write(fileName, bytes, sha, report, keptReferrers.stream().map(referrers::get).filter(r -> !LOCAL_FIRM.equals(r.kind)).toList(), kept);
		writeReportFile(report);
		log.info("Referrers from {}: {}", fileName, report.summary());
		return report;
	}

	private Lookup lookup() {
		Set<String> codes = new java.util.HashSet<>();
		Map<String, String> byName = new HashMap<>();
		graph.query("MATCH (e:Enterprise) RETURN e.code AS code, e.name AS name, e.fullName AS fullName", Map.of()).forEach(r -> {
			String code = r.get("code").asString();
			codes.add(code);
			if (!r.get("fullName").isNull()) {
				byName.put(r.get("fullName").asString(), code);
			}
			if (!r.get("name").isNull()) {
				byName.putIfAbsent(r.get("name").asString(), code);
			}
		});
		Set<String> firms = new java.util.HashSet<>();
		graph.query("MATCH (f:LocalFirm) RETURN f.name AS name", Map.of()).forEach(r -> firms.add(r.get("name").asString()));
		return new Lookup(codes, byName, firms);
	}

	/** @return {key, kind} of the tie's other end, or null */
	private static String @Nullable [] resolve(String object, Lookup lookup, Map<String, Referrer> referrers) {
		Matcher m = STOCK_CODE.matcher(object);
		if (m.matches()) {
			if (m.group(2) != null) {
				String code = m.group(1) + "." + m.group(2).toUpperCase(java.util.Locale.ROOT);
				return lookup.codes().contains(code) ? new String[] { code, "enterprise" } : null;
			}
			for (String suffix : List.of(".SZ", ".SH", ".BJ")) {
				if (lookup.codes().contains(m.group(1) + suffix)) {
					return new String[] { m.group(1) + suffix, "enterprise" };
				}
			}
			return null;
		}
		Referrer r = referrers.get(object);
		if (r != null) {
			return new String[] { object, LOCAL_FIRM.equals(r.kind) ? "localFirm" : "referrer" };
		}
		if (lookup.localFirms().contains(object)) {
			return new String[] { object, "localFirm" };
		}
		String code = lookup.codeByName().get(object);
		return code == null ? null : new String[] { code, "enterprise" };
	}

	private @Nullable Region region(String text) {
		return gazetteer.find(text).orElse(null);
	}

	private void write(String fileName, byte[] content, String sha, ReferrerReport report, List<Referrer> referrers, List<Tie> ties) {
		List<Map<String, Object>> people = new ArrayList<>();
		for (Referrer r : referrers) {
			Map<String, Object> p = new HashMap<>();
			p.put("key", r.name);
			p.put("name", r.name);
			p.put("kind", r.kind);
			p.put("person", PERSON_KINDS.contains(r.kind));
			p.put("city", r.city);
			p.put("address", r.address);
			p.put("hometown", r.hometown);
			p.put("contact", r.contact);
			p.put("remark", r.remark);
			p.put("line", (long) r.line);
			Region city = r.city == null ? null : region(r.city);
			Region home = r.hometown == null ? null : region(r.hometown);
			p.put("cityCode", city == null ? null : city.code());
			p.put("hometownCode", home == null ? null : home.code());
			people.add(p);
		}
		Map<String, List<Map<String, Object>>> byType = new LinkedHashMap<>();
		for (Tie t : ties) {
			Map<String, Object> row = new HashMap<>();
			row.put("from", t.from());
			row.put("fromKind", t.fromKind());
			row.put("to", t.to());
			row.put("toKind", t.toKind());
			row.put("since", t.since() == null ? null : (long) t.since());
			row.put("lastContact", t.lastContact());
			row.put("remark", t.remark());
			row.put("line", (long) t.line());
			byType.computeIfAbsent(t.kind().type(), k -> new ArrayList<>()).add(row);
		}
		String reportJson = JSON.writeValueAsString(report);
		graph.write(tx -> {
			long src = Sources.record(tx, DATASET, fileName, sha, "upload", null);
			tx.run("MATCH (r:Referrer) WHERE NOT r.key IN $keys DETACH DELETE r",
					Map.of("keys", referrers.stream().map(r -> r.name).toList())).consume();
			tx.run("MATCH (a)-[t:" + Ties.typePattern() + "]->() WHERE a:Referrer OR a:LocalFirm DELETE t").consume();
			tx.run("""
					UNWIND $rows AS row
					MERGE (r:Referrer {key: row.key})
					SET r = row {.key, .name, .kind, .person, .city, .address, .hometown, .contact, .remark}, r.sourceLine = row.line,
					    r.src = $src, r.sample = $sample
					WITH r, row
					OPTIONAL MATCH (r)-[old:LOCATED_IN|NATIVE_OF]->()
					DELETE old
					WITH DISTINCT r, row
					CALL (r, row) {
					  MATCH (c:Region {code: row.cityCode})
					  MERGE (r)-[x:LOCATED_IN]->(c) SET x.src = $src, x.method = 'referrerList'
					}
					CALL (r, row) {
					  MATCH (h:Region {code: row.hometownCode})
					  MERGE (r)-[x:NATIVE_OF]->(h) SET x.src = $src
					}""", Map.of("rows", people, "src", src, "sample", report.sample())).consume();
			for (Map.Entry<String, List<Map<String, Object>>> e : byType.entrySet()) {
				// The type comes from the fixed list in Ties, never from the file.
				tx.run("""
						UNWIND $rows AS row
						CALL (row) {
						  MATCH (a:Referrer {key: row.from}) WHERE row.fromKind = 'referrer' RETURN a
						  UNION
						  MATCH (a:LocalFirm {name: row.from}) WHERE row.fromKind = 'localFirm' RETURN a
						}
						CALL (row) {
						  MATCH (b:Enterprise {code: row.to}) WHERE row.toKind = 'enterprise' RETURN b
						  UNION
						  MATCH (b:LocalFirm {name: row.to}) WHERE row.toKind = 'localFirm' RETURN b
						  UNION
						  MATCH (b:Referrer {key: row.to}) WHERE row.toKind = 'referrer' RETURN b
						}
						MERGE (a)-[t:%s]->(b)
						SET t.since = row.since, t.lastContact = row.lastContact, t.remark = row.remark, t.sourceLine = row.line,
						    t.src = $src, t.dataset = $dataset""".formatted(e.getKey()),
						Map.of("rows", e.getValue(), "src", src, "dataset", DATASET)).consume();
			}
			tx.run("""
					MERGE (d:Dataset {id: $id})
					SET d.status = 'COMPLETE', d.file = $file, d.sample = $sample, d.report = $report, d.summary = $summary,
					    d.content = $content, d.startedAt = datetime(), d.completedAt = datetime()""",
					Map.of("id", DATASET, "file", fileName, "sample", report.sample(), "report", reportJson, "summary", report.summary(),
							"content", content))
				.consume();
			return null;
		});
	}

	private void writeReportFile(ReferrerReport report) {
		Path dir = properties.importing().reportDir();
		try {
			Files.createDirectories(dir);
			Files.writeString(dir.resolve(DATASET + "-import-report.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
		}
		catch (IOException ex) {
			log.warn("Cannot write the referrer report to {}: {}", dir, ex.toString());
		}
	}

	static String allKinds() {
		List<String> all = new ArrayList<>(PERSON_KINDS);
		all.addAll(ORGANISATION_KINDS);
		all.add(LOCAL_FIRM);
		return String.join("、", all);
	}

	private static String cell(Map<String, String> cells, String column) {
		String v = cells.get(column);
		return v == null ? "" : v.strip();
	}

	private static @Nullable String first(@Nullable String current, String value) {
		return current != null ? current : nullIfEmpty(value);
	}

	private static @Nullable String nullIfEmpty(String s) {
		return s.isBlank() ? null : s.strip();
	}

	static @Nullable Integer year(String text, LocalDate today) {
		String t = text.strip().replace("年", "");
		if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
			t = t.substring(0, 4); // a year typed into a date cell reads back as its first day
		}
		if (t.endsWith(".0")) {
			t = t.substring(0, t.length() - 2);
		}
		if (!t.matches("\\d{4}")) {
			return null;
		}
		int y = Integer.parseInt(t);
		return y >= 1950 && y <= today.getYear() ? y : null;
	}

	static @Nullable LocalDate date(String text) {
		Matcher m = DATE.matcher(text.strip());
		if (!m.matches()) {
			return null;
		}
		try {
			return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
		}
		catch (java.time.DateTimeException ex) {
			return null;
		}
	}
}
