package cn.chainscout.crawl;

import java.nio.file.Path;

import cn.chainscout.support.Http;
import cn.chainscout.support.TestHomes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crawl API over real HTTP, in a context of only the crawl and web packages (no graph needed),
 * against {@link TestSite}; no ArticleSink bean, so articles are only counted.
 */
@SpringBootTest(classes = CrawlApiIT.CrawlOnly.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrawlApiIT {

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@ComponentScan(basePackages = { "cn.chainscout.crawl", "cn.chainscout.web" })
	static class CrawlOnly {
	}

	static TestSite site;

	static Path raw;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		raw = TestHomes.create("chainscout-crawl-api");
		registry.add("chainscout.crawl.raw-dir", raw::toString);
	}

	@BeforeAll
	static void startSite() throws Exception {
		site = new TestSite(9);
	}

	@AfterAll
	static void stopSite() {
		site.close();
	}

	String api(String path) {
		return "http://localhost:" + port + "/api/v1/crawls" + path;
	}

	@Test
	void adHocCrawlReportsItsProgressUntilFinished() throws Exception {
		Http.Response started = Http.postJson(api(""), """
				{"seeds": ["%s"], "allowedHosts": ["127.0.0.1:%d"], "maxPages": 4, "maxDepth": 1, "delayMillis": 200}"""
			.formatted(site.url("/news/list.html"), site.port()));
		assertThat(started.status()).isEqualTo(202);
		String id = started.json().get("id").asString();
		assertThat(started.json().get("status").asString()).isIn("QUEUED", "RUNNING");
		JsonNode s = null;
		for (int i = 0; i < 150; i++) {
			s = Http.get(api("/" + id)).json();
			if (s.get("status").asString().equals("FINISHED") || s.get("status").asString().equals("FAILED")) {
				break;
			}
			Thread.sleep(100);
		}
		assertThat(s.get("status").asString()).isEqualTo("FINISHED");
		assertThat(s.get("pagesFetched").asInt()).as(s.toString()).isEqualTo(4);
		assertThat(s.get("signalsFound").asInt()).isZero();
		assertThat(s.get("articles").asInt()).isBetween(1, 3);
		assertThat(s.get("skipped").get("已达页数上限 4").asInt()).isPositive();
		assertThat(s.get("rawFile").asString()).startsWith(raw.toString());
		assertThat(Http.get(api("")).json().get(0).get("id").asString()).isEqualTo(id);
	}

	@ParameterizedTest(name = "{0} -> 400 naming {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"allowedHosts": ["x.cn"]}                                               | 参数 seeds 不能为空
			{"seeds": ["http://x.cn/"], "allowedHosts": []}                           | 参数 allowedHosts 不能为空
			{"seeds": ["ftp://x.cn/"], "allowedHosts": ["x.cn"]}                      | 参数 seeds 的值 'ftp://x.cn/' 无效
			{"seeds": ["http://y.cn/"], "allowedHosts": ["x.cn"]}                     | 参数 seeds 的值 'http://y.cn/' 的主机不在 allowedHosts
			{"seeds": ["http://x.cn/"], "allowedHosts": ["http://x.cn/"]}             | 参数 allowedHosts 的值 'http://x.cn/' 无效
			{"seeds": ["http://x.cn/"], "allowedHosts": ["x.cn"], "maxPages": 0}      | 参数 maxPages 的值 '0' 无效
			{"seeds": ["http://x.cn/"], "allowedHosts": ["x.cn"], "maxPages": "many"} | 参数 maxPages 的值类型不对
			{"seeds": ["http://x.cn/"], "allowedHosts": ["x.cn"], "delayMillis": 5}   | 参数 delayMillis 的值 '5' 无效
			{"seeds": ["http://x.cn/"], "allowedHosts": ["x.cn"], "depth": 2}         | 不认识的参数 'depth'
			{"seeds": ["http://x.cn/"                                                 | 请求体不是有效的 JSON
			""")
	void badRequestsNameTheParameter(String body, String message) {
		Http.Response r = Http.postJson(api(""), body);
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("message").asString()).contains(message);
	}

	@Test
	void unknownCrawlIs404() {
		Http.Response r = Http.get(api("/20990101000000-1"));
		assertThat(r.status()).isEqualTo(404);
		assertThat(r.json().get("message").asString()).isEqualTo("没有编号为 '20990101000000-1' 的抓取任务");
		assertThat(Http.post(api("/sources/no-such-source")).status()).isEqualTo(404);
	}

	@Test
	void shippedSourcesAreListed() {
		JsonNode sources = Http.get(api("/sources")).json();
		assertThat(sources.size()).isGreaterThanOrEqualTo(3);
		for (JsonNode s : sources) {
			assertThat(s.get("ok").asBoolean()).as(s.toString()).isTrue();
		}
		assertThat(sources.findValuesAsString("id")).contains("tongcheng-gov", "anqing-invest", "tongcheng-edz");
	}
}
