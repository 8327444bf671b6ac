package cn.chainscout.localfirm;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import cn.chainscout.graph.Graph;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The office's local-firm list: upload, read back, and the template to fill in. */
@RestController
@RequestMapping("/api/v1/local-firms")
class LocalFirmApi {

	private final LocalFirmService service;

	private final Graph graph;

	LocalFirmApi(LocalFirmService service, Graph graph) {
		this.service = service;
		this.graph = graph;
	}

	/** A local firm as listed. */
	record Firm(String key, String name, String creditCode, String carrier, List<String> chains, List<String> nodes,
			List<String> products, Double outputValue, Double tax, Long employees, Boolean aboveScale, String enterpriseCode,
			String matchMethod, int line) {
	}

	record Firms(LocalFirmReport report, List<Firm> firms) {
	}

	@Operation(summary = "本地企业名单及最近一次导入报告")
	@GetMapping
	Firms list() {
		List<Firm> firms = graph.query("""
				MATCH (f:LocalFirm)
				OPTIONAL MATCH (f)-[:AT]->(c:Carrier)
				OPTIONAL MATCH (f)-[s:SAME_AS]->(e:Enterprise)
				OPTIONAL MATCH (f)-[:IN_NODE]->(n:ChainNode)
				WITH f, c, e, s, collect(n.name) AS nodes
				RETURN f{.*} AS f, c.name AS carrier, e.code AS code, s.method AS method, nodes
				ORDER BY f.sourceLine""", Map.of()).stream().map(r -> {
			var f = r.get("f");
			return new Firm(f.get("key").asString(), f.get("name").asString(), f.get("creditCode").asString(null),
					r.get("carrier").asString(null), f.get("chains").asList(v -> v.asString()), r.get("nodes").asList(v -> v.asString()),
					f.get("products").asList(v -> v.asString()), f.get("outputValue").isNull() ? null : f.get("outputValue").asDouble(),
					f.get("tax").isNull() ? null : f.get("tax").asDouble(), f.get("employees").isNull() ? null : f.get("employees").asLong(),
					f.get("aboveScale").isNull() ? null : f.get("aboveScale").asBoolean(), r.get("code").asString(null),
					r.get("method").asString(null), f.get("sourceLine").asInt());
		}).toList();
		return new Firms(service.lastReport().orElse(null), firms);
	}

	@Operation(summary = "上传本地企业名单（CSV 或 XLSX，表头见模板），替换原名单；有错误的行不导入，在报告中列出行号和原因")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	LocalFirmReport upload(@RequestParam("file") MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw new IllegalArgumentException("上传的文件是空的");
		}
		String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
		return service.importList(name, file.getBytes());
	}

	@Operation(summary = "本地企业名单模板（Excel），含填写说明和可填的产业链环节、镇街园区")
	@GetMapping("/template.xlsx")
	ResponseEntity<byte[]> templateXlsx() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("本地企业名单模板.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(Templates.xlsx(graph));
	}

	@Operation(summary = "本地企业名单模板（CSV，UTF-8）")
	@GetMapping("/template.csv")
	ResponseEntity<byte[]> templateCsv() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("本地企业名单模板.csv", java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(Templates.csv());
	}
}
