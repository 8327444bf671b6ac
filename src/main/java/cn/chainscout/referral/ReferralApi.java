package cn.chainscout.referral;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.chainscout.enterprise.EnterpriseCodes;
import cn.chainscout.graph.Graph;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 以商招商: the referrer list, warm paths to a target, and the project ledger with referral credit. */
@RestController
class ReferralApi {

	private final ReferrerService referrers;

	private final WarmPaths warmPaths;

	private final Projects projects;

	private final Graph graph;

	private final ProjectLedgers ledgers;

	private final ProjectImport projectImport;

	ReferralApi(ReferrerService referrers, WarmPaths warmPaths, Projects projects, ProjectLedgers ledgers, ProjectImport projectImport,
			Graph graph) {
		this.ledgers = ledgers;
		this.projectImport = projectImport;
		this.referrers = referrers;
		this.warmPaths = warmPaths;
		this.projects = projects;
		this.graph = graph;
	}

	/** A referrer and the ties the list gives it. */
	record Referrer(String name, String kind, @Nullable String city, @Nullable String cityCode, @Nullable String address,
			@Nullable String hometown, @Nullable String contact, @Nullable String remark, List<String> ties, int line, int credits) {
	}

	record Referrers(@Nullable ReferrerReport report, List<Referrer> referrers) {
	}

	@Operation(summary = "引荐人名单（人士、商会、协会、中介、基金、高校院所）及最近一次导入报告")
	@GetMapping("/api/v1/referrers")
	Referrers list() {
		return new Referrers(referrers.lastReport().orElse(null), referrerRows());
	}

	List<Referrer> referrerRows() {
		return graph.query("""
				MATCH (r:Referrer)
				OPTIONAL MATCH (r)-[:LOCATED_IN]->(c:Region)
				OPTIONAL MATCH (r)-[t]-(o) WHERE t.dataset = 'referrers'
				WITH r, c, t, o ORDER BY t.sourceLine
				WITH r, c, collect(CASE WHEN t IS NULL THEN NULL
				    WHEN startNode(t) = r THEN type(t) + '|→|' + coalesce(o.name, o.code)
				    ELSE type(t) + '|←|' + coalesce(o.name, o.code) END) AS ties
				RETURN r{.*} AS r, c.code AS cityCode, ties, COUNT { (r)-[:CREDITED]->() } AS credits
				ORDER BY r.sourceLine""", Map.of()).stream().map(rec -> {
			var r = rec.get("r");
			List<String> ties = rec.get("ties").asList(v -> {
				String[] f = v.asString().split("\\|", 3);
				String kind = Ties.byType(f[0]).map(Ties.Kind::chinese).orElse(f[0]);
				return f[1].equals("→") ? kind + "：" + f[2] : f[2] + " " + kind + "→本人";
			});
			return new Referrer(r.get("name").asString(), r.get("kind").asString(), r.get("city").asString(null),
					rec.get("cityCode").asString(null), r.get("address").asString(null), r.get("hometown").asString(null),
					r.get("contact").asString(null), r.get("remark").asString(null), ties, r.get("sourceLine").asInt(),
					rec.get("credits").asInt());
		}).toList();
	}

