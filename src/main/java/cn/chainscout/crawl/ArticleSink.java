package cn.chainscout.crawl;

import java.util.concurrent.CompletableFuture;

/**
 * Where the crawler hands the articles it reads. The crawler passes a page on when it is new or its
 * text changed; exact and near duplicates of an article already passed on are not passed again.
 */
public interface ArticleSink {

	/**
	 * Reads an article into signals, replacing the signals an earlier version of the same URL gave,
	 * and returns once they are stored.
	 * @return the number of signals the article now gives
	 */
	int accept(Article article);

	/**
	 * Hands an article on to be stored, perhaps later and together with others: the crawler's way in.
	 * The future completes with what {@link #accept} returns once the article is stored, or with the
	 * error that kept it from being stored. A sink that stores at once need not override this.
	 */
	default CompletableFuture<Integer> submit(Article article) {
		try {
			return CompletableFuture.completedFuture(accept(article));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}
}
