package cn.chainscout.overview;

import java.util.Map;

import cn.chainscout.system.StartupStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "概况", description = "图谱统计与最近一次导入的质量报告")
class StatsApi {

	private final GraphStats stats;

	private final StartupStatus startup;

	StatsApi(GraphStats stats, StartupStatus startup) {
		this.stats = stats;
		this.startup = startup;
	}

	/**
	 * The graph's counts and the latest import, and whether the service is still starting.
	 * @param startup {@code starting} until every start-up task (import, chains, search index) has
	 *        finished, with {@code phase} saying what it is doing; counts read while starting are not final
	 */
	record Answer(Map<String, Long> labels, Map<String, Long> relationshipTypes, Map<String, Object> latestImport,
			Startup startup) {
	}

	record Startup(boolean starting, @Nullable String phase) {
	}

	@GetMapping("/api/v1/stats")
	@Operation(summary = "图谱统计", description = "各类节点、关系的数量，最近一次导入的质量报告（JSON 与中文摘要），"
			+ "以及服务是否仍在启动（startup.starting，startup.phase 为当前步骤；启动完成前数字还不完整）")
	Answer stats() {
		boolean starting = startup.starting();
		GraphStats.Stats s = stats.stats();
		return new Answer(s.labels(), s.relationshipTypes(), s.latestImport(), new Startup(starting, starting ? startup.phase() : null));
	}
}
