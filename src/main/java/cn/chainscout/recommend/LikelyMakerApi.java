package cn.chainscout.recommend;

import java.util.List;

import cn.chainscout.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Likely makers of a product: enterprises that probably make it although the graph has no such link. */
@RestController
class LikelyMakerApi {

	private final LikelyMakerModel model;

	LikelyMakerApi(LikelyMakerModel model) {
		this.model = model;
	}

	/** The product, its known makers' count, and the ranked likely makers with their explained scores. */
	record LikelyMakersResponse(String product, int knownMakers, String rule, List<LikelyMakers.Candidate> candidates) {
	}

	@Operation(summary = "可能的生产企业：图中尚无生产关系、但很可能生产该产品的企业，按得分排序，得分由各部分相加并附依据")
	@GetMapping("/api/v1/products/{name}/likely-makers")
	LikelyMakersResponse likelyMakers(@PathVariable String name, @RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 500) {
			throw new IllegalArgumentException("参数 limit 的值 '" + limit + "' 应在 1 到 500 之间");
		}
		List<LikelyMakers.Candidate> top = model.top(name, limit)
			.orElseThrow(() -> new NotFoundException("产品库中没有名为 '" + name + "' 的产品（或它被标为非产品）"));
		return new LikelyMakersResponse(name, model.knownMakers(name), RULE, top);
	}

	static final String RULE = "得分 = 协同生产 0.768 + 名称相近 0.112 + 品类词相同 0.041 + 名称开头相同 0.020 + 行业常产同类 0.020 + 行业 0.012"
			+ " + 上下游关联 0.002 + 规模 0.025，各部分按本产品的最高值归一到 0–1 后乘以权重；名称相近比较产品名与企业所产产品名、全称及所属行业名称的单字、双字、三字片段；"
			+ "品类词、开头指产品名末尾、开头的 2–4 个字；已知生产企业不列入。";
}
