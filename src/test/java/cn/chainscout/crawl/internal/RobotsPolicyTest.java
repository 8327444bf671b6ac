package cn.chainscout.crawl.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RobotsPolicyTest {

	private static final String ROBOTS = """
			User-agent: *
			Disallow: /private/
			Disallow: /*?print=
			Crawl-delay: 0.3

			User-agent: BadBot
			Disallow: /
			""";

	@ParameterizedTest(name = "robots.txt {0}: {1} allowed={2}")
	@CsvSource(delimiter = '|', textBlock = """
			200 | /news/a.html          | true
			200 | /private/secret.html  | false
			200 | /news/a.html?print=1  | false
			200 | /                     | true
			404 | /private/secret.html  | true
			401 | /private/secret.html  | true
			403 | /news/a.html          | true
			410 | /news/a.html          | true
			500 | /news/a.html          | false
			503 | /                     | false
			-1  | /news/a.html          | false
			""")
	void outcome(int status, String path, boolean allowed) {
		RobotsPolicy.Rules rules = RobotsPolicy.of("http://x.cn/robots.txt", status, ROBOTS.getBytes(StandardCharsets.UTF_8),
				"text/plain", "chainscoutbot");
		assertThat(rules.allows("http://x.cn" + path)).isEqualTo(allowed);
	}

	@ParameterizedTest(name = "Crawl-delay {0} -> {1} ms")
	@CsvSource(textBlock = """
			0.3,  300
			2,    2000
			1.5,  1500
			86400, 60000
			""")
	void crawlDelay(String delay, long millis) {
		String robots = "User-agent: *\nDisallow: /private/\nCrawl-delay: " + delay + "\n";
		RobotsPolicy.Rules rules = RobotsPolicy.of("http://x.cn/robots.txt", 200, robots.getBytes(StandardCharsets.UTF_8), "text/plain",
				"chainscoutbot");
		assertThat(rules.crawlDelayMillis()).isEqualTo(millis);
		assertThat(rules.allows("http://x.cn/a.html")).isTrue();
	}

	@ParameterizedTest(name = "group for {0}: / allowed={1}")
	@CsvSource(textBlock = """
			chainscoutbot, true
			badbot,        false
			""")
	void groupOfOurAgent(String agent, boolean allowed) {
		RobotsPolicy.Rules rules = RobotsPolicy.of("http://x.cn/robots.txt", 200, ROBOTS.getBytes(StandardCharsets.UTF_8), "text/plain", agent);
		assertThat(rules.allows("http://x.cn/news/a.html")).isEqualTo(allowed);
	}
}
