package cn.chainscout.crawl;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One crawl source ({@code crawlers/<id>.yaml}, the format is in {@code crawlers/README.md}).
 *
 * @param id the file name without {@code .yaml}
 * @param name what the source is, for people (e.g. 桐城市人民政府 · 政务要闻)
 * @param seeds where a crawl starts
 * @param allowedHosts hosts a crawl may visit: {@code www.tongcheng.gov.cn}, {@code host:port}, or
 *        {@code *.tongcheng.gov.cn} (sub-domains); an exact entry also lets that host resolve to an
 *        internal address, a wildcard never does
 * @param allow URL regular expressions a page must match (any), empty: every URL on the allowed hosts
 * @param deny URL regular expressions a page must not match
 * @param delayMillis pause between two requests to one host (robots.txt Crawl-delay may make it longer)
 * @param schedule a Spring cron expression ({@code 0 0 7 * * *}), or blank: no scheduled recrawl
 * @param maxPages pages fetched in one crawl at most
 * @param maxDepth links followed from a seed at most
 * @param rules field rules (CSS selectors), or {@code null} for the generic article mode
 * @param file the file the definition was read from
 */
public record SourceDefinition(String id, String name, List<String> seeds, List<String> allowedHosts, List<String> allow,
		List<String> deny, long delayMillis, String schedule, int maxPages, int maxDepth, @Nullable FieldRules rules,
		String file) {

	/**
	 * Where the fields of a page are, as CSS selectors (jsoup syntax), with their normalisers.
	 *
	 * @param listLinks on a list page, the links to articles (a page where this matches is a list)
	 * @param nextPage on a list page, the link to the next list page
	 * @param title the article title
	 * @param date the element holding the publication date
	 * @param body the main text
	 * @param remove elements inside the body to drop (share bars, print buttons)
	 * @param titleStrip a regular expression removed from the title (a site-name suffix)
	 * @param datePattern a {@link java.time.format.DateTimeFormatter} pattern, or blank to find any common date form
	 */
	public record FieldRules(String listLinks, String nextPage, String title, String date, String body, List<String> remove,
			String titleStrip, String datePattern) {
	}

	public boolean generic() {
		return rules == null;
	}
}
