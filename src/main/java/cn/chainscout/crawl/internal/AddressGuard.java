package cn.chainscout.crawl.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Server-side request forgery guard: a crawl must not reach the machine it runs on, the office
 * network or a cloud metadata service through a link or a redirect. Every host is resolved before
 * each request; any internal address refuses the request unless the crawl's scope names that exact
 * host.
 */
public final class AddressGuard {

	/** Resolves host names; the JDK resolver in production. */
	@FunctionalInterface
	public interface Resolver {
		InetAddress[] resolve(String host) throws UnknownHostException;
	}

	private final Resolver resolver;

	public AddressGuard(Resolver resolver) {
		this.resolver = resolver;
	}

	public AddressGuard() {
		this(InetAddress::getAllByName);
	}

	/** Why a request to {@code url} is refused, or empty when it may go. */
	public Optional<String> refuse(String url, HostScope scope) {
		String host = URI.create(url).getHost();
		if (host == null) {
			return Optional.of("没有主机名");
		}
		InetAddress[] addresses;
		try {
			addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
		}
		catch (UnknownHostException ex) {
			return Optional.of("无法解析主机名 " + host);
		}
		if (scope.exactlyAllows(url)) {
			return Optional.empty();
		}
		for (InetAddress a : addresses) {
			Optional<String> internal = internal(a);
			if (internal.isPresent()) {
				return Optional.of("内部地址（" + internal.get() + " " + a.getHostAddress() + "）");
			}
		}
		return Optional.empty();
	}

	/** The kind of internal address {@code a} is, in Chinese, or empty for a public address. */
	public static Optional<String> internal(InetAddress a) {
		byte[] b = a.getAddress();
		if (a instanceof Inet6Address && isMappedV4(b)) {
			try {
				return internal(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
			}
			catch (UnknownHostException ex) {
				return Optional.of("无效地址");
			}
		}
		if (a instanceof Inet4Address) {
			int o0 = b[0] & 0xff;
			int o1 = b[1] & 0xff;
			if (o0 == 127) {
				return Optional.of("回环地址");
			}
			if (o0 == 169 && o1 == 254) {
				return Optional.of((b[2] & 0xff) == 169 && (b[3] & 0xff) == 254 ? "云元数据地址" : "链路本地地址");
			}
			if (o0 == 10 || o0 == 172 && (o1 & 0xf0) == 16 || o0 == 192 && o1 == 168) {
				return Optional.of("内网地址");
			}
			if (o0 == 100 && (o1 & 0xc0) == 64) {
				return Optional.of("运营商级 NAT 地址");
			}
			if (o0 == 0) {
				return Optional.of("未指定地址");
			}
			if (o0 >= 224) {
				return Optional.of("组播或保留地址");
			}
			return Optional.empty();
		}
		if (a.isLoopbackAddress()) {
			return Optional.of("回环地址");
		}
		if (a.isAnyLocalAddress()) {
			return Optional.of("未指定地址");
		}
		if (a.isLinkLocalAddress()) {
			return Optional.of("链路本地地址");
		}
		if ((b[0] & 0xfe) == 0xfc) {
			return Optional.of("IPv6 唯一本地地址");
		}
		if (a.isMulticastAddress()) {
			return Optional.of("组播或保留地址");
		}
		return Optional.empty();
	}

	private static boolean isMappedV4(byte[] b) {
		if (b.length != 16) {
			return false;
		}
		for (int i = 0; i < 10; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
	}
}
