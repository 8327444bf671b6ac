package cn.chainscout.crawl;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A source file as loaded ({@code GET /api/v1/crawls/sources}): its definition when it has no
 * errors, and its problems, each naming the file and line.
 *
 * @param lastCrawl the id of the source's latest crawl since start, if any
 */
public record SourceStatus(String file, @Nullable String id, @Nullable String name, boolean ok, List<String> problems,
		@Nullable SourceDefinition definition, @Nullable String lastCrawl) {
}
