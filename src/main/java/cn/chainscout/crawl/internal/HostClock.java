package cn.chainscout.crawl.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * When each host may be asked again, shared by every crawl of the application so two crawls of
 * one site are polite together. One request to a host at a time; the next one starts no sooner than
 * the delay after the previous response was read, so the host sees the gap between the requests it
 * receives, whatever the network does. Times are {@link System#nanoTime()}.
 */
public final class HostClock {

	private static final class Slot {
		long nextAllowed = System.nanoTime();
		boolean busy;
	}

	private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

	/** Waits until the host may be asked, and holds it until {@link #release}. */
	public void acquire(String host) throws InterruptedException {
		Slot s = slots.computeIfAbsent(host, h -> new Slot());
		synchronized (s) {
			while (true) {
				long now = System.nanoTime();
				if (!s.busy && now - s.nextAllowed >= 0) {
					s.busy = true;
					return;
				}
				long waitNanos = s.busy ? 50_000_000 : s.nextAllowed - now;
				s.wait(Math.max(1, waitNanos / 1_000_000), (int) (waitNanos % 1_000_000));
			}
		}
	}

	/** Frees the host for a next request {@code delayNanos} from now; returns that time. */
	public long release(String host, long delayNanos) {
		Slot s = slots.computeIfAbsent(host, h -> new Slot());
		synchronized (s) {
			s.nextAllowed = System.nanoTime() + delayNanos;
			s.busy = false;
			s.notifyAll();
			return s.nextAllowed;
		}
	}

	/** Keeps the host unasked for at least {@code delayNanos} from now (a Retry-After, a Crawl-delay); returns that time. */
	public long postpone(String host, long delayNanos) {
		Slot s = slots.computeIfAbsent(host, h -> new Slot());
		synchronized (s) {
			long until = System.nanoTime() + delayNanos;
			if (until - s.nextAllowed > 0) {
				s.nextAllowed = until;
			}
			return s.nextAllowed;
		}
	}

	/** The earliest time the host may be asked again (now, when it has not been asked). */
	public long nextAllowed(String host) {
		Slot s = slots.get(host);
		if (s == null) {
			return System.nanoTime();
		}
		synchronized (s) {
			return s.nextAllowed;
		}
	}
}
