package cn.chainscout.region;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RegionResolverTest {

	static final RegionResolver RESOLVER = new RegionResolver(Gazetteer.load());

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(textBlock = """
			深圳市鸿富瀚科技股份有限公司,      440300, 深圳市
			北京同益中新材料科技股份有限公司,  110000, 北京
			浙江华友钴业股份有限公司,          330000, 浙江
			邵阳维克液压股份有限公司,          430500, 邵阳
			广东省深圳市某某科技有限公司,      440300, 广东省深圳市
			安徽省安庆市桐城市某包装有限公司,  340881, 安徽省安庆市桐城市
			桐城市双新包装有限公司,            340881, 桐城市
			吉林化纤股份有限公司,              220000, 吉林
			江苏江阴某某特钢有限公司,          320281, 江苏江阴
			昆山龙腾光电股份有限公司,          320583, 昆山
			张家港海锅新能源装备股份有限公司,  320582, 张家港
			康平科技（苏州）股份有限公司,      320500, （苏州）
			""")
	void readsTheRegionFromTheStartOfTheFullName(String fullName, String code, String matched) {
		var resolution = RESOLVER.resolve(fullName);
		assertThat(resolution.status()).isEqualTo("resolved");
		assertThat(resolution.match().region().code()).isEqualTo(code);
		assertThat(resolution.match().matched()).isEqualTo(matched);
		assertThat(resolution.match().confidence()).isBetween(0.5, 1.0);
	}

	@ParameterizedTest(name = "{0} stays {1}")
	@CsvSource(textBlock = """
			中国平安保险(集团)股份有限公司, unknown
			华域汽车系统股份有限公司,       unknown
			东方电气股份有限公司,           unknown
			华安证券股份有限公司,           unknown
			永安行科技股份有限公司,         unknown
			东方航空物流股份有限公司,       unknown
			凤凰光学股份有限公司,           unknown
			朝阳区某某科技有限公司,         ambiguous
			""")
	void leavesTheRegionUnknownWhenTheNameSaysNothingReliable(String fullName, String status) {
		var resolution = RESOLVER.resolve(fullName);
		assertThat(resolution.status()).isEqualTo(status);
		assertThat(resolution.match()).isNull();
	}
}
