package cn.chainscout.overview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "概况", description = "图谱统计与最近一次导入的质量报告")
class StatsApi {

	private final GraphStats stats;

	StatsApi(GraphStats stats) {
		this.stats = stats;
	}

	@GetMapping("/api/v1/stats")
	@Operation(summary = "图谱统计", description = "各类节点、关系的数量，以及最近一次导入的质量报告（JSON 与中文摘要）")
	GraphStats.Stats stats() {
		return stats.stats();
	}
}
