package cn.chainscout.crawl.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One spelling per page, so a URL is fetched once: lower-case scheme and host, no default port, no
 * fragment, dot segments resolved, session ids and tracking parameters dropped, query parameters in
 * a stable order, an empty path as {@code /}.
 */
public final class UrlNormalizer {

	/** Query parameters that name a session or a campaign, not a page. */
	private static final Pattern DROPPED_PARAM = Pattern.compile(
			"(?i)(jsessionid|phpsessid|aspsessionid\\w*|sid|sessionid|session_id|utm_\\w+|spm|from|share_token)");

	private static final Pattern PATH_SESSION = Pattern.compile("(?i);(jsessionid|phpsessid|sid)=[^/?#]*");

	private UrlNormalizer() {
	}

	/** The normal form of {@code href} read on page {@code base}; empty when it is not an http(s) URL. */
	public static Optional<String> normalize(@Nullable String base, String href) {
		String h = href.strip().replace(" ", "%20");
		if (h.isEmpty() || h.startsWith("#") || h.regionMatches(true, 0, "javascript:", 0, 11)
				|| h.regionMatches(true, 0, "mailto:", 0, 7) || h.regionMatches(true, 0, "tel:", 0, 4)) {
			return Optional.empty();
		}
		try {
			URI uri = base == null ? new URI(h) : new URI(base).resolve(new URI(h));
			return normalize(uri);
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	public static Optional<String> normalize(String url) {
		return normalize(null, url);
	}

	private static Optional<String> normalize(URI uri) throws URISyntaxException {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			return Optional.empty();
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		int port = uri.getPort();
		if (scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443) {
			port = -1;
		}
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		path = PATH_SESSION.matcher(path).replaceAll("");
		path = removeDotSegments(path);
		path = upperEscapes(path);
		String query = query(uri.getRawQuery());
		StringBuilder out = new StringBuilder(scheme).append("://").append(host);
		if (port != -1) {
			out.append(':').append(port);
		}
		out.append(path);
		if (query != null) {
			out.append('?').append(query);
		}
		return Optional.of(out.toString());
	}

	private static @Nullable String query(@Nullable String raw) {
		if (raw == null || raw.isEmpty()) {
			return null;
		}
		List<String> kept = new ArrayList<>();
		for (String pair : raw.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			String name = pair.split("=", 2)[0];
			if (!DROPPED_PARAM.matcher(name).matches()) {
				kept.add(upperEscapes(pair));
			}
		}
		// Stable order, so ?a=1&b=2 and ?b=2&a=1 are one page.
		kept.sort(null);
		return kept.isEmpty() ? null : String.join("&", kept);
	}

	static String removeDotSegments(String path) {
		List<String> out = new ArrayList<>();
		String[] parts = path.split("/", -1);
		for (int i = 1; i < parts.length; i++) {
			String p = parts[i];
			boolean last = i == parts.length - 1;
			if (p.equals(".")) {
				if (last) {
					out.add("");
				}
			}
			else if (p.equals("..")) {
				if (!out.isEmpty()) {
					out.remove(out.size() - 1);
				}
				if (last) {
					out.add("");
				}
			}
			else {
				out.add(p);
			}
		}
		return "/" + String.join("/", out);
	}

	private static String upperEscapes(String s) {
		if (s.indexOf('%') < 0) {
			return s;
		}
		StringBuilder b = new StringBuilder(s);
		for (int i = 0; i + 2 < b.length(); i++) {
			if (b.charAt(i) == '%') {
				b.setCharAt(i + 1, Character.toUpperCase(b.charAt(i + 1)));
				b.setCharAt(i + 2, Character.toUpperCase(b.charAt(i + 2)));
			}
		}
		return b.toString();
	}

	/** {@code host} or {@code host:port} of a normalised URL. */
	public static String authority(String url) {
		return URI.create(url).getRawAuthority();
	}

	/** The host of a normalised URL, lower case. */
	public static String host(String url) {
		return URI.create(url).getHost();
	}
}
