package cn.chainscout.dataimport;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NonProductRulesTest {

	static final NonProductRules RULES = NonProductRules.load();

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(textBlock = """
			平衡项目,           accounting
			分部间抵销,         accounting
			公司内部各业务分部相互抵销, accounting
			调整项目,           accounting
			其他,               generic
			服务,               generic
			销售,               generic
			其他制造业,         residual
			"经公司登记机关核准, fragment
			锂电池隔膜,         ''
			动力电池系统,       ''
			抵押担保服务费,     ''
			""")
	void classifiesProductNames(String name, String reason) {
		assertThat(RULES.nonProductReason(name).orElse("")).isEqualTo(reason);
	}
}
