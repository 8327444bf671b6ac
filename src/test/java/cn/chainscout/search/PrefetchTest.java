package cn.chainscout.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrefetchTest {

	/** A reader of {@code pages} pages of numbers, counting the pages it has read. */
	private static Consumer<Consumer<List<Integer>>> reader(int pages, AtomicInteger read) {
		return each -> {
			for (int p = 0; p < pages; p++) {
				read.incrementAndGet();
				each.accept(List.of(p * 10, p * 10 + 1));
			}
		};
	}

	private static long readThreads() {
		return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("prefetch-test") && t.isAlive()).count();
	}

	@Test
	void everyPageArrivesOnceInTheOrderRead() {
		List<Integer> seen = new ArrayList<>();
		List<String> threads = new ArrayList<>();
		Prefetch.<List<Integer>>run("prefetch-test", reader(50, new AtomicInteger()), page -> {
			seen.addAll(page);
			threads.add(Thread.currentThread().getName());
		});
		List<Integer> expected = new ArrayList<>();
		for (int p = 0; p < 50; p++) {
			expected.add(p * 10);
			expected.add(p * 10 + 1);
		}
		assertThat(seen).isEqualTo(expected);
		assertThat(threads).as("pages are indexed in the caller's thread").containsOnly(Thread.currentThread().getName());
		assertThat(readThreads()).isZero();
	}

	@Test
	void theReadersFailureReachesTheCallerAsItWas() {
		List<List<Integer>> seen = new ArrayList<>();
		IllegalStateException failure = new IllegalStateException("graph gone");
		assertThatThrownBy(() -> Prefetch.<List<Integer>>run("prefetch-test", each -> {
			each.accept(List.of(1));
			throw failure;
		}, seen::add)).isSameAs(failure);
		assertThat(seen).as("pages read before the failure are still indexed").containsExactly(List.of(1));
		assertThat(readThreads()).isZero();
	}

	@Test
	void theCallersFailureStopsTheReader() {
		AtomicInteger read = new AtomicInteger();
		assertThatThrownBy(() -> Prefetch.<List<Integer>>run("prefetch-test", reader(1_000, read), page -> {
			if (page.get(0) == 30) {
				throw new IllegalArgumentException("index full");
			}
		})).isInstanceOf(IllegalArgumentException.class).hasMessage("index full");
		assertThat(readThreads()).as("the reading thread has ended when run returns").isZero();
		int after = read.get();
		// Indexed or failed: 4; waiting in the queue: AHEAD; read and waiting to be handed over: 1.
		assertThat(after).as("pages read: those indexed, the failed one, and at most a few ahead").isBetween(4, 4 + Prefetch.AHEAD + 1);
	}

	@Test
	@org.junit.jupiter.api.Timeout(20) // before, the caller waited for ever
	void anInterruptedReaderEndsTheRunInsteadOfLeavingTheCallerWaiting() {
		List<List<Integer>> seen = new ArrayList<>();
		assertThatThrownBy(() -> Prefetch.<List<Integer>>run("prefetch-test", each -> {
			each.accept(List.of(1));
			Thread.currentThread().interrupt();
			each.accept(List.of(2));
		}, seen::add)).isInstanceOf(IllegalStateException.class).hasMessageContaining("Interrupted");
		assertThat(seen).containsExactly(List.of(1));
		assertThat(readThreads()).isZero();
	}

	@Test
	void whenBothSidesFailTheReadersReasonIsKept() {
		java.util.concurrent.CountDownLatch readerFailing = new java.util.concurrent.CountDownLatch(1);
		IllegalStateException readerFailure = new IllegalStateException("graph gone");
		assertThatThrownBy(() -> Prefetch.<List<Integer>>run("prefetch-test", each -> {
			each.accept(List.of(1));
			readerFailing.countDown();
			throw readerFailure;
		}, page -> {
			try {
				readerFailing.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalArgumentException("index full");
		})).isInstanceOf(IllegalArgumentException.class).hasMessage("index full")
			.satisfies(ex -> assertThat(ex.getSuppressed()).containsExactly(readerFailure));
	}

	@Test
	void anErrorInTheReaderIsNotWrapped() {
		assertThatThrownBy(() -> Prefetch.<List<Integer>>run("prefetch-test", each -> {
			throw new OutOfMemoryError("test");
		}, page -> { })).isInstanceOf(OutOfMemoryError.class);
	}
}
