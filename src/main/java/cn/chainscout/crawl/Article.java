package cn.chainscout.crawl;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One page the crawler fetched and read as an article: what the signal extraction works on.
 *
 * @param sourceId the source definition ({@code crawlers/<id>.yaml}) or {@code adhoc-<crawl id>}
 * @param url the page's normalised URL, the key a recrawl updates by
 * @param title the article title, without the site name
 * @param publishedOn the publication date read from the page, when it has one
 * @param text the main text without navigation and boilerplate, paragraphs separated by {@code \n}
 * @param fetchedAt when the page was fetched
 * @param contentSha256 hash of the normalised text, to tell a changed page from an unchanged one
 */
public record Article(String sourceId, String url, String title, @Nullable LocalDate publishedOn, String text,
		Instant fetchedAt, String contentSha256) {
}