	@Operation(summary = "上传引荐人名单（CSV 或 XLSX，表头见模板），替换原名单；有错误的行不导入，在报告中列出行号和原因")
	@PostMapping(value = "/api/v1/referrers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ReferrerReport upload(@RequestParam("file") MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw new IllegalArgumentException("上传的文件是空的");
		}
		return referrers.importList(file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename(), file.getBytes());
	}

	@Operation(summary = "引荐人名单模板（Excel），含填写说明和可填的类型、关系")
	@GetMapping("/api/v1/referrers/template.xlsx")
	ResponseEntity<byte[]> templateXlsx() {
		return attachment("引荐人名单模板.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ReferrerTemplates.xlsx());
	}

	@Operation(summary = "引荐人名单模板（CSV，UTF-8）")
	@GetMapping("/api/v1/referrers/template.csv")
	ResponseEntity<byte[]> templateCsv() {
		return attachment("引荐人名单模板.csv", "text/csv;charset=UTF-8", ReferrerTemplates.csv());
	}

	private static ResponseEntity<byte[]> attachment(String name, String type, byte[] body) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	record WarmPathList(String code, String rule, List<WarmPaths.WarmPath> paths) {
	}

	@Operation(summary = "引荐路径：从本地企业、本市引荐人到该企业的 1–3 跳关系路径，按强度排序，每跳写明关系")
	@GetMapping("/api/v1/enterprises/{code}/warm-paths")
	WarmPathList warmPaths(@PathVariable String code, @RequestParam(defaultValue = "10") int limit) {
		if (limit < 1 || limit > 100) {
			throw new IllegalArgumentException("参数 limit 的值 '" + limit + "' 应在 1 到 100 之间");
		}
		String c = EnterpriseCodes.check(code);
		if (graph.query("MATCH (e:Enterprise {code: $code}) RETURN e", Map.of("code", c)).isEmpty()) {
			throw new cn.chainscout.web.NotFoundException("没有代码为 " + c + " 的企业");
		}
		return new WarmPathList(c, Ties.RULE, warmPaths.to(c, limit));
	}

	@Operation(summary = "登记招商项目（台账）：企业、产业链、阶段（在谈→签约→开工→入库→投产→达产）、投资额、引荐人")
	@PostMapping("/api/v1/projects")
	Projects.Project create(@RequestBody Projects.NewProject request) {
		return projects.create(request);
	}

	/** A move to a later stage. */
	record StageRequest(@Nullable String stage, @Nullable String by, java.time.@Nullable LocalDate date) {
	}

	@Operation(summary = "推进项目阶段；签约及以后，引荐人获得引荐记功")
	@PostMapping("/api/v1/projects/{id}/stage")
	Projects.Project advance(@PathVariable String id, @RequestBody StageRequest request) {
		return projects.advance(id, request.stage(), request.by(), request.date());
	}

	/** Taking back the latest move. */
	record UndoRequest(@Nullable String stage, @Nullable String by, @Nullable String reason) {
	}

	@Operation(summary = "撤销上一步：stage 填要撤销的当前阶段（与项目不符则不撤销），项目回到上一阶段，撤销记入更正记录（经办人、原因）；回到签约之前，引荐记功随之取消")
	@PostMapping("/api/v1/projects/{id}/undo")
	Projects.Project undo(@PathVariable String id, @RequestBody UndoRequest request) {
		return projects.undo(id, request.stage(), request.by(), request.reason());
	}

	@Operation(summary = "项目台账，可按产业链、企业或当前阶段筛选，新登记的在前")
	@GetMapping("/api/v1/projects")
	List<Projects.Project> projects(@RequestParam(required = false) String chain, @RequestParam(required = false) String enterprise,
			@RequestParam(required = false) String stage) {
		return projects.list(blankToNull(chain), enterprise == null || enterprise.isBlank() ? null : EnterpriseCodes.check(enterprise),
				blankToNull(stage));
	}

	@Operation(summary = "项目台账导出为 Excel：台账、阶段汇总和说明三张表，筛选同台账页（产业链、阶段、关键词；期间 from、to 时为期间内有进展的项目和期间内到达的阶段）")
	@GetMapping("/api/v1/projects/export.xlsx")
	ResponseEntity<byte[]> ledgerWorkbook(@RequestParam(required = false) String chain, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String q, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		ProjectLedger ledger = ledgers.read(blankToNull(chain), blankToNull(stage), blankToNull(q), ProjectLedgers.date(from, "from"),
				ProjectLedgers.date(to, "to"));
		return attachment("招商项目台账" + cn.chainscout.system.ChinaTime.today() + ".xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ledger.workbook());
	}

	@Operation(summary = "导入已有的项目台账（multipart 字段 file，Excel 或 CSV，列见模板；链探导出的台账也可导入）：已在台账中的项目不变，有错误的行列出行号和原因")
	@PostMapping(value = "/api/v1/projects/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ProjectImport.Report importLedger(@RequestParam("file") MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw new IllegalArgumentException("上传的文件是空的");
		}
		return projectImport.importLedger(file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename(), file.getBytes());
	}

	@Operation(summary = "项目台账导入模板（Excel），第二张表为填写说明")
	@GetMapping("/api/v1/projects/template.xlsx")
	ResponseEntity<byte[]> ledgerTemplate() {
		return attachment("招商项目台账模板.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ProjectImport.template());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	@GetMapping("/api/v1/projects/{id}")
	Projects.Project project(@PathVariable String id) {
		return projects.get(id);
	}

	@Operation(summary = "引荐人的引荐记功：经其引荐并已签约落地的项目")
	@GetMapping("/api/v1/referrers/{name}/credits")
	List<Projects.Project> credits(@PathVariable String name) {
		return projects.creditedTo(name);
	}
}
