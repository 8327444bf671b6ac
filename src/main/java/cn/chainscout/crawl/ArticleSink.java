package cn.chainscout.crawl;

/**
 * Where the crawler hands the articles it reads. The crawler passes a page on when it is new or its
 * text changed; exact and near duplicates of an article already passed on are not passed again.
 */
public interface ArticleSink {

	/**
	 * Reads an article into signals, replacing the signals an earlier version of the same URL gave.
	 * @return the number of signals the article now gives
	 */
	int accept(Article article);
}
