package cn.chainscout.signal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import cn.chainscout.crawl.Article;
import cn.chainscout.crawl.ArticleSink;
import cn.chainscout.graph.Graph;
import cn.chainscout.region.Gazetteer;
import cn.chainscout.region.Region;
import cn.chainscout.search.EnterprisesChanged;
import cn.chainscout.signal.internal.ExtractedSignal;
import cn.chainscout.signal.internal.NameDictionary;
import cn.chainscout.signal.internal.Places;
import cn.chainscout.signal.internal.SignalExtractor;
import cn.chainscout.signal.internal.SignalStore;
import cn.chainscout.signal.internal.SignalWriter;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads crawled articles into signals: extraction in memory on the caller's thread, then a write
 * that replaces what an earlier version of the same URL gave. Writes go through one
 * {@link SignalWriter}, which stores the articles handed in meanwhile together in one transaction.
 * The name dictionary is built from the graph on first use and again whenever enterprises change;
 * building it takes a fraction of a second on the bundled data, so every change simply rebuilds it.
 * A change before the first use builds nothing: the first use will (at 1M firms the build takes
 * half a minute, which the import command spent on a dictionary nobody was going to read).
 */
@Component
// The sink the application runs with, should the crawler bring a stand-in of its own for its tests.
@org.springframework.context.annotation.Primary
public class SignalSink implements ArticleSink {

	private static final Logger log = LoggerFactory.getLogger(SignalSink.class);

	private final SignalStore store;

	private final SignalWriter writer;

	private final Places places;

	private final Set<String> placeNames;

	private volatile @Nullable SignalExtractor extractor;

	/** Dictionaries built so far (for tests). */
	private int builds;

	synchronized int builds() {
		return builds;
	}

	public SignalSink(Graph graph) {
		this.store = new SignalStore(graph);
		this.writer = new SignalWriter(store);
		Gazetteer gazetteer = Gazetteer.load();
		this.places = new Places(gazetteer);
		Set<String> names = new HashSet<>();
		for (Region r : gazetteer.all()) {
			names.add(r.name());
			names.add(r.shortName());
		}
		this.placeNames = Set.copyOf(names);
	}

	@Override
	public int accept(Article article) {
		try {
			return submit(article).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** Extracts the article's signals now and queues them to be written with others. */
	@Override
	public CompletableFuture<Integer> submit(Article article) {
		List<ExtractedSignal> signals;
		try {
			checkArticle(article);
			signals = extract(article);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		return writer.submit(new SignalStore.Page(article, signals));
	}

	/** Stores what is queued before the graph connection goes. */
	@PreDestroy
	void close() {
		writer.close();
	}

	/** The signals of an article, without writing them: what {@link #accept} would store. */
	public List<ExtractedSignal> extract(Article article) {
		return extractor().extract(article);
	}

	@EventListener
	public synchronized void on(EnterprisesChanged change) {
		if (extractor != null) {
			rebuild();
		}
	}

	/** Reads every enterprise's names from the graph into a new dictionary. @return names in it */
	public synchronized int rebuild() {
		builds++;
		long start = System.nanoTime();
		NameDictionary names = NameDictionary.build(store.names(), placeNames);
		extractor = new SignalExtractor(names, places);
		log.info("Signal name dictionary built: {} names in {} ms", names.size(), (System.nanoTime() - start) / 1_000_000);
		return names.size();
	}

	private SignalExtractor extractor() {
		SignalExtractor e = extractor;
		if (e == null) {
			synchronized (this) {
				// Crawler threads arrive together at the first article: one builds, the others wait for it.
				if (extractor == null) {
					rebuild();
				}
				e = extractor;
			}
		}
		return java.util.Objects.requireNonNull(e);
	}

	private static void checkArticle(Article article) {
		if (article.url().isBlank()) {
			throw new IllegalArgumentException("文章的 url 不能为空");
		}
		if (article.text().length() > 5_000_000) {
			throw new IllegalArgumentException("文章 " + article.url() + " 的正文过长（" + article.text().length() + " 字符）");
		}
	}
}
