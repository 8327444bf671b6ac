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

	static final String RULE = "排序：先按各部分之和（得分）取前 " + LearnedLikelyMakers.DEPTH + " 家，再由学习排序模型（梯度提升树，LambdaMART，"
			+ "以种子 1 至 4 的留出生产关系训练，超参数在种子 1、2 上选定）依各部分信号及企业、产品的若干特征重排，rankScore 为模型得分；其后按得分排列，rankScore 为空。"
			+ "得分 = 各部分之和，是排序的依据说明：产品已有生产企业时，协同生产 0.840 + 名称相近 0.052 + 品类词相同 0.031 + 名称开头相同 0.021 + 行业常产同类 0.015"
			+ " + 行业 0.013 + 上下游关联 0.017 + 规模 0.011；无其他生产企业时，名称相近 0.365 + 名称写法相同 0.186 + 品类词相同 0.127 + 名称开头相同 0.124"
			+ " + 行业常产同类 0.075 + 规模 0.066 + 上下游关联 0.037 + 行业 0.019。各部分按本产品的最高值归一到 0–1 后乘以权重；名称相近比较产品名与企业所产产品名、全称及所属行业名称的"
			+ "单字、双字、三字片段；品类词、开头指产品名末尾、开头的 2–4 个字；已知生产企业不列入。";
}
