package cn.chainscout.crawl;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An ad hoc crawl ({@code POST /api/v1/crawls}) in the generic article mode.
 *
 * @param seeds where to start (http or https URLs on the allowed hosts)
 * @param allowedHosts hosts it may visit, as in a source file; an exact entry also allows that host
 *        on an internal address
 * @param maxPages pages fetched at most (default 100, at most 10,000)
 * @param maxDepth links followed from a seed at most (default 3)
 * @param delayMillis pause between requests to one host (default {@code chainscout.crawl.delay-millis})
 */
public record CrawlRequest(@Nullable List<String> seeds, @Nullable List<String> allowedHosts, @Nullable Integer maxPages,
		@Nullable Integer maxDepth, @Nullable Long delayMillis) {
}
