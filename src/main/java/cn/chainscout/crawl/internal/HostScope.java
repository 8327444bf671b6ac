package cn.chainscout.crawl.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The hosts a crawl may visit. An entry is a host ({@code www.tongcheng.gov.cn}, any port), a host
 * and port ({@code 127.0.0.1:8123}, that port only) or {@code *.tongcheng.gov.cn} (the domain and its
 * sub-domains). Only an exact entry (no wildcard) lets its host resolve to an internal address.
 */
public record HostScope(List<String> entries, Set<String> exact, List<String> domains) {

	public HostScope(List<String> entries) {
		this(clean(entries), Set.copyOf(clean(entries).stream().filter(e -> !e.startsWith("*.")).toList()),
				clean(entries).stream().filter(e -> e.startsWith("*.")).map(e -> e.substring(2)).toList());
	}

	private static List<String> clean(List<String> entries) {
		return entries.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty()).toList();
	}

	/** Checks an entry as given by a user; the message names it. */
	public static void validate(String entry, String parameter) {
		String e = entry.strip();
		if (!e.matches("(\\*\\.)?[A-Za-z0-9.-]+(:\\d{1,5})?") || e.startsWith(".") || e.endsWith(".")) {
			throw new IllegalArgumentException(
					"参数 " + parameter + " 的值 '" + entry + "' 无效：应是主机名（可带 :端口），或 *.域名 表示其下所有子域名");
		}
	}

	public boolean allows(String url) {
		URI uri = URI.create(url);
		String host = uri.getHost();
		if (host == null) {
			return false;
		}
		host = host.toLowerCase(Locale.ROOT);
		int port = uri.getPort() == -1 ? defaultPort(uri.getScheme()) : uri.getPort();
		if (exact.contains(host) || exact.contains(host + ":" + port)) {
			return true;
		}
		for (String domain : domains) {
			if (host.equals(domain) || host.endsWith("." + domain)) {
				return true;
			}
		}
		return false;
	}

	/** Whether an exact entry names this URL's host (and port, when the entry has one). */
	public boolean exactlyAllows(String url) {
		URI uri = URI.create(url);
		String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
		int port = uri.getPort() == -1 ? defaultPort(uri.getScheme()) : uri.getPort();
		return exact.contains(host) || exact.contains(host + ":" + port);
	}

	private static int defaultPort(String scheme) {
		return "https".equalsIgnoreCase(scheme) ? 443 : 80;
	}
}
