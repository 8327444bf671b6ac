package cn.chainscout.crawl.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimHashTest {

	private static final String ARTICLE = """
			11月20日，我市与安徽鸿达包装科技有限公司举行年产3亿平方米绿色包装材料项目签约仪式。
			该项目总投资12.5亿元，选址桐城经济技术开发区新材料产业园，规划用地约260亩，主要建设全自动高速瓦楞纸板生产线8条、水性油墨印刷生产线12条以及可降解复合软包装生产线，达产后可实现年产值18亿元。
			王立新指出，绿色包装是我市首位产业，鸿达包装项目的落户将进一步补齐我市高端纸包装和可降解软包装环节。
			""";

	@Test
	void sameTextWithOtherSpacingIsTheSameHash() {
		assertThat(SimHash.sha256(ARTICLE)).isEqualTo(SimHash.sha256(ARTICLE.replace("\n", "\n\n  ").replace("，", ", ")));
	}

	@Test
	void aRepostWithAnExtraLineIsNear() {
		String repost = ARTICLE + "（来源：桐城市投资促进中心）";
		assertThat(SimHash.sha256(repost)).isNotEqualTo(SimHash.sha256(ARTICLE));
		assertThat(SimHash.distance(SimHash.of(repost), SimHash.of(ARTICLE))).isLessThanOrEqualTo(SimHash.NEAR_BITS);
	}

	@Test
	void anotherArticleIsFar() {
		String other = """
				11月18日上午，桐城经济技术开发区举行2026年第四季度重点项目集中开工仪式，安徽新锐汽车零部件有限公司新能源汽车精密压铸件项目、
				桐城市华科硅材料有限公司高纯石英砂提纯项目同时开工，总投资18.6亿元。其中，新锐汽车零部件项目投资9.2亿元，建设一体化压铸生产线6条。
				""";
		assertThat(SimHash.distance(SimHash.of(other), SimHash.of(ARTICLE))).isGreaterThan(SimHash.NEAR_BITS * 3);
	}
}
