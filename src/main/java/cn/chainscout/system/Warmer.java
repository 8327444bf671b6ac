package cn.chainscout.system;

import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps answers computed per chain warm (chain maps, recommendations), so that no chain lead waits
 * for a first computation: one daemon thread goes over the chains one at a time, once the service is
 * ready and again after each change to the graph.
 *
 * <p>Nothing starts before {@link #ready()}. Until then the start-up tasks change the graph one after
 * another (the import, the chains, the local firms, the referrers); each change would start the work
 * again, and the work would take CPU from the start-up itself. A round stops at the next change, whose
 * own round computes the answers again, and at {@link #stop()}.
 */
public final class Warmer {

	private static final Logger log = LoggerFactory.getLogger(Warmer.class);

	private final String what;

	private final BooleanSupplier enabled;

	private final LongSupplier generation;

	private final Supplier<? extends Collection<String>> chains;

	private final Consumer<String> warm;

	private final ExecutorService thread;

	private final AtomicLong rounds = new AtomicLong();

	private volatile boolean ready;

	/**
	 * @param what what is kept warm, for the thread's name and the log ("chain maps")
	 * @param enabled false where nothing should run in the background (the jar's commands)
	 * @param generation the owner's change counter: a round started before a change stops
	 * @param chains the chain ids to go over, read when the round starts
	 * @param warm computes and keeps one chain's answers
	 */
	public Warmer(String what, BooleanSupplier enabled, LongSupplier generation, Supplier<? extends Collection<String>> chains,
			Consumer<String> warm) {
		this.what = what;
		this.enabled = enabled;
		this.generation = generation;
		this.chains = chains;
		this.warm = warm;
		this.thread = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "warm-up: " + what);
			t.setDaemon(true);
			return t;
		});
	}

	/** The service is ready (Spring's ApplicationReadyEvent): the first round starts. */
	public void ready() {
		ready = true;
		start();
	}

	/** The graph changed: a new round starts, once the service is ready. */
	public void changed() {
		if (ready) {
			start();
		}
	}

	/** Rounds started so far (for tests). */
	public long rounds() {
		return rounds.get();
	}

	private void start() {
		if (!enabled.getAsBoolean() || thread.isShutdown()) {
			return;
		}
		long seen = generation.getAsLong();
		try {
			thread.execute(() -> round(seen));
			rounds.incrementAndGet();
		}
		catch (RejectedExecutionException stopping) {
			// stop() came between the check and the call: nothing more to warm
		}
	}

	private void round(long seen) {
		if (seen != generation.getAsLong() || thread.isShutdown()) {
			return; // a later change has its own round queued, or the service is stopping
		}
		try {
			for (String chain : chains.get()) {
				if (seen != generation.getAsLong() || thread.isShutdown()) {
					return;
				}
				try {
					warm.accept(chain);
				}
				catch (RuntimeException ex) {
					if (thread.isShutdown()) {
						return;
					}
					log.warn("Warming up the {} of chain {} failed: {}", what, chain, ex.toString());
				}
			}
		}
		catch (RuntimeException ex) {
			if (!thread.isShutdown()) {
				log.warn("Warming up the {} stopped: the chains could not be read: {}", what, ex.toString());
			}
		}
	}

	/**
	 * Stops after the chain at hand, waiting up to 2 s for it before the driver closes: a query cut off
	 * mid-way makes the database log an ERROR. Longer, and a stop right after a start took 8.5 s; a
	 * chain that needs more than 2 s is cut off after all.
	 */
	public void stop() throws InterruptedException {
		thread.shutdown();
		if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
			thread.shutdownNow();
		}
	}
}
