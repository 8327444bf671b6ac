package cn.chainscout.crawl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import cn.chainscout.crawl.CrawlStatus.State;
import cn.chainscout.crawl.internal.Progress;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A crawl's counters while it runs, and its status at any moment. */
final class CrawlRun implements Progress {

	private static final Logger log = LoggerFactory.getLogger(CrawlRun.class);

	/** Skipped URLs and errors listed by example, at most this many each; all are counted. */
	static final int EXAMPLES = 100;

	final String id;

	final String sourceId;

	final String kind;

	private final Instant createdAt = Instant.now();

	private volatile State state = State.QUEUED;

	private volatile @Nullable Instant startedAt;

	private volatile @Nullable Instant finishedAt;

	private volatile @Nullable String rawFile;

	private final AtomicLong pages = new AtomicLong();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong articles = new AtomicLong();

	private final AtomicLong unchanged = new AtomicLong();

	private final AtomicLong duplicates = new AtomicLong();

	private final AtomicLong signals = new AtomicLong();

	/** Articles handed to the sink and not yet stored; guarded by {@link #storingLock}. */
	private long storing;

	private final Object storingLock = new Object();

	private final Map<String, AtomicLong> skipped = new ConcurrentHashMap<>();

	private final List<CrawlStatus.Skip> skipExamples = new ArrayList<>();

	private final List<String> errors = new ArrayList<>();

	CrawlRun(String id, String sourceId, String kind) {
		this.id = id;
		this.sourceId = sourceId;
		this.kind = kind;
	}

	void started(@Nullable String rawFile) {
		this.rawFile = rawFile;
		this.startedAt = Instant.now();
		this.state = State.RUNNING;
	}

	void finished(State state) {
		this.finishedAt = Instant.now();
		this.state = state;
	}

	State state() {
		return state;
	}

	@Override
	public void request(boolean page) {
		requests.incrementAndGet();
		if (page) {
			pages.incrementAndGet();
		}
	}

	@Override
	public void skipped(String url, String reason) {
		// Counted by the reason's kind (before any detail in brackets), listed with the detail.
		String key = reason.replaceFirst("[（(].*$", "").strip();
		skipped.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
		synchronized (skipExamples) {
			if (skipExamples.size() < EXAMPLES) {
				skipExamples.add(new CrawlStatus.Skip(url, reason));
			}
		}
	}

	@Override
	public void error(String url, String message) {
		log.debug("Crawl {}: {} {}", id, url, message);
		synchronized (errors) {
			if (errors.size() < EXAMPLES) {
				errors.add(url + " " + message);
			}
		}
	}

	@Override
	public void unchanged(String url) {
		unchanged.incrementAndGet();
	}

	void article() {
		articles.incrementAndGet();
	}

	/** Counts the article's signals once the sink has stored them, or its error if it could not. */
	void storing(String url, CompletableFuture<Integer> stored, Runnable onFailure) {
		synchronized (storingLock) {
			storing++;
		}
		stored.whenComplete((n, ex) -> {
			if (ex == null) {
				signals.addAndGet(n);
			}
			else {
				Throwable cause = ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null ? ex.getCause() : ex;
				error(url, "信号未能保存（下次抓取时重读）：" + cause.getMessage());
				onFailure.run();
			}
			synchronized (storingLock) {
				if (--storing == 0) {
					storingLock.notifyAll();
				}
			}
		});
	}

	/** Waits until every article handed to the sink is stored or has failed. */
	void awaitStored() throws InterruptedException {
		synchronized (storingLock) {
			while (storing > 0) {
				storingLock.wait();
			}
		}
	}

	void duplicate(String url, String of) {
		duplicates.incrementAndGet();
		skipped(url, "与已读文章重复（" + of + "）");
	}

	CrawlStatus status() {
		Map<String, Long> skips = new TreeMap<>();
		skipped.forEach((k, v) -> skips.put(k, v.get()));
		List<CrawlStatus.Skip> examples;
		synchronized (skipExamples) {
			examples = List.copyOf(skipExamples);
		}
		List<String> errs;
		synchronized (errors) {
			errs = List.copyOf(errors);
		}
		return new CrawlStatus(id, sourceId, kind, state, createdAt, startedAt, finishedAt, pages.get(), requests.get(),
				articles.get(), unchanged.get(), duplicates.get(), signals.get(), skips, examples, errs, rawFile);
	}
}
