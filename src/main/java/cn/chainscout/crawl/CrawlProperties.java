package cn.chainscout.crawl;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Crawling settings, under {@code chainscout.crawl.*}.
 *
 * @param sources the source definitions: a directory, or {@code classpath:crawlers} for the bundled ones
 * @param rawDir where raw responses are kept (WARC files, one per crawl, under a folder per source)
 * @param scheduleEnabled run each source on its {@code schedule}; off in tests
 * @param threads fetching threads shared by all running crawls (requests to one host never overlap)
 * @param maxConcurrentCrawls crawls that run at once; more wait in the queue (QUEUED)
 * @param delayMillis default pause between two requests to one host, when a source sets none
 * @param connectTimeoutMillis time to connect
 * @param timeoutMillis the longest wait for a response head, or for any read of its body
 * @param maxBytes a larger response body is not read (skipped as too large)
 * @param maxRetries retries of one URL after a 5xx, a 429 or a timeout
 * @param maxQueryVariants URLs with the same host and path but different queries followed in one crawl (calendar traps)
 * @param userAgent the User-Agent sent, whose first word is the name robots.txt rules are matched with
 */
@ConfigurationProperties("chainscout.crawl")
public record CrawlProperties(@DefaultValue("classpath:crawlers") String sources,
		@DefaultValue("./var/crawl") Path rawDir, @DefaultValue("true") boolean scheduleEnabled,
		@DefaultValue("16") int threads, @DefaultValue("2") int maxConcurrentCrawls,
		@DefaultValue("1000") long delayMillis, @DefaultValue("5000") int connectTimeoutMillis,
		@DefaultValue("15000") int timeoutMillis, @DefaultValue("5000000") long maxBytes,
		@DefaultValue("3") int maxRetries, @DefaultValue("20") int maxQueryVariants,
		@DefaultValue("ChainScoutBot/0.1 (ChainScout investment-promotion research crawler)") String userAgent) {

	/** The name robots.txt groups are matched with: the product token of the User-Agent, lower case. */
	public String robotName() {
		return userAgent.split("[/\\s]", 2)[0].toLowerCase(java.util.Locale.ROOT);
	}
}
