package cn.chainscout.crawl.internal;

/** What a running crawl reports as it goes; thread-safe. */
public interface Progress {

	/** An HTTP request was made ({@code page}: not a robots.txt). */
	void request(boolean page);

	void skipped(String url, String reason);

	void error(String url, String message);

	/** A page was not read again: 304 or the same text. */
	void unchanged(String url);
}
