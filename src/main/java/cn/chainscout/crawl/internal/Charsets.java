package cn.chainscout.crawl.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The charset of an HTML page, as browsers find it: a byte-order mark, the Content-Type header,
 * a {@code <meta>} tag in the first bytes, else sniffing (valid UTF-8, or GB18030, the superset of
 * GBK and GB2312 that Chinese sites without a label almost always use).
 */
public final class Charsets {

	/** The charset and where it came from: {@code bom}, {@code header}, {@code meta} or {@code sniff}. */
	public record Detected(Charset charset, String from) {
	}

	private static final Pattern META = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)");

	private static final Pattern HEADER = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)");

	private Charsets() {
	}

	public static Detected detect(byte[] body, @Nullable String contentType) {
		if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
			return new Detected(StandardCharsets.UTF_8, "bom");
		}
		Optional<Charset> header = contentType == null ? Optional.empty() : label(HEADER.matcher(contentType));
		// Servers often send a default ISO-8859-1 the page itself contradicts; the page knows better then.
		if (header.isPresent() && !header.get().equals(StandardCharsets.ISO_8859_1)) {
			return new Detected(header.get(), "header");
		}
		String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
		Optional<Charset> meta = label(META.matcher(head));
		if (meta.isPresent()) {
			return new Detected(meta.get(), "meta");
		}
		if (header.isPresent()) {
			return new Detected(header.get(), "header");
		}
		return new Detected(validUtf8(body) ? StandardCharsets.UTF_8 : Charset.forName("GB18030"), "sniff");
	}

	public static String decode(byte[] body, @Nullable String contentType) {
		Detected d = detect(body, contentType);
		int start = d.from().equals("bom") ? 3 : 0;
		return new String(body, start, body.length - start, d.charset());
	}

	private static Optional<Charset> label(Matcher m) {
		if (!m.find()) {
			return Optional.empty();
		}
		String name = m.group(1).toLowerCase(Locale.ROOT);
		// Pages labelled gb2312 use GBK characters (e.g. 镕, 堃); GB18030 decodes all of them.
		if (name.equals("gb2312") || name.equals("gbk") || name.equals("x-gbk") || name.equals("cp936")
				|| name.equals("euc-cn") || name.equals("gb18030")) {
			return Optional.of(Charset.forName("GB18030"));
		}
		if (name.equals("utf8")) {
			return Optional.of(StandardCharsets.UTF_8);
		}
		try {
			return Optional.of(Charset.forName(name));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	static boolean validUtf8(byte[] body) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}
}
