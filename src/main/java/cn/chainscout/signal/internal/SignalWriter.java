package cn.chainscout.signal.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for signals: pages handed in by many crawler threads are written by one thread, as
 * many at a time as have queued up (up to {@link #MAX_PAGES}), in one transaction of a few
 * statements. A transaction costs about the same for one page as for hundreds, so the write rate
 * grows with the crawl rate instead of capping it. When the queue is full, handing in waits: the
 * crawl slows down rather than holding unbounded text in memory.
 *
 * <p>A batch that fails is written again page by page, so one bad page fails alone, with its own
 * error, and the rest are stored.
 */
public final class SignalWriter implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SignalWriter.class);

	/** Pages per transaction at most. */
	static final int MAX_PAGES = 500;

	/** Pages waiting at most; handing in more waits for room. */
	static final int QUEUE = 2_000;

	private record Pending(SignalStore.Page page, CompletableFuture<Integer> done) {
	}

	private final SignalStore store;

	private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);

	private final Thread thread;

	private volatile boolean closing;

	/** A page taken from the queue whose URL was already in the batch: it starts the next one. */
	private @Nullable Pending carried;

	public SignalWriter(SignalStore store) {
		this.store = store;
		this.thread = new Thread(this::loop, "signal-writer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Queues a page to be stored; the future gives the number of signals its URL then has, or the
	 * error that kept it from being stored.
	 */
	public CompletableFuture<Integer> submit(SignalStore.Page page) {
		CompletableFuture<Integer> done = new CompletableFuture<>();
		if (closing) {
			done.completeExceptionally(new IllegalStateException("信号写入已停止（服务正在关闭）"));
			return done;
		}
		try {
			queue.put(new Pending(page, done));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			done.completeExceptionally(ex);
		}
		return done;
	}

	private void loop() {
		while (true) {
			List<Pending> batch;
			try {
				batch = next();
			}
			catch (InterruptedException ex) {
				return;
			}
			if (batch.isEmpty()) {
				if (closing && queue.isEmpty() && carried == null) {
					return;
				}
				continue;
			}
			write(batch);
		}
	}

	/** The next batch: what has queued up, stopping before a URL repeats. Empty after a quiet second. */
	private List<Pending> next() throws InterruptedException {
		List<Pending> batch = new ArrayList<>();
		Pending first = carried;
		carried = null;
		if (first == null) {
			first = queue.poll(closing ? 10 : 1000, TimeUnit.MILLISECONDS);
			if (first == null) {
				return batch;
			}
		}
		batch.add(first);
		Set<String> urls = new HashSet<>();
		urls.add(first.page().article().url());
		while (batch.size() < MAX_PAGES) {
			Pending p = queue.poll();
			if (p == null) {
				break;
			}
			if (!urls.add(p.page().article().url())) {
				carried = p;
				break;
			}
			batch.add(p);
		}
		return batch;
	}

	private void write(List<Pending> batch) {
		try {
			long start = System.nanoTime();
			List<Integer> counts = store.replaceAll(batch.stream().map(Pending::page).toList());
			log.debug("Stored the signals of {} pages in {} ms", batch.size(), (System.nanoTime() - start) / 1_000_000);
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).done().complete(counts.get(i));
			}
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1) {
				log.warn("Signals of {} could not be stored: {}", batch.get(0).page().article().url(), ex.getMessage());
				batch.get(0).done().completeExceptionally(ex);
				return;
			}
			log.warn("A batch of {} pages of signals failed ({}); writing them one by one", batch.size(), ex.getMessage());
			for (Pending p : batch) {
				write(List.of(p));
			}
		}
	}

	/** Pages handed in and not yet written. */
	public int waiting() {
		return queue.size() + (carried == null ? 0 : 1);
	}

	/** Writes what is queued, then stops. Pages handed in after this fail at once. */
	@Override
	public void close() {
		closing = true;
		try {
			thread.join(TimeUnit.SECONDS.toMillis(60));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (thread.isAlive()) {
			log.warn("Signal writer still busy after 60 s at shutdown; {} pages were not stored", waiting());
			thread.interrupt();
		}
		// Handed in while the writer was stopping: told, not left waiting.
		for (Pending p; (p = queue.poll()) != null;) {
			p.done().completeExceptionally(new IllegalStateException("信号写入已停止（服务正在关闭）"));
		}
	}
}
