package cn.chainscout.referral;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.chainscout.graph.Graph;
import cn.chainscout.localfirm.TableRows;
import cn.chainscout.system.ChainScoutProperties;
import cn.chainscout.system.ChinaTime;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings an office's existing project ledger (Excel or CSV, the columns of {@link #COLUMNS}) into the
 * graph, so that a city starts with the projects it already follows. A ledger exported from ChainScout
 * reads back the same way.
 *
 * <p>Each good row becomes a project with the stages it has reached, on the dates given. A row for a
 * project already in the ledger (same 项目编号, or same enterprise and project name) is left alone, so
 * importing the same file twice changes nothing. A row with a problem is not imported; the report gives
 * its line and every reason, and is saved next to the other import reports.
 */
@Service
public class ProjectImport {

	static final String ID = "项目编号";

	static final String NAME = "项目名称";

	static final String CODE = "企业代码";

	static final String ENTERPRISE = "企业";

	static final String CHAIN = "产业链";

	static final String STAGE = "当前阶段";

	static final String INVESTMENT = "投资额（亿元）";

	static final String REFERRERS = "引荐人";

	static final String BY = "登记人";

	/** The template's columns; the stage columns hold the date each stage was reached. */
	public static final List<String> COLUMNS = List.of(NAME, CODE, ENTERPRISE, CHAIN, STAGE, INVESTMENT, REFERRERS, BY, "在谈", "签约", "开工", "入库",
			"投产", "达产");

	/** Columns of ChainScout's own export that an import reads past: 项目编号 is read to find the project. */
	static final List<String> EXPORT_ONLY = List.of(ID, "已记功引荐人", "最近进展", "更正记录");

	/** Stands for a short name two enterprises share. */
	private static final String AMBIGUOUS = "\u0000ambiguous";

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProjectImport.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Graph graph;

	private final Projects projects;

	private final ChainScoutProperties properties;

	private final cn.chainscout.chain.ChainMaps chainMaps;

	public ProjectImport(Graph graph, Projects projects, cn.chainscout.chain.ChainMaps chainMaps, ChainScoutProperties properties) {
		this.graph = graph;
		this.chainMaps = chainMaps;
		this.projects = projects;
		this.properties = properties;
	}

	/** A row not imported, with its line in the file and every reason. */
	public record Rejected(int line, String project, List<String> reasons) {
	}

	/** A row imported with an assumption the user should know about. */
	public record Warning(int line, String project, String message) {
	}

	public record Report(String file, OffsetDateTime at, int rows, int imported, int alreadyThere, List<Rejected> rejected,
			List<Warning> warnings) {

		public String summary() {
			return "读取 " + rows + " 行，新导入 " + imported + " 个项目，" + alreadyThere + " 个已在台账中（未改动），" + rejected.size() + " 行有错误未导入"
					+ (warnings.isEmpty() ? "" : "，" + warnings.size() + " 条提示");
		}
	}

	/** What the rows are checked against, read once per import. */
	private record Known(Map<String, String> codeByName, Map<String, String> nameByCode, Map<String, String> chainByName,
			Set<String> referrers, Set<String> projectIds, Set<String> projectKeys) {
	}

