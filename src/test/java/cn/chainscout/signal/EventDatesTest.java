package cn.chainscout.signal;

import java.time.LocalDate;

import cn.chainscout.signal.internal.EventDates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EventDatesTest {

	@ParameterizedTest(name = "{0} (article {1}) → {2}")
	@CsvSource(delimiter = '|', textBlock = """
			2026年11月3日，项目正式签约                 | 2026-11-20 | 2026-11-03
			双方于2026-11-08签署协议                     | 2026-11-20 | 2026-11-08
			公告日期 2026/11/12                          | 2026-11-20 | 2026-11-12
			2026.11.12 举行开工仪式                      | 2026-11-20 | 2026-11-12
			11月3日，宁德时代与桐城经开区签约            | 2026-11-20 | 2026-11-03
			12月28日，项目竣工投产                       | 2027-01-05 | 2026-12-28
			今年10月，项目开工建设                       | 2026-11-20 | 2026-10-01
			去年12月签约的项目                           | 2026-11-20 | 2025-12-01
			昨天，公司发布公告                           | 2026-11-20 | 2026-11-19
			2026年3月项目将投产                          | 2026-11-20 | 2026-03-01
			11月3日签约，2026年12月1日开工               | 2026-11-20 | 2026-11-03
			""")
	void readsTheEventDate(String text, LocalDate article, LocalDate expected) {
		assertThat(EventDates.find(text, article)).contains(expected);
	}

	@ParameterizedTest(name = "{0} has no date")
	@CsvSource(delimiter = '|', textBlock = """
			项目总投资120亿元
			预计2027年投产
			13月45日开工
			""")
	void sentencesWithoutADateFallBackToTheArticle(String text) {
		assertThat(EventDates.find(text, LocalDate.of(2026, 11, 20))).isEmpty();
	}
}
