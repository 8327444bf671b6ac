package cn.chainscout.search;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "检索", description = "招商目标企业库检索：名称、代码、拼音、首字母、产品、地区，带分面和高亮")
class SearchApi {

	private final EnterpriseSearch search;

	private final cn.chainscout.system.StartupStatus startup;

	SearchApi(EnterpriseSearch search, cn.chainscout.system.StartupStatus startup) {
		this.search = search;
		this.startup = startup;
	}

	@GetMapping
	@Operation(summary = "检索企业", description = "q 中以空格分隔的每个词都须匹配（如“安徽 包装”）。"
			+ "可按 province、city、industry（任一级行业名）、exchange 过滤；page 从 1 开始，size 最大 100；"
			+ "sort=relevance（默认）或 size（按产品线宽度）。")
	SearchResult search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String province, @RequestParam(required = false) @Nullable String city,
			@RequestParam(required = false) @Nullable String industry,
			@RequestParam(required = false) @Nullable String exchange, @RequestParam(required = false) @Nullable String page,
			@RequestParam(required = false) @Nullable String size, @RequestParam(required = false) @Nullable String sort) {
		SearchRequest request = SearchRequest.parse(q, province, city, industry, exchange, page, size, sort);
		refuseWhileTheIndexIsBuilt();
		return search.search(request);
	}

	@GetMapping("/suggest")
	@Operation(summary = "输入提示", description = "以输入开头的简称、代码、拼音或首字母，最多 limit 条（默认 8）")
	Map<String, List<SearchResult.Hit>> suggest(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String limit) {
		String text = q == null ? "" : q.strip();
		if (text.isEmpty()) {
			return Map.of("suggestions", List.of());
		}
		if (text.length() > SearchRequest.MAX_QUERY) {
			throw new IllegalArgumentException("参数 q 过长（" + text.length() + " 个字符），最多 " + SearchRequest.MAX_QUERY + " 个字符");
		}
		int n;
		try {
			n = limit == null || limit.isBlank() ? 8 : Integer.parseInt(limit.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("参数 limit 的值 '" + limit + "' 不是整数");
		}
		if (n < 1 || n > 20) {
			throw new IllegalArgumentException("参数 limit 的值 '" + limit + "' 超出范围 1–20");
		}
		refuseWhileTheIndexIsBuilt();
		return Map.of("suggestions", search.suggest(text, n));
	}

	/** An empty index on a first start is not "no such firm": say so, and when to ask again (503, Retry-After). */
	private void refuseWhileTheIndexIsBuilt() {
		if (startup.starting() && search.isEmpty()) {
			throw new cn.chainscout.web.StillStartingException("链探正在启动：" + startup.phase() + "。企业检索索引还没有建好，请稍后再试");
		}
	}
}
