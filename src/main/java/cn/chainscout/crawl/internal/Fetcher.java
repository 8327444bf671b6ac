package cn.chainscout.crawl.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP GET, no more: redirects are not followed here (each hop goes through the crawl's scope,
 * the address guard and politeness again), the body is read up to a size limit, and failures come
 * back as a response with an error rather than an exception.
 */
public final class Fetcher {

	/**
	 * @param status the HTTP status, or -1 when there was no response ({@code error} says why)
	 * @param truncated the body was larger than the limit and was not read whole
	 * @param timeout the failure was a timeout (retried like a 5xx)
	 */
	public record Response(String url, int status, Map<String, List<String>> headers, byte[] body, boolean truncated,
			@Nullable String error, boolean timeout, Instant at, long millis) {

		public Optional<String> header(String name) {
			for (Map.Entry<String, List<String>> e : headers.entrySet()) {
				if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
					return Optional.of(e.getValue().get(0));
				}
			}
			return Optional.empty();
		}

		public String contentType() {
			return header("Content-Type").orElse("");
		}

		public boolean html() {
			String ct = contentType().toLowerCase(Locale.ROOT);
			return ct.isEmpty() || ct.contains("html") || ct.contains("xml");
		}
	}

	/**
	 * Clients by host: a client's connection pool is scanned linearly when a connection is returned,
	 * which shows with a thousand hosts kept alive in one pool.
	 */
	private final HttpClient[] clients;

	private final String userAgent;

	private final Duration timeout;

	private final long maxBytes;

	static final int CLIENTS = 8;

	public Fetcher(String userAgent, Duration connectTimeout, Duration timeout, long maxBytes) {
		this.clients = new HttpClient[CLIENTS];
		for (int i = 0; i < CLIENTS; i++) {
			clients[i] = HttpClient.newBuilder()
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(connectTimeout)
				.version(HttpClient.Version.HTTP_1_1)
				.build();
		}
		this.userAgent = userAgent;
		this.timeout = timeout;
		this.maxBytes = maxBytes;
	}

	public Response get(String url, Map<String, String> headers) throws InterruptedException {
		Instant at = Instant.now();
		long t0 = System.nanoTime();
		URI uri = URI.create(url);
		HttpClient client = clients[Math.floorMod(String.valueOf(uri.getHost()).hashCode(), CLIENTS)];
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(timeout)
			.header("User-Agent", userAgent)
			.header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
			.header("Accept-Language", "zh-CN,zh;q=0.9")
			.GET();
		headers.forEach(request::header);
		try {
			HttpResponse<InputStream> r = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
			byte[] body;
			boolean truncated = false;
			try (InputStream in = r.body()) {
				if (declared > maxBytes) {
					body = new byte[0];
					truncated = true;
				}
				else {
					body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
					if (body.length > maxBytes) {
						body = java.util.Arrays.copyOf(body, (int) maxBytes);
						truncated = true;
					}
				}
			}
			return new Response(url, r.statusCode(), r.headers().map(), body, truncated, null, false, at, millis(t0));
		}
		catch (HttpConnectTimeoutException ex) {
			return failed(url, "连接超时", true, at, t0);
		}
		catch (HttpTimeoutException ex) {
			return failed(url, "响应超时", true, at, t0);
		}
		catch (IOException ex) {
			return failed(url, "请求失败：" + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()), false, at, t0);
		}
		catch (IllegalArgumentException ex) {
			return failed(url, "网址无效：" + ex.getMessage(), false, at, t0);
		}
	}

	private static Response failed(String url, String error, boolean timeout, Instant at, long t0) {
		return new Response(url, -1, Map.of(), new byte[0], false, error, timeout, at, millis(t0));
	}

	private static long millis(long t0) {
		return (System.nanoTime() - t0) / 1_000_000;
	}

	/** Seconds of a Retry-After header (delta seconds or an HTTP date), or empty. */
	public static Optional<Long> retryAfterMillis(Response r) {
		Optional<String> value = r.header("Retry-After");
		if (value.isEmpty()) {
			return Optional.empty();
		}
		String v = value.get().strip();
		if (v.matches("\\d{1,7}")) {
			return Optional.of(Long.parseLong(v) * 1000);
		}
		try {
			Instant when = java.time.ZonedDateTime.parse(v, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return Optional.of(Math.max(0, Duration.between(Instant.now(), when).toMillis()));
		}
		catch (java.time.DateTimeException ex) {
			return Optional.empty();
		}
	}
}
