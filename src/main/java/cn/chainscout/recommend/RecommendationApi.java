package cn.chainscout.recommend;

import cn.chainscout.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Target enterprises for a chain lead. */
@RestController
class RecommendationApi {

	private final Recommendations recommendations;

	private final Feedback feedback;

	RecommendationApi(Recommendations recommendations, Feedback feedback) {
		this.recommendations = recommendations;
		this.feedback = feedback;
	}

	@Operation(summary = "该企业作为招商目标：在哪些产业链的推荐前 200 名中，排名、得分及依据")
	@GetMapping("/api/v1/enterprises/{code}/target-of")
	java.util.List<Recommendations.Standing> targetOf(@PathVariable String code) {
		return recommendations.standings(cn.chainscout.enterprise.EnterpriseCodes.check(code), 200);
	}

	/** A recruiter's record about a target. */
	record FeedbackRequest(String status, String reason, String by) {
	}

	@Operation(summary = "记录跟进情况：有意向、已接触或不合适（须写原因）；不合适的企业不再出现在该链的推荐中")
	@org.springframework.web.bind.annotation.PostMapping("/api/v1/chains/{id}/targets/{code}/feedback")
	Feedback.Entry feedback(@PathVariable String id, @PathVariable String code,
			@org.springframework.web.bind.annotation.RequestBody FeedbackRequest request) {
		return feedback.record(id, cn.chainscout.enterprise.EnterpriseCodes.check(code), request.status() == null ? "" : request.status(),
				request.reason(), request.by() == null ? "" : request.by());
	}

	@Operation(summary = "推荐目标企业：本链外地企业按得分排序，得分由补链/强链、配套、龙头、区位各部分相加，每部分附依据")
	@GetMapping("/api/v1/chains/{id}/recommendations")
	Recommendations.Result recommend(@PathVariable String id, @RequestParam(required = false) String node,
			@RequestParam(required = false) String region, @RequestParam(defaultValue = "20") int limit) {
		if (limit < 1 || limit > 200) {
			throw new IllegalArgumentException("参数 limit 的值 '" + limit + "' 应在 1 到 200 之间");
		}
		return recommendations.recommend(id, node, region, limit)
			.orElseThrow(() -> new NotFoundException("没有 id 为 '" + id + "' 的产业链"));
	}
}
