package cn.chainscout.signal;

import cn.chainscout.signal.internal.Amounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AmountsTest {

	@ParameterizedTest(name = "{0} → {1} 元")
	@CsvSource(delimiter = '|', textBlock = """
			项目总投资120亿元，分两期建设                 | 12000000000
			约5.6亿元                                     | 560000000
			拟投资3000万元建设研发中心                    | 30000000
			公司拟募集资金不超过8亿元                     | 800000000
			注册资本5000万                                | 50000000
			注册资本5000万元人民币                        | 50000000
			全年经济总量突破1.5万亿                       | 1500000000000
			总投资1.2万亿元                               | 1200000000000
			投资2亿美元新建工厂                           | 1420000000
			融资US$3亿                                    | 2130000000
			配售所得款项净额约5亿港元                     | 455000000
			项目投资12,000万元                            | 120000000
			签下数千万元订单                              | 10000000
			竞得价为3.85亿元                              | 385000000
			一期投资十亿元                                | 1000000000
			中标金额为人民币1,234.5万元                   | 12345000
			总额人民币￥800万元                           | 8000000
			投资金额为5.6亿                               | 560000000
			融资2000万欧元                                | 154000000
			合同金额580万元，工期12个月                   | 5800000
			""")
	void normalisesAmountsToYuan(String text, long yuan) {
		assertThat(Amounts.firstYuan(text)).isEqualTo(yuan);
	}

	@ParameterizedTest(name = "{0} has no amount")
	@CsvSource(delimiter = '|', textBlock = """
			2026年11月3日签约
			年产3000万平方米锂电池隔膜
			可新增就业岗位2000个
			服务人口超过1亿人
			毛利率提升5.6%
			项目占地300亩
			产能达到20GWh
			""")
	void leavesOtherNumbersAlone(String text) {
		assertThat(Amounts.firstYuan(text)).isNull();
	}

	@ParameterizedTest(name = "{0}: label {1}, bound {2}")
	@CsvSource(delimiter = '|', textBlock = """
			项目总投资约120亿元     | 总投资   | 约
			拟募集资金不超过8亿元   | 募集资金 | 不超过
			注册资本5000万元        | 注册资本 | ''
			""")
	void saysWhatAnAmountIs(String text, String label, String bound) {
		Amounts.Amount a = Amounts.find(text).get(0);
		assertThat(a.label()).isEqualTo(label);
		assertThat(a.bound()).isEqualTo(bound);
	}
}
