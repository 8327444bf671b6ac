package cn.chainscout.search;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 企业库检索页: search box with suggestions, facets, hits with why they matched. */
@Controller
class SearchPage {

	static final Map<String, String> FACET_NAMES = new LinkedHashMap<>();

	static {
		FACET_NAMES.put(Fields.PROVINCE, "省份");
		FACET_NAMES.put(Fields.CITY, "城市");
		FACET_NAMES.put(Fields.INDUSTRY1, "一级行业");
		FACET_NAMES.put(Fields.INDUSTRY2, "二级行业");
		FACET_NAMES.put(Fields.INDUSTRY3, "三级行业");
		FACET_NAMES.put(Fields.EXCHANGE, "交易所");
	}

	private final EnterpriseSearch search;

	SearchPage(EnterpriseSearch search) {
		this.search = search;
	}

	@GetMapping("/search")
	String page(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String province,
			@RequestParam(required = false) @Nullable String city, @RequestParam(required = false) @Nullable String industry,
			@RequestParam(required = false) @Nullable String exchange, @RequestParam(required = false) @Nullable String page,
			@RequestParam(required = false) @Nullable String sort, Model model) {
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("facetNames", FACET_NAMES);
		Map<String, String> filters = new LinkedHashMap<>();
		if (province != null && !province.isBlank()) {
			filters.put("province", province);
		}
		if (city != null && !city.isBlank()) {
			filters.put("city", city);
		}
		if (industry != null && !industry.isBlank()) {
			filters.put("industry", industry);
		}
		if (exchange != null && !exchange.isBlank()) {
			filters.put("exchange", exchange);
		}
		model.addAttribute("filters", filters);
		if ((q == null || q.isBlank()) && filters.isEmpty()) {
			return "search";
		}
		try {
			SearchRequest request = SearchRequest.parse(q, province, city, industry, exchange, page, "20", sort);
			model.addAttribute("result", search.search(request));
			model.addAttribute("request", request);
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return "search";
	}
}
