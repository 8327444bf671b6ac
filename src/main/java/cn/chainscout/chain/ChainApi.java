package cn.chainscout.chain;

import java.util.List;

import cn.chainscout.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chain maps, gaps and the chain files' mapping report. */
@RestController
@RequestMapping("/api/v1/chains")
class ChainApi {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ChainMaps maps;

	private final ChainLoader loader;

	ChainApi(ChainMaps maps, ChainLoader loader) {
		this.maps = maps;
		this.loader = loader;
	}

	@Operation(summary = "产业链列表：每条链的强/弱/缺环节数和本地企业数")
	@GetMapping
	List<ChainMaps.Summary> list() {
		return maps.list();
	}

	@Operation(summary = "产业链图谱：环节树，每个环节的产品、全国企业数、龙头企业、本地企业和状态（强/弱/缺）")
	@GetMapping("/{id}")
	ChainMap chain(@PathVariable String id) {
		return maps.map(id).orElseThrow(() -> unknown(id));
	}

	/** The gap list with its rule. */
	record Gaps(String chain, String name, String rule, boolean sample, List<ChainGap> gaps) {
	}

	@Operation(summary = "缺口清单：补链（缺失环节）、强链（薄弱环节）、延链（可延伸的上下游），按权重排序，附证据")
	@GetMapping("/{id}/gaps")
	Gaps gaps(@PathVariable String id, @RequestParam(required = false) String type) {
		ChainMap map = maps.map(id).orElseThrow(() -> unknown(id));
		List<ChainGap> all = maps.gaps(id).orElseThrow(() -> unknown(id));
		if (type != null && !type.isBlank()) {
			if (!List.of(ChainGap.FILL, ChainGap.STRENGTHEN, ChainGap.EXTEND).contains(type)) {
				throw new IllegalArgumentException("参数 type 的值 '" + type + "' 无效，可填：补链、强链、延链");
			}
			all = all.stream().filter(g -> g.type().equals(type)).toList();
		}
		return new Gaps(id, map.name(), ChainMaps.GAP_RULE, map.sample(), all);
	}

	@Operation(summary = "某环节的全国企业（本地企业在前）和本地企业")
	@GetMapping("/{id}/nodes/{nodeId}/makers")
	ChainMaps.NodeMakers makers(@PathVariable String id, @PathVariable String nodeId,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 1000) {
			throw new IllegalArgumentException("参数 limit 的值 '" + limit + "' 应在 1 到 1000 之间");
		}
		maps.map(id).orElseThrow(() -> unknown(id));
		return maps.makers(id, nodeId, limit)
			.orElseThrow(() -> new NotFoundException("产业链 '" + id + "' 没有环节 '" + nodeId + "'"));
	}

	@Operation(summary = "导出 Excel：环节、缺口、企业、本地企业和说明")
	@GetMapping("/{id}/export.xlsx")
	ResponseEntity<byte[]> export(@PathVariable String id) {
		ChainMap map = maps.map(id).orElseThrow(() -> unknown(id));
		byte[] bytes = ChainWorkbook.write(map, maps.gaps(id).orElse(List.of()),
				nodeId -> maps.makers(id, nodeId, 200).orElse(null));
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(map.name() + "产业链图谱.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(bytes);
	}

	/** The mapping report: what every node matched, and the problems of the last load. */
	record Mapping(ChainLoadReport lastLoad, List<ChainMaps.NodeMapping> nodes, long emptyNodes) {
	}

	@Operation(summary = "产业链文件匹配报告：每个环节匹配到的产品、生产企业数、规则，及上次载入的错误和警告")
	@GetMapping("/mapping")
	Mapping mapping() {
		List<ChainMaps.NodeMapping> nodes = maps.mapping();
		return new Mapping(loader.lastReport(), nodes, nodes.stream().filter(ChainMaps.NodeMapping::empty).count());
	}

	@Operation(summary = "重新载入产业链文件：只写入有变化的部分；有错误的文件不载入并报告行号")
	@PostMapping("/reload")
	ChainLoadReport reload(@RequestParam(defaultValue = "false") boolean force) {
		return loader.reload(force);
	}

	static NotFoundException unknown(String id) {
		return new NotFoundException("没有 id 为 '" + id + "' 的产业链");
	}
}
