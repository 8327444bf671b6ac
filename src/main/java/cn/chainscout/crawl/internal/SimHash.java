package cn.chainscout.crawl.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Fingerprints of article text: SHA-256 of the normalised text for exact copies, and a 64-bit
 * SimHash of character trigrams for near copies (the same article with another footer, a print
 * version, a reposting with a changed line). Two texts are near copies when their SimHashes differ in
 * at most {@link #NEAR_BITS} bits (measured on news of a few hundred characters: a
 * changed figure moves 3 bits, an added source line 5, an added date line 6; different articles differ
 * in 20 or more).
 */
public final class SimHash {

	public static final int NEAR_BITS = 6;

	private SimHash() {
	}

	/** Both fingerprints of one text. */
	public record Fingerprint(String sha256, long simHash) {
	}

	/** Text without white space and punctuation, the form both fingerprints are taken of. */
	public static String normalise(String text) {
		StringBuilder b = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && !punctuation(c)) {
				b.append(c);
			}
		}
		return b.toString();
	}

	private static boolean punctuation(char c) {
		if (c < 128) {
			return c > ' ' && !Character.isLetterOrDigit(c);
		}
		return switch (Character.getType(c)) {
			case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
					Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
					Character.OTHER_PUNCTUATION -> true;
			default -> false;
		};
	}

	/** The SHA-256 and the SimHash of a text, normalised once. */
	public static Fingerprint fingerprint(String text) {
		String n = normalise(text);
		return new Fingerprint(sha256Normalised(n), simHashNormalised(n));
	}

	public static String sha256(String text) {
		return sha256Normalised(normalise(text));
	}

	private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	});

	private static String sha256Normalised(String s) {
		return HexFormat.of().formatHex(SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8)));
	}

	public static long of(String text) {
		return simHashNormalised(normalise(text));
	}

	private static long simHashNormalised(String s) {
		if (s.length() < 3) {
			return mix(s.hashCode());
		}
		int[] votes = new int[64];
		for (int i = 0; i + 3 <= s.length(); i++) {
			long h = mix(((long) s.charAt(i) << 32) ^ ((long) s.charAt(i + 1) << 16) ^ s.charAt(i + 2));
			for (int bit = 0; bit < 64; bit++) {
				votes[bit] += (int) ((h >>> bit) & 1) * 2 - 1;
			}
		}
		long hash = 0;
		for (int bit = 0; bit < 64; bit++) {
			if (votes[bit] > 0) {
				hash |= 1L << bit;
			}
		}
		return hash;
	}

	public static int distance(long a, long b) {
		return Long.bitCount(a ^ b);
	}

	/** A 64-bit finaliser (MurmurHash3's), so similar trigrams get unrelated bits. */
	private static long mix(long h) {
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}
}
