package cn.chainscout.search;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Reads the next page from the graph while the caller indexes this one. Reading waits on the database
 * and indexing works the CPU, so the two overlap on two cores; one after the other, a rebuild waited
 * for each page. Pages reach the caller in the order they were read, so documents keep that order in
 * the index (ties in a search come out in it). A failure on either side stops both and is thrown to
 * the caller; no read goes on after {@link #run} returns.
 */
final class Prefetch {

	/** Pages read ahead of the one being indexed. */
	static final int AHEAD = 2;

	private static final Object END = new Object();

	/** Thrown inside the reading thread once the caller has stopped taking pages. */
	private static final class Cancelled extends RuntimeException {

		Cancelled() {
			super(null, null, false, false);
		}
	}

	private Prefetch() {
	}

	/**
	 * Runs {@code reader} in a thread named {@code threadName}, handing each page it gives to
	 * {@code consumer} in this thread.
	 */
	@SuppressWarnings("unchecked")
	static <P> void run(String threadName, Consumer<Consumer<P>> reader, Consumer<P> consumer) {
		BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
		AtomicBoolean cancelled = new AtomicBoolean();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread thread = new Thread(() -> {
			try {
				reader.accept(page -> put(queue, page, cancelled));
			}
			catch (Cancelled ex) {
				return;
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
			try {
				put(queue, END, cancelled);
			}
			catch (RuntimeException ex) {
				// The caller has stopped, or this thread was interrupted: the caller sees it has ended.
			}
		}, threadName);
		thread.setDaemon(true);
		thread.start();
		try {
			while (true) {
				Object item = queue.poll(100, TimeUnit.MILLISECONDS);
				if (item == null) {
					if (!thread.isAlive() && queue.isEmpty()) {
						Throwable cause = failure.get();
						throw cause != null ? rethrow(cause)
								: new IllegalStateException("The thread reading pages from the graph (" + threadName + ") stopped before the last page");
					}
					continue;
				}
				if (item == END) {
					Throwable cause = failure.get();
					if (cause != null) {
						throw rethrow(cause);
					}
					return;
				}
				consumer.accept((P) item);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the next page from the graph", ex);
		}
		catch (RuntimeException | Error ex) {
			stop(thread, queue, cancelled);
			Throwable cause = failure.get();
			if (cause != null && cause != ex && cause != ex.getCause()) {
				ex.addSuppressed(cause); // the reader failed too: keep its reason
			}
			throw ex;
		}
		finally {
			stop(thread, queue, cancelled);
		}
	}

	/** Stops the reader at its next hand-over and waits for it. Emptying the queue first would let it read more. */
	private static void stop(Thread thread, BlockingQueue<Object> queue, AtomicBoolean cancelled) {
		cancelled.set(true);
		joinQuietly(thread);
		queue.clear();
	}

	private static void put(BlockingQueue<Object> queue, Object item, AtomicBoolean cancelled) {
		try {
			do {
				if (cancelled.get()) {
					throw new Cancelled();
				}
			}
			while (!queue.offer(item, 50, TimeUnit.MILLISECONDS));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while handing over a page read from the graph", ex);
		}
	}

	private static void joinQuietly(Thread thread) {
		boolean interrupted = false;
		while (true) {
			try {
				thread.join();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static RuntimeException rethrow(Throwable cause) {
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		return new IllegalStateException(cause);
	}
}
