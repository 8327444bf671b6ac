package cn.chainscout.signal;

import cn.chainscout.signal.internal.EventRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** One sentence, the firm named at the start of {@code firm}: which event does the sentence give it? */
class EventRulesTest {

	@ParameterizedTest(name = "{1} in “{0}” → {2}")
	@CsvSource(delimiter = '|', textBlock = """
			宁德时代与桐城经开区签约储能电池项目                     | 宁德时代 | SIGNING
			永新股份拟投资5亿元在桐城建设软包装生产基地             | 永新股份 | INVESTMENT
			宁德时代储能项目正式落户桐城                             | 宁德时代 | INVESTMENT
			安徽合力叉车二期项目增资扩建                             | 安徽合力 | EXPANSION
			国轩高科拟扩产20GWh动力电池                              | 国轩高科 | EXPANSION
			比亚迪完成定增募资45亿元                                 | 比亚迪   | FINANCING
			某科技公司完成B轮融资3亿元                              | 某科技公司 | FINANCING
			恒烁股份在科创板成功上市                                 | 恒烁股份 | FINANCING
			永新股份在桐城设立全资子公司                             | 永新股份 | NEW_ENTITY
			永新股份拟投资设立全资子公司                             | 永新股份 | NEW_ENTITY
			安徽合力以3.85亿元竞得桐城经开区一宗工业用地             | 安徽合力 | LAND
			江淮汽车中标安庆市公交车采购项目                         | 江淮汽车 | CONTRACT
			国轩高科签订5GWh储能电池供货合同                         | 国轩高科 | CONTRACT
			比亚迪合肥基地二期项目开工                               | 比亚迪   | CONSTRUCTION
			比亚迪合肥基地项目竣工投产                               | 比亚迪   | PRODUCTION
			宁德时代桐城基地首批电芯下线                             | 宁德时代 | PRODUCTION
			安徽合力面向社会招聘技术工人200名                        | 安徽合力 | HIRING
			宁德时代发布2026年第三季度报告                           | 宁德时代 | MENTION
			永新股份董事长出席了安庆某公司的签约仪式                 | 永新股份 | MENTION
			宁德时代否认将在合肥投资建厂的传闻                       | 宁德时代 | MENTION
			机构投资者看好比亚迪的投资价值                           | 比亚迪   | MENTION
			作为上市公司，永新股份重视投资者关系                     | 永新股份 | MENTION
			宁德时代推出新一代电池产品，将于明年上市                 | 宁德时代 | MENTION
			""")
	void classifiesTheEventAroundAMention(String sentence, String firm, SignalType expected) {
		int at = sentence.indexOf(firm);
		SignalType type = EventRules.classify(sentence, 0, sentence.length(), at, at + firm.length())
			.map(EventRules.Found::type)
			.orElse(SignalType.MENTION);
		assertThat(type).isEqualTo(expected);
	}
}