	/**
	 * @throws IllegalArgumentException when the file cannot be read as a table or lacks the columns
	 *         that say which enterprise a row is about
	 */
	public synchronized Report importLedger(String fileName, byte[] bytes) {
		TableRows.Table table = normalised(TableRows.read(fileName, bytes));
		if (!table.header().contains(CODE) && !table.header().contains(ENTERPRISE)) {
			throw new IllegalArgumentException("文件 " + fileName + " 缺少“" + CODE + "”或“" + ENTERPRISE + "”列（表头应为：" + String.join(",", COLUMNS)
					+ "；可先下载模板）");
		}
		Known known = known();
		LocalDate today = ChinaTime.today();
		List<Rejected> rejected = new ArrayList<>();
		List<Warning> warnings = new ArrayList<>();
		List<String> ignored = table.header().stream().filter(h -> !h.isBlank() && !COLUMNS.contains(h) && !EXPORT_ONLY.contains(h)).toList();
		if (!ignored.isEmpty()) {
			warnings.add(new Warning(1, "表头", "不认识的列未导入：" + String.join("、", ignored) + "（可用的列见模板）"));
		}
		Map<String, Integer> seenInFile = new HashMap<>();
		int imported = 0;
		int alreadyThere = 0;
		for (TableRows.Row row : table.rows()) {
			Map<String, String> c = row.cells();
			List<String> reasons = new ArrayList<>();
			String code = enterprise(cell(c, CODE), cell(c, ENTERPRISE), known, reasons);
			String shown = !cell(c, NAME).isEmpty() ? cell(c, NAME) : !cell(c, ENTERPRISE).isEmpty() ? cell(c, ENTERPRISE) : cell(c, CODE);
			String name = !cell(c, NAME).isEmpty() ? cell(c, NAME) : code == null ? "" : known.nameByCode().getOrDefault(code, code) + "项目";
			String chain = chain(cell(c, CHAIN), known, reasons);
			Double investment = investment(cell(c, INVESTMENT), reasons);
			List<String> referrers = referrers(cell(c, REFERRERS), known, reasons);
			String by = cell(c, BY).isEmpty() ? "台账导入" : cell(c, BY).replace('|', '/');
			List<Warning> notes = new ArrayList<>();
			List<Projects.Move> moves = moves(c, today, by, reasons, notes, row.line(), shown);
			if (!reasons.isEmpty() || code == null || moves == null) {
				rejected.add(new Rejected(row.line(), shown, reasons));
				continue;
			}
			if (known.projectIds().contains(cell(c, ID))) {
				alreadyThere++;
				continue;
			}
			String key = key(code, name);
			Integer first = seenInFile.putIfAbsent(key, row.line());
			if (first != null) {
				rejected.add(new Rejected(row.line(), shown, List.of("与第 " + first + " 行是同一企业的同名项目（同一企业的几个项目请起不同的名称）")));
				continue;
			}
			if (known.projectKeys().contains(key)) {
				alreadyThere++;
				continue;
			}
			projects.restore(name, code, chain, investment == null ? null : investment * ProjectLedger.YI, referrers, by, moves);
			warnings.addAll(notes);
			imported++;
		}
		Report report = new Report(fileName, OffsetDateTime.now(), table.rows().size(), imported, alreadyThere, List.copyOf(rejected),
				List.copyOf(warnings));
		try {
			save(report);
		}
		catch (IOException | RuntimeException ex) {
			// the projects are in; the user still gets the report, and is told it was not kept
			log.warn("The project import report could not be saved in {}: {}", properties.importing().reportDir(), ex.toString());
			warnings.add(new Warning(0, "报告", "本次导入报告未能保存到 " + properties.importing().reportDir() + "，请保留本页内容：" + ex.getMessage()));
			report = new Report(fileName, report.at(), report.rows(), imported, alreadyThere, report.rejected(), List.copyOf(warnings));
		}
		return report;
	}

