package cn.chainscout.enterprise;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/enterprises")
@Tag(name = "企业", description = "企业画像与产业链上下游")
class EnterpriseApi {

	private final EnterpriseProfiles profiles;

	EnterpriseApi(EnterpriseProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/{code}")
	@Operation(summary = "企业画像", description = "代码、名称、交易所、上市日期、地区、行业（三级）、产品及营收占比，"
			+ "以及产品的上游原料与下游产品和它们的主要生产企业；每条事实附来源。未知代码返回 404。")
	EnterpriseProfile profile(@PathVariable String code) {
		return profiles.profile(EnterpriseCodes.check(code));
	}
}
