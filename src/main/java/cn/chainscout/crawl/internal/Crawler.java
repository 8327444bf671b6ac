package cn.chainscout.crawl.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One crawl: seeds in, pages out to a {@link PageHandler}. Polite (robots.txt per host, one request
 * to a host at a time with the delay between them, Retry-After), safe (scope and address guard at
 * every request and redirect hop), bounded (pages, depth, query variants per path, URL shape).
 */
public final class Crawler {

	/**
	 * What to crawl and how.
	 *
	 * @param delayMillis pause between requests to a host; robots.txt Crawl-delay may lengthen it
	 * @param maxQueryVariants URLs of one host and path that differ only in the query (calendar traps)
	 * @param conditional send If-None-Match / If-Modified-Since for articles read before
	 */
	public record Plan(String crawlId, List<String> seeds, HostScope scope, List<Pattern> allow, List<Pattern> deny,
			long delayMillis, int maxPages, int maxDepth, int threads, int maxRetries, int maxQueryVariants,
			boolean conditional) {
	}

	/** Reads a fetched page (2xx, HTML) and returns the links on it to follow. */
	@FunctionalInterface
	public interface PageHandler {
		List<String> page(Fetcher.Response response, int depth);
	}

	static final int MAX_REDIRECTS = 5;

	static final int MAX_URL_LENGTH = 512;

	/** Retry-After longer than this gives up on the URL for this crawl. */
	static final long MAX_RETRY_AFTER_MILLIS = 120_000;

