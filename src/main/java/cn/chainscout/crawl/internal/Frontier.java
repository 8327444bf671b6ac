package cn.chainscout.crawl.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The URLs a crawl still has to fetch, one queue per host, and the hosts in the order they may be
 * asked next. A host is handed to one worker at a time, so requests to it never overlap; thousands of
 * hosts are served by a few workers because a host waiting out its delay holds no thread.
 */
final class Frontier {

	/** A URL to fetch, how deep it is, and how many redirects and attempts led to it. */
	record Task(String url, int depth, int redirects, int attempt) {
	}

	static final class HostQueue implements Delayed {

		final String host;

		final ArrayDeque<Task> tasks = new ArrayDeque<>();

		long readyAt = System.nanoTime();

		boolean queued;

		boolean busy;

		HostQueue(String host) {
			this.host = host;
		}

		@Override
		public long getDelay(TimeUnit unit) {
			return unit.convert(readyAt - System.nanoTime(), TimeUnit.NANOSECONDS);
		}

		@Override
		public int compareTo(Delayed o) {
			return Long.compare(readyAt, ((HostQueue) o).readyAt);
		}
	}

	private final Map<String, HostQueue> hosts = new HashMap<>();

	private final DelayQueue<HostQueue> ready = new DelayQueue<>();

	private final Set<String> seen = new HashSet<>();

	private int pending;

	/** Marks a URL as seen; false when it already was. */
	synchronized boolean see(String url) {
		return seen.add(url);
	}

	/** Queues a task at the back of its host's queue, or at the front (a retry, a redirect, a URL waiting for robots.txt). */
	synchronized void offer(Task task, boolean front) {
		String host = UrlNormalizer.host(task.url());
		HostQueue q = hosts.computeIfAbsent(host, HostQueue::new);
		if (front) {
			q.tasks.addFirst(task);
		}
		else {
			q.tasks.addLast(task);
		}
		pending++;
		if (!q.busy && !q.queued) {
			q.queued = true;
			ready.add(q);
		}
	}

	/** The next host whose turn it is, with its first task, waiting at most {@code timeoutMillis}. */
	@Nullable Claimed take(long timeoutMillis) throws InterruptedException {
		HostQueue q = ready.poll(timeoutMillis, TimeUnit.MILLISECONDS);
		if (q == null) {
			return null;
		}
		synchronized (this) {
			q.queued = false;
			q.busy = true;
			Task t = q.tasks.pollFirst();
			if (t == null) {
				q.busy = false;
				return null;
			}
			return new Claimed(q, t);
		}
	}

	record Claimed(HostQueue host, Task task) {
	}

	/** The worker is done with its task; the host may be asked again at {@code readyAt} (nanoTime). */
	synchronized void done(Claimed claimed, long readyAt) {
		HostQueue q = claimed.host();
		q.busy = false;
		q.readyAt = readyAt;
		pending--;
		if (!q.tasks.isEmpty() && !q.queued) {
			q.queued = true;
			ready.add(q);
		}
	}

	synchronized boolean idle() {
		return pending == 0;
	}

	synchronized int hostCount() {
		return hosts.size();
	}
}