	private Known known() {
		Map<String, String> byName = new HashMap<>();
		Map<String, String> names = new HashMap<>();
		graph.query("MATCH (e:Enterprise) RETURN e.code AS code, e.name AS name, e.fullName AS fullName", Map.of()).forEach(r -> {
			String code = r.get("code").asString();
			names.put(code, r.get("name").isNull() ? code : r.get("name").asString());
			if (!r.get("name").isNull()) {
				// a short name two firms share is left to their codes: 企业代码 must say which
				byName.merge(r.get("name").asString(), code, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
			}
			if (!r.get("fullName").isNull()) {
				byName.put(r.get("fullName").asString(), code);
			}
		});
		Map<String, String> chains = new HashMap<>();
		chainMaps.chainNames().forEach((id, name) -> {
			chains.put(id, id);
			chains.put(name, id);
		});
		Set<String> referrers = new HashSet<>();
		graph.query("MATCH (r:Referrer) RETURN r.key AS key", Map.of()).forEach(r -> referrers.add(r.get("key").asString()));
		Set<String> ids = new HashSet<>();
		Set<String> keys = new HashSet<>();
		graph.query("MATCH (p:Project) RETURN p.id AS id, p.enterprise AS code, p.name AS name", Map.of()).forEach(r -> {
			ids.add(r.get("id").asString());
			keys.add(key(r.get("code").asString(), r.get("name").asString()));
		});
		return new Known(byName, names, chains, referrers, ids, keys);
	}

	/** The enterprise's code from its code (300750.SZ, or 300750 when one listing has it) or its full or short name. */
	private static @Nullable String enterprise(String code, String name, Known known, List<String> reasons) {
		if (!code.isEmpty()) {
			String c = code.toUpperCase(java.util.Locale.ROOT);
			if (c.matches("\\d{1,5}")) {
				c = "0".repeat(6 - c.length()) + c; // Excel drops a code's leading zeros (002594 → 2594)
			}
			if (known.nameByCode().containsKey(c)) {
				return c;
			}
			String bare = c;
			List<String> matches = known.nameByCode().keySet().stream().filter(k -> k.startsWith(bare + ".")).sorted().toList();
			if (matches.size() == 1) {
				return matches.get(0);
			}
			reasons.add(matches.isEmpty() ? "企业代码 " + code + " 不在企业库中"
					: "企业代码 " + code + " 对应多家上市企业（" + String.join("、", matches) + "），请写全代码");
			return null;
		}
		if (name.isEmpty()) {
			reasons.add("企业代码和企业名称都为空");
			return null;
		}
		String c = known.codeByName().get(name);
		if (c == null) {
			reasons.add("企业“" + name + "”不在企业库中（可改填股票代码，如 300750.SZ）");
		}
		else if (c.equals(AMBIGUOUS)) {
			reasons.add("企业简称“" + name + "”对应多家企业，请填企业代码");
			return null;
		}
		return c;
	}

	private static @Nullable String chain(String text, Known known, List<String> reasons) {
		if (text.isEmpty()) {
			return null;
		}
		String id = known.chainByName().get(text);
		if (id == null) {
			reasons.add("产业链“" + text + "”不存在（填产业链图谱中的名称，如 绿色包装）");
		}
		return id;
	}

	private static @Nullable Double investment(String text, List<String> reasons) {
		String t = text.replace(",", "").replace("，", "").replace("亿元", "").replace("亿", "").strip();
		if (t.isEmpty()) {
			return null;
		}
		try {
			double v = Double.parseDouble(t);
			if (v >= 0 && Double.isFinite(v)) {
				return v;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		reasons.add("投资额“" + text + "”不是不小于 0 的数（以亿元计，如 5 或 0.8）");
		return null;
	}

	private static List<String> referrers(String text, Known known, List<String> reasons) {
		List<String> names = java.util.Arrays.stream(text.split("[、,，;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
		List<String> unknown = names.stream().filter(n -> !known.referrers().contains(n)).toList();
		if (!unknown.isEmpty()) {
			reasons.add("引荐人 " + String.join("、", unknown) + " 不在引荐人名单中（先在“引荐人”页导入名单）");
		}
		return names;
	}

	/**
	 * The stages reached, from the date columns and the current stage: dates in stage order, none in the
	 * future, none after the current stage; the current stage without a date is taken as reached today.
	 */
	private static @Nullable List<Projects.Move> moves(Map<String, String> c, LocalDate today, String by, List<String> reasons,
			List<Warning> warnings, int line, String project) {
		String stageText = cell(c, STAGE);
		Map<String, LocalDate> dates = new HashMap<>();
		String lastDated = null;
		for (String s : Projects.STAGES) {
			String text = cell(c, s);
			if (text.isEmpty()) {
				continue;
			}
			LocalDate d = ReferrerService.date(text.replaceFirst("\\s+\\d{1,2}:\\d{2}(:\\d{2})?$", ""));
			if (d == null) {
				reasons.add("“" + s + "”的日期“" + text + "”无法识别（应写成 2026-11-02 这样的格式）");
			}
			else if (d.isAfter(today)) {
				reasons.add("“" + s + "”的日期 " + d + " 晚于今天");
			}
			else {
				dates.put(s, d);
				lastDated = s;
			}
		}
		String stage;
		if (!stageText.isEmpty()) {
			if (!Projects.STAGES.contains(stageText)) {
				reasons.add("当前阶段“" + stageText + "”无效，可填：" + String.join("、", Projects.STAGES));
				return null;
			}
			stage = stageText;
		}
		else if (lastDated != null) {
			stage = lastDated;
		}
		else {
			reasons.add("当前阶段为空，也没有填任何阶段的日期");
			return null;
		}
		List<Projects.Move> moves = new ArrayList<>();
		OffsetDateTime at = OffsetDateTime.now();
		LocalDate previous = null;
		for (String s : Projects.STAGES.subList(0, Projects.STAGES.indexOf(stage) + 1)) {
			LocalDate d = dates.get(s);
			if (d == null) {
				continue;
			}
			if (previous != null && d.isBefore(previous)) {
				reasons.add("“" + s + "”的日期 " + d + " 早于前一阶段的日期 " + previous);
			}
			previous = d;
			moves.add(new Projects.Move(s, d, by, at));
		}
		for (String s : Projects.STAGES.subList(Projects.STAGES.indexOf(stage) + 1, Projects.STAGES.size())) {
			if (dates.containsKey(s)) {
				reasons.add("填了“" + s + "”的日期，但当前阶段是“" + stage + "”");
			}
		}
		if (!dates.containsKey(stage) && reasons.isEmpty()) {
			moves.add(new Projects.Move(stage, today, by, at));
			warnings.add(new Warning(line, project, "当前阶段“" + stage + "”没有填日期，按导入当天 " + today + " 记"));
		}
		return reasons.isEmpty() ? moves : null;
	}

	/** The template: the ledger's columns on the first sheet, and how to fill them on the second. */
	static byte[] template() {
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
			var ledger = cn.chainscout.web.Sheets.sheet(wb, "项目台账", COLUMNS, new int[] { 24, 12, 16, 16, 10, 14, 20, 12, 12, 12, 12, 12, 12, 12 });
			cn.chainscout.web.Sheets.textColumn(ledger, COLUMNS.indexOf(CODE));
			var notes = cn.chainscout.web.Sheets.sheet(wb, "填写说明", List.of("填写说明"), new int[] { 110 });
			for (String line : List.of(
					"在“项目台账”表中每行填一个项目，表头不要改动；也可以直接导入链探导出的台账（Excel）",
					"项目名称：可空，默认为“企业简称+项目”",
					"企业代码：上市公司股票代码，如 300750.SZ（或 300750）；不填代码时填“企业”（简称或全称），须在企业库中",
					"产业链：产业链图谱中的名称，如 绿色包装、新能源汽车及零部件；可空",
					"当前阶段：" + String.join("、", Projects.STAGES) + "之一；可空，空时取最后一个填了日期的阶段",
					"投资额（亿元）：数字，如 5 或 0.8；可空",
					"引荐人：引荐人名单中的名称，多个用顿号分隔；可空",
					"登记人：可空，空时记为“台账导入”",
					"在谈……达产：到达该阶段的日期，如 2026-03-15，可空；日期须按阶段先后，不晚于今天，当前阶段之后的阶段不填",
					"同一企业的同名项目（或同一项目编号）已在台账中的，导入时保持不变；有错误的行不导入，报告中列出行号和原因",
					"示例：动力电池回收项目 | 300750.SZ | 宁德时代 | 新能源汽车及零部件 | 签约 | 20 | （空） | 招商二组 | 2026-03-02 | 2026-06-18")) {
				cn.chainscout.web.Sheets.row(notes, line);
			}
			return cn.chainscout.web.Sheets.bytes(wb);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void save(Report report) throws IOException {
		Path dir = properties.importing().reportDir();
		Files.createDirectories(dir);
		String stamp = report.at().atZoneSameInstant(ChinaTime.ZONE).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
		Files.writeString(dir.resolve("projects-import-" + stamp + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
	}

	/**
	 * The key of a project for "already in the ledger": the same enterprise and project name. Not the
	 * chain: a ledger that leaves the chain out would otherwise register the project again.
	 */
	private static String key(String code, String name) {
		return code + "\u0000" + name;
	}

	/** Headers as the template has them, however the file spells the brackets and spaces: 投资额(亿元) is 投资额（亿元）. */
	private static TableRows.Table normalised(TableRows.Table table) {
		Map<String, String> ours = new HashMap<>();
		java.util.stream.Stream.concat(COLUMNS.stream(), EXPORT_ONLY.stream()).forEach(h -> ours.put(TableRows.headerKey(h), h));
		java.util.function.UnaryOperator<String> rename = h -> ours.getOrDefault(TableRows.headerKey(h), h);
		List<String> header = table.header().stream().map(rename).toList();
		List<TableRows.Row> rows = table.rows().stream().map(r -> {
			Map<String, String> cells = new java.util.LinkedHashMap<>();
			r.cells().forEach((h, v) -> cells.put(rename.apply(h), v));
			return new TableRows.Row(r.line(), cells);
		}).toList();
		return new TableRows.Table(header, rows);
	}

	private static String cell(Map<String, String> cells, String column) {
		String v = cells.get(column);
		return v == null ? "" : v.strip();
	}
}
