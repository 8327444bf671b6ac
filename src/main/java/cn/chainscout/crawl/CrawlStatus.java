package cn.chainscout.crawl;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where a crawl stands ({@code GET /api/v1/crawls/{id}}).
 *
 * @param id the crawl id
 * @param sourceId the source, or {@code adhoc-<id>}
 * @param kind {@code crawl} or {@code reextract} (extraction re-run on kept responses)
 * @param status QUEUED, RUNNING, FINISHED or FAILED
 * @param pagesFetched pages fetched (robots.txt not counted; each redirect hop and retry is one request)
 * @param requests HTTP requests made, robots.txt, redirects and retries included
 * @param articles pages read as articles and passed to the sink
 * @param unchanged pages not passed on because they did not change (304 or the same text)
 * @param duplicates articles not passed on because they repeat another URL's text (exact or near)
 * @param signalsFound the sum of what the sink returned
 * @param skipped URLs not fetched or not read, by reason
 * @param skippedExamples the first skipped URLs with their reason
 * @param errors the first errors (URL and what went wrong)
 * @param rawFile the WARC file that keeps this crawl's responses
 */
public record CrawlStatus(String id, String sourceId, String kind, State status, Instant createdAt,
		@Nullable Instant startedAt, @Nullable Instant finishedAt, long pagesFetched, long requests, long articles,
		long unchanged, long duplicates, long signalsFound, Map<String, Long> skipped, List<Skip> skippedExamples,
		List<String> errors, @Nullable String rawFile) {

	public enum State {
		QUEUED, RUNNING, FINISHED, FAILED
	}

	/** A URL that was not fetched or not read, and why (in Chinese). */
	public record Skip(String url, String reason) {
	}
}
