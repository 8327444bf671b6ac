package cn.chainscout.crawl.internal;

import java.time.LocalDate;

import cn.chainscout.crawl.SavedPages;
import cn.chainscout.crawl.SourceDefinition;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Article-or-list, title, date and main text on saved pages, in the generic mode and with each source's rules. */
class PageReaderTest {

	@ParameterizedTest(name = "generic {0}: {1}")
	@CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
			tongcheng-gov/list.html                  | LIST    | NONE                                                     | NONE
			tongcheng-gov/article-1846201.html       | ARTICLE | 我市与安徽鸿达包装科技有限公司签约年产3亿平方米绿色包装材料项目 | 2026-11-20
			tongcheng-gov/article-1846188.html       | ARTICLE | 桐城经开区3个重点项目集中开工 总投资18.6亿元                   | 2026-11-18
			anqing-invest/list.html                  | LIST    | NONE                                                     | NONE
			anqing-invest/t20261122_238645.html      | ARTICLE | 桐城市新签约亿元以上项目12个 协议引资46.3亿元                  | 2026-11-22
			tongcheng-edz/index.html                 | LIST    | NONE                                                     | NONE
			tongcheng-edz/article-1879.html          | ARTICLE | 华科硅材料高纯石英砂项目设备进场安装                          | 2026-11-12
			tongcheng-edz/article-1893-gbk.html      | ARTICLE | 安徽喆远新材料年产5万吨生物基可降解材料项目开工                 | 2026-11-20
			tongcheng-edz/contact.html               | OTHER   | NONE                                                     | NONE
			""")
	void genericMode(String path, PageReader.Kind kind, String title, LocalDate date) {
		PageReader.Page page = PageReader.generic(SavedPages.page(path, "https://example.gov.cn/" + path));
		assertThat(page.kind()).isEqualTo(kind);
		assertThat(page.title()).isEqualTo(title);
		assertThat(page.publishedOn()).isEqualTo(date);
	}

	@ParameterizedTest(name = "generic text of {0}")
	@CsvSource(delimiter = '|', textBlock = """
			tongcheng-gov/article-1846201.html  | 11月20日，我市与安徽鸿达包装科技有限公司  | 力争明年一季度开工建设
			tongcheng-edz/article-1879.html     | 近日，位于桐城经开区硅基新材料产业园     | 为设备安装争取了宝贵时间
			tongcheng-edz/article-1893-gbk.html | 11月20日，安徽喆远新材料科技有限公司     | 延伸我市绿色包装产业链上游的原材料环节
			anqing-invest/t20261122_238645.html | 今年10月以来，桐城市紧扣绿色包装        | 力争年内开工率达到60%以上
			""")
	void genericTextIsTheArticleWithoutBoilerplate(String path, String first, String last) {
		String text = PageReader.generic(SavedPages.page(path, "https://example.gov.cn/")).text();
		assertThat(text).startsWith(first).contains(last);
		assertThat(text).doesNotContain("首页", "当前位置", "ICP", "分享到", "打印", "关闭窗口", "相关新闻", "相关阅读");
		assertThat(text.lines().count()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void listLinksAreAbsolute() {
		PageReader.Page page = PageReader.generic(SavedPages.page("tongcheng-gov/list.html",
				"https://www.tongcheng.gov.cn/News/showList/5581/page_1.html"));
		assertThat(page.links()).contains("https://www.tongcheng.gov.cn/News/show/1846201.html",
				"https://www.tongcheng.gov.cn/News/showList/5581/page_2.html");
	}

	@ParameterizedTest(name = "rules of {0} on {1}")
	@CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
			tongcheng-gov | list.html                | LIST    | NONE                                                     | NONE       | 7
			tongcheng-gov | article-1846201.html     | ARTICLE | 我市与安徽鸿达包装科技有限公司签约年产3亿平方米绿色包装材料项目 | 2026-11-20 | 0
			tongcheng-gov | article-1846188.html     | ARTICLE | 桐城经开区3个重点项目集中开工 总投资18.6亿元                   | 2026-11-18 | 0
			anqing-invest | list.html                | LIST    | NONE                                                     | NONE       | 6
			anqing-invest | t20261122_238645.html    | ARTICLE | 桐城市新签约亿元以上项目12个 协议引资46.3亿元                  | 2026-11-22 | 0
			""")
	void fieldRules(String source, String file, PageReader.Kind kind, String title, LocalDate date, int links) {
		SourceDefinition d = SavedPages.source(source);
		PageReader.Page page = PageReader.read(SavedPages.page(source + "/" + file, d.seeds().get(0)), d.rules());
		assertThat(page.kind()).isEqualTo(kind);
		assertThat(page.title()).isEqualTo(title);
		assertThat(page.publishedOn()).isEqualTo(date);
		assertThat(page.links()).hasSize(links);
		if (kind == PageReader.Kind.ARTICLE) {
			assertThat(page.text()).contains("亿元").doesNotContain("责任编辑", "打印本页");
		}
	}

	@ParameterizedTest(name = "title of <title>{0}</title> <h1>{1}</h1> -> {2}")
	@CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
			安徽金禾新材料扩产项目在望江开工_安庆市人民政府       | 安庆市人民政府           | 安徽金禾新材料扩产项目在望江开工
			安徽金禾新材料扩产项目在望江开工 - 新闻中心 - 望江县 | 安徽金禾新材料扩产项目在望江开工 | 安徽金禾新材料扩产项目在望江开工
			怀宁县——新型建材产业链专题招商会举行           | NONE                   | 新型建材产业链专题招商会举行
			签约                                               | NONE                     | 签约
			""")
	void titleFromTitleTagAndHeadings(String titleTag, String h1, String expected) {
		Document doc = Jsoup.parse("<html><head><title>" + titleTag + "</title></head><body>" + (h1 == null ? "" : "<h1>" + h1 + "</h1>")
				+ "<p>正文</p></body></html>");
		assertThat(PageReader.title(doc)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "date in ''{0}'' -> {1}")
	@CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
			<meta name="PubDate" content="2026-11-20 16:32"><p>2025-01-01</p>   | 2026-11-20
			<time datetime="2026-11-03T08:00:00+08:00">11月3日</time>          | 2026-11-03
			<p>来源：桐城市 浏览 2031 次 发布时间：2026/11/12 09:30</p>          | 2026-11-12
			<p>发布日期：2026年11月2日</p><p>2020年1月1日的旧闻</p>              | 2026-11-02
			<h1>标题</h1><span>2026.10.09</span>                              | 2026-10-09
			<p>时间： 2026-02-30 无效日期，下一个 2026-03-01</p>                | 2026-03-01
			<p>没有日期，只有电话 0556-6123456</p>                             | NONE
			""")
	void dates(String html, LocalDate expected) {
		assertThat(PageReader.date(Jsoup.parse(html))).isEqualTo(expected);
	}
}
