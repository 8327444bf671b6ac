package cn.chainscout.signal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.chainscout.crawl.Article;

import cn.chainscout.region.Gazetteer;
import cn.chainscout.signal.internal.ExtractedSignal;
import cn.chainscout.signal.internal.NameDictionary;
import cn.chainscout.signal.internal.Places;
import cn.chainscout.signal.internal.SignalExtractor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline extraction against saved articles (src/test/resources/signal) with the names of the 4,586
 * bundled listed companies: every article gives exactly the signals of the table, no more.
 */
class SignalExtractionTest {

	static final Gazetteer GAZETTEER = Gazetteer.load();

	static final SignalExtractor EXTRACTOR = new SignalExtractor(SignalFixtures.bundledDictionary(GAZETTEER), new Places(GAZETTEER));

	/** article | enterprise | type | amount in yuan (- for none) | region (- for none) | date | review. */
	static final String EXPECTED = """
			tongcheng-signing | 002014.SZ | SIGNING      | 1200000000  | 340881 | 2026-11-03 | false
			tongcheng-signing | 600761.SH | MENTION      | -           | -      | 2026-11-03 | false
			catl-investment   | 300750.SZ | SIGNING      | 12000000000 | 340881 | 2026-11-08 | false
			catl-investment   | 300750.SZ | INVESTMENT   | 12000000000 | 340881 | 2026-11-08 | false
			gotion-financing  | 002074.SZ | FINANCING    | 5000000000  | 340100 | 2026-11-11 | false
			land-auction      | 600761.SH | LAND         | 236000000   | 340881 | 2026-11-14 | false
			land-auction      | 002208.SZ | MENTION      | -           | -      | 2026-11-14 | false
			two-firms         | 600418.SH | CONSTRUCTION | 1500000000  | 340800 | 2026-11-20 | false
			two-firms         | 002594.SZ | EXPANSION    | 560000000   | 340800 | 2026-11-20 | false
			two-firms         | 300274.SZ | CONTRACT     | 30000000    | 340100 | 2026-11-20 | false
			two-firms         | 600761.SH | HIRING       | -           | 340800 | 2026-11-20 | false
			ambiguous         | 601099.SH | MENTION      | -           | -      | 2026-11-18 | true
			ambiguous         | 600832.SH | MENTION      | -           | -      | 2026-11-18 | true
			ambiguous         | 600637.SH | MENTION      | -           | -      | 2026-11-18 | true
			ambiguous         | 000528.SZ | SIGNING      | -           | 340881 | 2026-11-18 | false
			""";

	static final List<String> articles = SignalFixtures.ARTICLES;

	static String row(ExtractedSignal s, String article) {
		return String.join(" | ", article, s.enterprise(), s.type().name(), s.amountYuan() == null ? "-" : s.amountYuan().toString(),
				s.region() == null ? "-" : s.region(), s.date().toString(), Boolean.toString(s.review()));
	}

