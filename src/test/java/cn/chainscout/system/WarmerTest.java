package cn.chainscout.system;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WarmerTest {

	private final AtomicLong generation = new AtomicLong();

	private final List<String> warmed = new CopyOnWriteArrayList<>();

	@Test
	void changesBeforeTheServiceIsReadyStartNothing() throws Exception {
		Warmer warmer = new Warmer("maps", () -> true, generation::get, () -> List.of("a", "b"), warmed::add);
		try {
			warmer.changed();
			warmer.changed();
			assertThat(warmer.rounds()).isZero();
			warmer.ready();
			warmer.changed();
			assertThat(warmer.rounds()).isEqualTo(2);
			awaitWarmed(4);
		}
		finally {
			warmer.stop();
		}
		assertThat(warmed).containsExactly("a", "b", "a", "b");
	}

	@Test
	void aWarmerThatIsOffNeverStarts() throws Exception {
		Warmer warmer = new Warmer("maps", () -> false, generation::get, () -> List.of("a"), warmed::add);
		warmer.ready();
		warmer.changed();
		warmer.stop();
		assertThat(warmer.rounds()).isZero();
		assertThat(warmed).isEmpty();
	}

	@Test
	void aChangeStopsTheRoundThatStartedBeforeIt() throws Exception {
		CountDownLatch inFirst = new CountDownLatch(1);
		CountDownLatch changed = new CountDownLatch(1);
		Warmer warmer = new Warmer("maps", () -> true, generation::get, () -> List.of("a", "b", "c"), chain -> {
			warmed.add(chain);
			if (warmed.size() == 1) {
				inFirst.countDown();
				await(changed);
			}
		});
		try {
			warmer.ready();
			assertThat(inFirst.await(10, TimeUnit.SECONDS)).isTrue();
			generation.incrementAndGet();
			warmer.changed();
			changed.countDown();
			awaitWarmed(4);
		}
		finally {
			warmer.stop();
		}
		// the first round stopped after "a"; the round of the change went over all three
		assertThat(warmed).containsExactly("a", "a", "b", "c");
	}

	@Test
	void aChainThatFailsLeavesTheOthersWarmed() throws Exception {
		Warmer warmer = new Warmer("maps", () -> true, generation::get, () -> List.of("a", "broken", "c"), chain -> {
			if (chain.equals("broken")) {
				throw new IllegalStateException("no such chain");
			}
			warmed.add(chain);
		});
		warmer.ready();
		awaitWarmed(2);
		warmer.stop();
		assertThat(warmed).containsExactly("a", "c");
	}

	@Test
	void stopWaitsForTheChainAtHandAndNothingStartsAfterIt() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		AtomicBoolean finished = new AtomicBoolean();
		Warmer warmer = new Warmer("maps", () -> true, generation::get, () -> List.of("slow", "next"), chain -> {
			if (chain.equals("slow")) {
				started.countDown();
				sleep(100);
				finished.set(true);
			}
			warmed.add(chain);
		});
		warmer.ready();
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		warmer.stop();
		assertThat(finished).as("the chain at hand finished before stop returned").isTrue();
		assertThat(warmed).containsExactly("slow");
		warmer.changed();
		assertThat(warmer.rounds()).isEqualTo(1);
	}

	/** Waits for the rounds to get that far: {@link Warmer#stop()} would stop them after the chain at hand. */
	private void awaitWarmed(int chains) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (warmed.size() < chains && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