	private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.]+]");

	private final Plan plan;

	private final Fetcher fetcher;

	private final AddressGuard guard;

	private final HostClock clock;

	private final @Nullable RawStore raw;

	private final ContentIndex index;

	private final Progress progress;

	private final PageHandler handler;

	private final String robotName;

	private final Frontier frontier = new Frontier();

	private final Map<String, RobotsPolicy.Rules> robots = new ConcurrentHashMap<>();

	private final Map<String, Long> hostDelayNanos = new ConcurrentHashMap<>();

	private final Map<String, Integer> variants = new HashMap<>();

	private final AtomicInteger budget;

	private volatile boolean stopped;

	public Crawler(Plan plan, Fetcher fetcher, AddressGuard guard, HostClock clock, @Nullable RawStore raw, ContentIndex index,
			Progress progress, PageHandler handler, String robotName) {
		this.plan = plan;
		this.fetcher = fetcher;
		this.guard = guard;
		this.clock = clock;
		this.raw = raw;
		this.index = index;
		this.progress = progress;
		this.handler = handler;
		this.robotName = robotName;
		this.budget = new AtomicInteger(plan.maxPages());
	}

	/** Crawls until nothing is left, with {@code plan.threads()} workers; returns when they are done. */
	public void run() throws InterruptedException {
		for (String seed : plan.seeds()) {
			discover(seed, 0);
		}
		int n = Math.max(1, plan.threads());
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Thread t = new Thread(this::work, "crawl-" + plan.crawlId() + "-" + i);
			t.setDaemon(true);
			workers.add(t);
			t.start();
		}
		try {
			for (Thread t : workers) {
				t.join();
			}
		}
		catch (InterruptedException ex) {
			stopped = true;
			workers.forEach(Thread::interrupt);
			throw ex;
		}
	}

	public void stop() {
		stopped = true;
	}

	private void work() {
		try {
			while (!stopped) {
				Frontier.Claimed claimed = frontier.take(50);
				if (claimed == null) {
					if (frontier.idle()) {
						return;
					}
					continue;
				}
				long readyAt = System.nanoTime();
				try {
					readyAt = handle(claimed.task());
				}
				catch (RuntimeException ex) {
					progress.error(claimed.task().url(), "处理失败：" + ex);
				}
				finally {
					frontier.done(claimed, Math.max(readyAt, clock.nextAllowed(claimed.host().host)));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Handles one task; returns when its host may be asked next (nanoTime). */
	private long handle(Frontier.Task task) throws InterruptedException {
		String url = task.url();
		String host = UrlNormalizer.host(url);
		String authority = UrlNormalizer.authority(url);
		if (budget.get() <= 0) {
			progress.skipped(url, "已达页数上限 " + plan.maxPages());
			return System.nanoTime();
		}
		RobotsPolicy.Rules rules = robots.get(authority);
		if (rules == null) {
			long next = fetchRobots(url, host, authority);
			frontier.offer(task, true);
			return next;
		}
		if (!rules.allows(url)) {
			progress.skipped(url, "robots.txt 禁止抓取");
			return System.nanoTime();
		}
		Optional<String> refused = guard.refuse(url, plan.scope());
		if (refused.isPresent()) {
			progress.skipped(url, "拒绝访问：" + refused.get());
			return System.nanoTime();
		}
		if (budget.getAndDecrement() <= 0) {
			progress.skipped(url, "已达页数上限 " + plan.maxPages());
			return System.nanoTime();
		}
		Map<String, String> headers = plan.conditional() ? index.conditional(url) : Map.of();
		clock.acquire(host);
		Fetcher.Response r;
		long next;
		try {
			r = fetcher.get(url, headers);
		}
		finally {
			next = clock.release(host, delayNanos(host));
		}
		progress.request(true);
		if (raw != null) {
			raw.write(r, plan.crawlId(), task.depth());
		}
		int status = r.status();
		if (status < 0 || status == 429 || status >= 500) {
			return retry(task, r, host);
		}
		if (status >= 300 && status < 400 && status != 304) {
			redirect(task, r);
			return next;
		}
		if (status == 304) {
			progress.unchanged(url);
			return next;
		}
		if (status >= 400) {
			progress.skipped(url, "HTTP " + status);
			return next;
		}
		if (r.truncated()) {
			progress.skipped(url, "超过大小上限");
			return next;
		}
		if (!r.html()) {
			progress.skipped(url, "不是网页（" + r.contentType() + "）");
			return next;
		}
		List<String> links = handler.page(r, task.depth());
		if (task.depth() < plan.maxDepth()) {
			for (String link : links) {
				UrlNormalizer.normalize(url, link).ifPresent(l -> discover(l, task.depth() + 1));
			}
		}
		return next;
	}

	private long retry(Frontier.Task task, Fetcher.Response r, String host) {
		String what = r.status() < 0 ? r.error() : "HTTP " + r.status();
		if (r.status() < 0 && !r.timeout()) {
			progress.error(task.url(), what == null ? "请求失败" : what);
			return System.nanoTime();
		}
		long backoff = plan.delayMillis() * (1L << Math.min(6, task.attempt() + 1));
		Optional<Long> retryAfter = Fetcher.retryAfterMillis(r);
		if (retryAfter.isPresent() && retryAfter.get() > MAX_RETRY_AFTER_MILLIS) {
			progress.error(task.url(), what + "，Retry-After " + retryAfter.get() / 1000 + " 秒过长，本次放弃");
			return System.nanoTime();
		}
		if (task.attempt() >= plan.maxRetries()) {
			progress.error(task.url(), what + "，重试 " + task.attempt() + " 次后放弃");
			return System.nanoTime();
		}
		long wait = retryAfter.orElse(backoff);
		budget.incrementAndGet();
		frontier.offer(new Frontier.Task(task.url(), task.depth(), task.redirects(), task.attempt() + 1), true);
		// Nothing else is asked of the host before the retry is due: it said it is busy.
		return clock.postpone(host, Math.max(wait, plan.delayMillis()) * 1_000_000);
	}

	private void redirect(Frontier.Task task, Fetcher.Response r) {
		Optional<String> location = r.header("Location").flatMap(l -> UrlNormalizer.normalize(task.url(), l));
		if (location.isEmpty()) {
			progress.skipped(task.url(), "重定向没有有效的 Location");
			return;
		}
		if (task.redirects() >= MAX_REDIRECTS) {
			progress.skipped(task.url(), "重定向超过 " + MAX_REDIRECTS + " 次");
			return;
		}
		String target = location.get();
		Optional<String> out = outside(target);
		if (out.isPresent()) {
			progress.skipped(target, "重定向目标" + out.get());
			return;
		}
		if (!frontier.see(target)) {
			return;
		}
		frontier.offer(new Frontier.Task(target, task.depth(), task.redirects() + 1, 0), true);
	}

	private long fetchRobots(String pageUrl, String host, String authority) throws InterruptedException {
		String scheme = pageUrl.substring(0, pageUrl.indexOf(':'));
		String robotsUrl = scheme + "://" + authority + "/robots.txt";
		Optional<String> refused = guard.refuse(robotsUrl, plan.scope());
		if (refused.isPresent()) {
			robots.put(authority, RobotsPolicy.of(robotsUrl, -1, new byte[0], "", robotName));
			progress.skipped(robotsUrl, "拒绝访问：" + refused.get());
			return System.nanoTime();
		}
		String url = robotsUrl;
		Fetcher.Response r = null;
		// RFC 9309: follow at least five redirects of robots.txt; each hop is checked and polite.
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			String h = UrlNormalizer.host(url);
			if (hop > 0 && (!plan.scope().allows(url) || guard.refuse(url, plan.scope()).isPresent())) {
				r = null;
				break;
			}
			clock.acquire(h);
			try {
				r = fetcher.get(url, Map.of());
			}
			finally {
				clock.release(h, plan.delayMillis() * 1_000_000);
			}
			progress.request(false);
			if (raw != null) {
				raw.write(r, plan.crawlId(), -1);
			}
			if (r.status() >= 300 && r.status() < 400 && r.header("Location").isPresent()) {
				String base = url;
				Optional<String> next = r.header("Location").flatMap(l -> UrlNormalizer.normalize(base, l));
				if (next.isEmpty()) {
					break;
				}
				url = next.get();
				continue;
			}
			break;
		}
		int status = r == null || r.status() >= 300 && r.status() < 400 ? (r == null ? -1 : 404) : r.status();
		RobotsPolicy.Rules rules = RobotsPolicy.of(robotsUrl, status, r == null ? new byte[0] : r.body(),
				r == null ? "" : r.contentType(), robotName);
		robots.put(authority, rules);
		long delay = Math.max(plan.delayMillis(), rules.crawlDelayMillis());
		hostDelayNanos.merge(host, delay * 1_000_000, Math::max);
		if (status < 200 || status >= 500) {
			progress.error(robotsUrl, rules.outcome());
		}
		return clock.postpone(host, delayNanos(host));
	}

	private long delayNanos(String host) {
		return hostDelayNanos.getOrDefault(host, plan.delayMillis() * 1_000_000);
	}

	/** A link found at {@code depth}: queued unless seen, outside, or a trap. */
	void discover(String url, int depth) {
		if (!frontier.see(url)) {
			return;
		}
		Optional<String> out = outside(url);
		if (out.isPresent()) {
			progress.skipped(url, out.get());
			return;
		}
		Optional<String> trap = trap(url);
		if (trap.isPresent()) {
			progress.skipped(url, "疑似陷阱：" + trap.get());
			return;
		}
		frontier.offer(new Frontier.Task(url, depth, 0, 0), false);
	}

	/** Why a URL is outside this crawl, or empty. */
	private Optional<String> outside(String url) {
		String host = UrlNormalizer.host(url);
		if (IP_LITERAL.matcher(host).matches() && !plan.scope().exactlyAllows(url)) {
			try {
				Optional<String> internal = AddressGuard.internal(InetAddress.getByName(host));
				if (internal.isPresent()) {
					return Optional.of("拒绝访问：内部地址（" + internal.get() + " " + host + "）");
				}
			}
			catch (UnknownHostException ex) {
				return Optional.of("网址无效");
			}
		}
		if (!plan.scope().allows(url)) {
			return Optional.of("不在允许的主机内");
		}
		if (!plan.allow().isEmpty() && plan.allow().stream().noneMatch(p -> p.matcher(url).find())) {
			return Optional.of("不符合 urls.allow");
		}
		if (plan.deny().stream().anyMatch(p -> p.matcher(url).find())) {
			return Optional.of("符合 urls.deny");
		}
		return Optional.empty();
	}

	private Optional<String> trap(String url) {
		if (url.length() > MAX_URL_LENGTH) {
			return Optional.of("网址过长");
		}
		int q = url.indexOf('?');
		String path = q < 0 ? url : url.substring(0, q);
		String[] segments = path.substring(path.indexOf("//") + 2).split("/");
		Map<String, Integer> counts = new HashMap<>();
		for (String s : segments) {
			if (!s.isEmpty() && counts.merge(s, 1, Integer::sum) >= 3) {
				return Optional.of("路径段重复（" + s + "）");
			}
		}
		if (q >= 0) {
			synchronized (variants) {
				int n = variants.merge(path, 1, Integer::sum);
				if (n > plan.maxQueryVariants()) {
					return Optional.of("同一路径的查询变体超过 " + plan.maxQueryVariants() + " 个（" + path + "）");
				}
			}
		}
		return Optional.empty();
	}

	public int hosts() {
		return frontier.hostCount();
	}
}
