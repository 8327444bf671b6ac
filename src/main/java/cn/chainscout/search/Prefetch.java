package cn.chainscout.search;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

	private record Failure(Throwable cause) {
	}

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
		Thread thread = new Thread(() -> {
			Object last = END;
			try {
				reader.accept(page -> put(queue, page, cancelled));
			}
			catch (Cancelled ex) {
				return;
			}
			catch (Throwable ex) {
				last = new Failure(ex);
			}
			try {
				put(queue, last, cancelled);
			}
			catch (Cancelled ex) {
				// The caller has stopped: nobody waits for the end.
			}
		}, threadName);
		thread.setDaemon(true);
		thread.start();
		try {
			while (true) {
				Object item = queue.take();
				if (item == END) {
					return;
				}
				if (item instanceof Failure failure) {
					throw rethrow(failure.cause());
				}
				consumer.accept((P) item);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the next page from the graph", ex);
		}
		finally {
			// The reader stops at its next hand-over. Emptying the queue first would let it read more.
			cancelled.set(true);
			joinQuietly(thread);
			queue.clear();
		}
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
			throw new Cancelled();
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
