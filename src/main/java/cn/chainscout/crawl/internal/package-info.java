/**
 * How crawling works inside: URL rules, the address guard, robots.txt, charsets, the per-host
 * frontier, fetching, raw-response storage, page reading and duplicate detection. Only
 * {@code cn.chainscout.crawl} uses these.
 */
@NullMarked
package cn.chainscout.crawl.internal;

import org.jspecify.annotations.NullMarked;
