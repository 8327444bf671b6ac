package cn.chainscout.recommend;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule-heavy pieces of the name signals: heads and beginnings of product names, and the shared piece shown as evidence. */
class NameSignalsTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = {
			// name | heads (last 2, 3, 4 characters, each shorter than the name)
			"湿法隔膜 | 隔膜,法隔膜",
			"水性油墨 | 油墨,性油墨",
			"锂电池电解液 | 解液,电解液,池电解液",
			"钢材 | ''",
			"膜 | ''",
			"'  (干法) 隔膜 ' | 隔膜,法隔膜",
			"聚氨酯-弹性体 | 性体,弹性体,酯弹性体",
			"MEMS晶圆 | 晶圆,S晶圆,MS晶圆", })
	void headsAreTheLastTwoToFourCharactersOfTheCleanName(String name, String heads) {
		List<String> expected = heads.isBlank() ? List.of() : List.of(heads.split(","));
		assertThat(NameSignals.heads(name)).containsExactlyElementsOf(expected);
	}

	@ParameterizedTest(name = "{0} / {1} → {2}")
	@CsvSource(delimiter = '|', value = {
			"干法隔膜 | 湿法隔膜 | 法隔膜",
			"溶剂型油墨 | 水性油墨 | 油墨",
			"隔膜 | 湿法隔膜 | 隔膜",
			"钢材 | 水泥 | ''",
			"锂电池电解液 | 钠电池电解液 | 池电解液", })
	void theCommonHeadIsTheLongestSharedEnding(String a, String b, String head) {
		assertThat(LikelyMakers.commonHead(a, b)).isEqualTo(head.isBlank() ? "" : head);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = {
			"保健品-胶囊系列 | 保健,保健品,保健品胶",
			"湿法隔膜 | 湿法,湿法隔",
			"钢材 | ''", })
	void startsAreTheFirstTwoToFourCharactersOfTheCleanName(String name, String starts) {
		List<String> expected = starts.isBlank() ? List.of() : List.of(starts.split(","));
		assertThat(NameSignals.starts(name)).containsExactlyElementsOf(expected);
	}

	@ParameterizedTest(name = "{0} / {1} → {2}")
	@CsvSource(delimiter = '|', value = {
			"保健品-片剂系列 | 保健品-胶囊系列 | 保健品",
			"湿法隔膜 | 湿法涂覆 | 湿法",
			"钢材 | 水泥 | ''", })
	void theCommonStartIsTheLongestSharedBeginning(String a, String b, String start) {
		assertThat(LikelyMakers.commonStart(a, b)).isEqualTo(start.isBlank() ? "" : start);
	}
}
