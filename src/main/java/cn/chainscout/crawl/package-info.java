/**
 * Crawling: source definitions as data, polite fetching, article extraction; articles go to an
 * {@link cn.chainscout.crawl.ArticleSink}.
 */
@NullMarked
package cn.chainscout.crawl;

import org.jspecify.annotations.NullMarked;
