package cn.chainscout.crawl.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrlNormalizerTest {

	@ParameterizedTest(name = "{0} + {1} -> {2}")
	@CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
			NONE                                   | HTTP://WWW.Tongcheng.GOV.cn                         | http://www.tongcheng.gov.cn/
			NONE                                   | https://www.tongcheng.gov.cn:443/News/              | https://www.tongcheng.gov.cn/News/
			NONE                                   | http://www.tongcheng.gov.cn:80/a.html#top           | http://www.tongcheng.gov.cn/a.html
			NONE                                   | http://127.0.0.1:8123/a                             | http://127.0.0.1:8123/a
			NONE                                   | http://x.cn/a/./b/../c.html                         | http://x.cn/a/c.html
			NONE                                   | http://x.cn/a/b/../../../c.html                     | http://x.cn/c.html
			NONE                                   | http://x.cn/list.jsp;jsessionid=A1B2C3?page=2       | http://x.cn/list.jsp?page=2
			NONE                                   | http://x.cn/list.php?PHPSESSID=abc&page=2           | http://x.cn/list.php?page=2
			NONE                                   | http://x.cn/a?utm_source=wx&id=7&utm_medium=share   | http://x.cn/a?id=7
			NONE                                   | http://x.cn/a?b=2&a=1                               | http://x.cn/a?a=1&b=2
			NONE                                   | http://x.cn/a?sid=1                                 | http://x.cn/a
			NONE                                   | http://x.cn/%e6%8b%9b%e5%95%86                      | http://x.cn/%E6%8B%9B%E5%95%86
			NONE                                   | http://x.cn./a                                      | http://x.cn/a
			http://x.cn/news/2026/list.html        | ../2025/a.html                                      | http://x.cn/news/2025/a.html
			http://x.cn/news/list.html             | show/1.html?                                        | http://x.cn/news/show/1.html
			http://x.cn/news/list.html             | //cdn.x.cn/b.html                                   | http://cdn.x.cn/b.html
			http://x.cn/news/list.html             | /zsdt/t2026 1122.html                               | http://x.cn/zsdt/t2026%201122.html
			http://x.cn/news/list.html             | javascript:void(0)                                  | NONE
			http://x.cn/news/list.html             | mailto:tzcj@tongcheng.gov.cn                        | NONE
			http://x.cn/news/list.html             | '#'                                                 | NONE
			NONE                                   | ftp://x.cn/a                                        | NONE
			NONE                                   | http:///nohost                                      | NONE
			""")
	void normalises(String base, String href, String expected) {
		assertThat(UrlNormalizer.normalize(base, href).orElse(null)).isEqualTo(expected);
	}
}
