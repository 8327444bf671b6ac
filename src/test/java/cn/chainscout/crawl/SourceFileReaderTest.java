package cn.chainscout.crawl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SourceFileReaderTest {

	private static final String GOOD = """
			id: tongcheng-gov
			name: 桐城市人民政府 · 政务要闻
			seeds:
			  - https://www.tongcheng.gov.cn/News/showList/5581/page_1.html
			allowedHosts:
			  - www.tongcheng.gov.cn
			politeness:
			  delayMs: 2000
			schedule: "0 30 7 * * *"
			limits:
			  maxPages: 50
			  maxDepth: 2
			mode: rules
			rules:
			  listLinks: ul.doc_list li a
			  title: h1
			  body: div#zoom
			""";

	@Test
	void everyShippedSourceLoads() throws Exception {
		try (Stream<Path> files = Files.list(Path.of("crawlers"))) {
			List<Path> yamls = files.filter(p -> p.toString().endsWith(".yaml")).toList();
			assertThat(yamls).hasSizeGreaterThanOrEqualTo(3);
			for (Path p : yamls) {
				SourceFileReader.Result r = SourceFileReader.read(p.getFileName().toString(), Files.readString(p));
				assertThat(r.problems()).as(p.toString()).isEmpty();
				assertThat(r.definition()).isNotNull();
			}
		}
	}

	@Test
	void readsAGoodFile() {
		SourceDefinition d = SourceFileReader.read("tongcheng-gov.yaml", GOOD).definition();
		assertThat(d).isNotNull();
		assertThat(d.delayMillis()).isEqualTo(2000);
		assertThat(d.maxPages()).isEqualTo(50);
		assertThat(d.schedule()).isEqualTo("0 30 7 * * *");
		assertThat(d.rules()).isNotNull();
		assertThat(d.rules().title()).isEqualTo("h1");
		assertThat(d.generic()).isFalse();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			'id: tongcheng-gov\n'                                         | 'tongcheng-gov.yaml:1: 错误：缺少 name'
			'  delayMs: 2000\n'                                           | 'tongcheng-gov.yaml:8: 错误：politeness.delayMs 应是整数'
			'  delayMs: 20\n'                                             | 'tongcheng-gov.yaml:8: 错误：politeness.delayMs 20 太小'
			'schedule: "0 30 7 * * *"\n'                                  | 'schedule'
			'  - www.tongcheng.gov.cn\n'                                  | 'allowedHosts'
			'  title: h1\n'                                               | 'tongcheng-gov.yaml:16: 错误：rules.title'
			'mode: rules\n'                                               | 'tongcheng-gov.yaml:13: 错误：mode'
			'limits:\n'                                                   | 'tongcheng-gov.yaml:13: 错误：不认识的字段 ''maxBytes'''
			""")
	void problemsNameFileAndLine(String line, String expected) {
		String broken = switch (line.strip()) {
			case "id: tongcheng-gov" -> GOOD.replace("name: 桐城市人民政府 · 政务要闻\n", "");
			case "delayMs: 2000" -> GOOD.replace("delayMs: 2000", "delayMs: 两秒");
			case "delayMs: 20" -> GOOD.replace("delayMs: 2000", "delayMs: 20");
			case "schedule: \"0 30 7 * * *\"" -> GOOD.replace("0 30 7 * * *", "every morning");
			case "- www.tongcheng.gov.cn" -> GOOD.replace("  - www.tongcheng.gov.cn", "  - https://www.tongcheng.gov.cn/");
			case "title: h1" -> GOOD.replace("title: h1", "title: 'h1[['");
			case "mode: rules" -> GOOD.replace("mode: rules", "mode: magic");
			case "limits:" -> GOOD.replace("  maxDepth: 2", "  maxDepth: 2\n  maxBytes: 9");
			default -> throw new IllegalArgumentException(line);
		};
		SourceFileReader.Result r = SourceFileReader.read("tongcheng-gov.yaml", broken);
		assertThat(r.definition()).isNull();
		assertThat(r.problems()).isNotEmpty();
		assertThat(r.problems().toString()).contains(expected);
	}

	@Test
	void idMustMatchFileName() {
		SourceFileReader.Result r = SourceFileReader.read("anqing-invest.yaml", GOOD);
		assertThat(r.problems()).map(SourceProblem::toString).containsExactly(
				"anqing-invest.yaml:1: 错误：来源 id 'tongcheng-gov' 应与文件名一致：'anqing-invest'");
	}

	@Test
	void seedOutsideAllowedHostsIsAnError() {
		SourceFileReader.Result r = SourceFileReader.read("tongcheng-gov.yaml",
				GOOD.replace("  - https://www.tongcheng.gov.cn/News", "  - https://www.anqing.gov.cn/News"));
		assertThat(r.problems()).map(SourceProblem::toString).containsExactly(
				"tongcheng-gov.yaml:4: 错误：起始网址 'https://www.anqing.gov.cn/News/showList/5581/page_1.html' 的主机不在 allowedHosts 中");
	}

	@Test
	void brokenYamlNamesTheLine() {
		SourceFileReader.Result r = SourceFileReader.read("tongcheng-gov.yaml", GOOD.replace("  maxDepth: 2", "  maxDepth: [2"));
		assertThat(r.definition()).isNull();
		assertThat(r.problems().get(0).toString()).startsWith("tongcheng-gov.yaml:1").contains("不是有效的 YAML");
	}
}