	static List<String> expected(String article) {
		List<String> rows = new ArrayList<>();
		for (String line : EXPECTED.strip().split("\n")) {
			String[] f = line.split("\\|");
			if (f[0].strip().equals(article)) {
				List<String> cells = new ArrayList<>();
				for (String c : f) {
					cells.add(c.strip());
				}
				rows.add(String.join(" | ", cells));
			}
		}
		return rows;
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("articles")
	void eachSavedArticleGivesExactlyTheExpectedSignals(String article) {
		List<ExtractedSignal> signals = EXTRACTOR.extract(SignalFixtures.article(article));
		assertThat(signals).extracting(s -> row(s, article)).as(signals.toString()).containsExactlyInAnyOrderElementsOf(expected(article));
	}

	@ParameterizedTest(name = "{0} (published {1}, fetched {2}) → {3}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			永新股份拟投资5亿元在桐城建设生产基地。                      | 2026-11-05 | 2026-11-06T01:00:00Z | 2026-11-05
			永新股份拟投资5亿元在桐城建设生产基地。                      | -          | 2026-11-05T20:00:00Z | 2026-11-06
			11月3日，桐城召开招商大会。永新股份拟投资5亿元建设生产基地。 | 2026-11-05 | 2026-11-06T01:00:00Z | 2026-11-03
			今年10月，永新股份拟投资5亿元建设生产基地。                  | 2026-11-05 | 2026-11-06T01:00:00Z | 2026-10-01
			永新股份于2026/11/12与桐城签约。                             | 2026-11-20 | 2026-11-21T01:00:00Z | 2026-11-12
			""")
	void theEventDateFallsBackToTheLeadSentenceThenTheArticleDateThenTheFetchDayInChina(String text,
			@Nullable LocalDate published, Instant fetched, LocalDate expected) {
		Article article = new Article("t", "https://t.cn/1", "", published, text, fetched, "x");
		assertThat(EXTRACTOR.extract(article)).singleElement().satisfies(s -> assertThat(s.date()).isEqualTo(expected));
	}

	@Test
	void everySignalCarriesItsSentenceAndHowItWasRead() {
		ExtractedSignal catl = EXTRACTOR.extract(SignalFixtures.article("catl-investment")).get(0);
		assertThat(catl.snippet()).startsWith("2026年11月8日，宁德时代新能源科技股份有限公司").endsWith("约120亿元。");
		assertThat(catl.method()).contains("全称").contains("签署投资协议");
		assertThat(catl.confidence()).isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void riskyShortNamesAreKeptForReviewUnlessTheArticleConfirmsThem() {
		List<ExtractedSignal> signals = EXTRACTOR.extract(SignalFixtures.article("ambiguous"));
		assertThat(signals).filteredOn(s -> s.enterprise().equals("601099.SH")).singleElement()
			.satisfies(s -> assertThat(s.confidence()).isLessThan(NameDictionary.REVIEW_BELOW));
		assertThat(signals).filteredOn(s -> s.enterprise().equals("000528.SZ")).singleElement()
			.satisfies(s -> assertThat(s.method()).contains("文中另有全称或代码"));
	}

	@Test
	void theLongestNameWinsAndSharedShortNamesGoToTheFirmTheArticleNames() {
		NameDictionary names = SignalFixtures.bundledDictionary(GAZETTEER);
		assertThat(names.find("东方通信发布公告")).extracting(NameDictionary.Mention::code).containsExactly("600776.SH");
		assertThat(names.find("东方明珠新媒体股份有限公司公告，东方明珠将回购股份")).extracting(NameDictionary.Mention::code)
			.containsOnly("600637.SH");
		assertThat(names.find("太平洋证券股份有限公司发布公告")).extracting(NameDictionary.Mention::code).containsExactly("601099.SH");
		assertThat(names.find("机器人（300024）发布公告")).extracting(NameDictionary.Mention::code, NameDictionary.Mention::review)
			.containsOnly(org.assertj.core.groups.Tuple.tuple("300024.SZ", false));
		assertThat(names.find("柳工发布公告")).extracting(NameDictionary.Mention::review).containsExactly(false);
		assertThat(names.find("柳工在桐城投资")).isEmpty();
		assertThat(names.find("工业机器人产量增长")).singleElement().satisfies(m -> assertThat(m.review()).isTrue());
		assertThat(names.find("比亚迪汽车工业有限公司在合肥投资")).singleElement()
			.satisfies(m -> assertThat(m.method()).contains("子公司"));
		assertThat(names.find("电话0556-3002014转8")).isEmpty();
		// Former names (conflicting rows of one code) and names without ST marks.
		assertThat(names.find("鼎龙文化发布公告")).extracting(NameDictionary.Mention::code).containsExactly("002502.SZ");
		assertThat(names.find("骅威文化发布公告")).extracting(NameDictionary.Mention::code).containsExactly("002502.SZ");
		assertThat(names.find("安凯公司发布公告")).extracting(NameDictionary.Mention::code).containsExactly("000868.SZ");
		assertThat(names.find("安凯客车开往合肥")).isEmpty();
	}
}
