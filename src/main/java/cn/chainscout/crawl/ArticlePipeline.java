package cn.chainscout.crawl;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import cn.chainscout.crawl.SourceDefinition.FieldRules;
import cn.chainscout.crawl.internal.Charsets;
import cn.chainscout.crawl.internal.ContentIndex;
import cn.chainscout.crawl.internal.PageReader;
import cn.chainscout.crawl.internal.SimHash;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * From a fetched page to the sink: decode, read (rules or generic), judge the text against what the
 * source read before (new, changed, unchanged, duplicate) and pass new and changed articles on. The
 * sink may store them later; {@link CrawlRun#awaitStored()} waits for that.
 */
final class ArticlePipeline {

	private final String sourceId;

	private final @Nullable FieldRules rules;

	private final ContentIndex index;

	private final CrawlRun run;

	private final Function<Article, CompletableFuture<Integer>> sink;

	ArticlePipeline(String sourceId, @Nullable FieldRules rules, ContentIndex index, CrawlRun run, Function<Article, CompletableFuture<Integer>> sink) {
		this.sourceId = sourceId;
		this.rules = rules;
		this.index = index;
		this.run = run;
		this.sink = sink;
	}

	/** Reads a page; returns its links to follow. */
	List<String> read(String url, byte[] body, String contentType, String etag, String lastModified, Instant fetchedAt) {
		Document doc = Jsoup.parse(Charsets.decode(body, contentType), url);
		PageReader.Page page = PageReader.read(doc, rules);
		if (page.kind() == PageReader.Kind.ARTICLE && page.title() != null && !page.text().isBlank()) {
			SimHash.Fingerprint f = SimHash.fingerprint(page.text());
			String sha = f.sha256();
			ContentIndex.Judgement j = index.judge(url, sha, f.simHash(), etag, lastModified);
			switch (j.verdict()) {
				case UNCHANGED -> run.unchanged(url);
				case DUPLICATE -> run.duplicate(url, String.valueOf(j.duplicateOf()));
				case NEW, CHANGED -> {
					run.article();
					// Stored in the background with other pages; a page that could not be stored is read again next time.
					run.storing(url, sink.apply(new Article(sourceId, url, page.title(), page.publishedOn(), page.text(), fetchedAt, sha)),
							() -> index.forget(url));
				}
			}
		}
		// In the generic mode article pages lead on too (related news); with rules only lists do.
		return rules == null || page.kind() == PageReader.Kind.LIST ? page.links() : List.of();
	}
}
