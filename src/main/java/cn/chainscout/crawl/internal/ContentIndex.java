package cn.chainscout.crawl.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What a source's earlier crawls read from each article URL: validators for conditional requests,
 * and the text's fingerprints, to tell new, changed, unchanged and duplicate articles apart. Kept in
 * a small tab-separated file next to the source's raw responses, so recrawls after a restart still
 * send If-None-Match and If-Modified-Since.
 */
public final class ContentIndex {

	/** What a page was when last read. */
	public record PageState(String etag, String lastModified, String sha256, long simHash) {
	}

	public enum Verdict {
		NEW, CHANGED, UNCHANGED, DUPLICATE
	}

	/** @param duplicateOf the URL whose text this one repeats, for DUPLICATE */
	public record Judgement(Verdict verdict, @Nullable String duplicateOf) {
	}

	private final Map<String, PageState> pages = new LinkedHashMap<>();

	private final Map<String, String> bySha = new HashMap<>();

	/**
	 * SimHashes by band: two hashes at most {@link SimHash#NEAR_BITS} bits apart agree exactly on at
	 * least one of {@code NEAR_BITS + 1} bands, so only the hashes sharing a band are compared.
	 */
	private final Map<Long, List<Map.Entry<Long, String>>> bySimHashBand = new HashMap<>();

	private static final int BANDS = SimHash.NEAR_BITS + 1;

	private final @Nullable Path file;

	public ContentIndex(@Nullable Path file) {
		this.file = file;
		if (file != null && Files.isRegularFile(file)) {
			try {
				for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
					String[] f = line.split("\t", -1);
					if (f.length == 5) {
						put(f[0], new PageState(f[1], f[2], f[3], Long.parseUnsignedLong(f[4], 16)));
					}
				}
			}
			catch (IOException | NumberFormatException ex) {
				// A damaged index only costs conditional requests: the pages are fetched and compared again.
				pages.clear();
			}
		}
	}

	/** If-None-Match / If-Modified-Since for an article read before. */
	public synchronized Map<String, String> conditional(String url) {
		PageState s = pages.get(url);
		if (s == null || s.sha256().isEmpty()) {
			return Map.of();
		}
		Map<String, String> h = new LinkedHashMap<>();
		if (!s.etag().isEmpty()) {
			h.put("If-None-Match", s.etag());
		}
		if (!s.lastModified().isEmpty()) {
			h.put("If-Modified-Since", s.lastModified());
		}
		return h;
	}

	/** Judges the text read at {@code url} and remembers it. */
	public synchronized Judgement judge(String url, String sha256, long simHash, String etag, String lastModified) {
		PageState before = pages.get(url);
		Judgement j;
		if (before != null && before.sha256().equals(sha256)) {
			j = new Judgement(Verdict.UNCHANGED, null);
		}
		else {
			String dup = bySha.get(sha256);
			if (dup == null || dup.equals(url)) {
				dup = near(url, simHash).orElse(null);
			}
			if (dup != null && !dup.equals(url)) {
				j = new Judgement(Verdict.DUPLICATE, dup);
			}
			else {
				j = new Judgement(before == null ? Verdict.NEW : Verdict.CHANGED, null);
			}
		}
		put(url, new PageState(etag, lastModified, sha256, simHash));
		return j;
	}

	private Optional<String> near(String url, long simHash) {
		for (int band = 0; band < BANDS; band++) {
			for (Map.Entry<Long, String> e : bySimHashBand.getOrDefault(bandKey(simHash, band), List.of())) {
				if (SimHash.distance(e.getKey(), simHash) <= SimHash.NEAR_BITS && !e.getValue().equals(url)) {
					return Optional.of(e.getValue());
				}
			}
		}
		return Optional.empty();
	}

	/** The band's bits of the hash, tagged with the band number. */
	private static long bandKey(long simHash, int band) {
		int width = (64 + BANDS - 1) / BANDS;
		long bits = (simHash >>> (band * width)) & ((1L << width) - 1);
		return ((long) band << 56) | bits;
	}

	private void put(String url, PageState state) {
		PageState old = pages.put(url, state);
		for (int band = 0; band < BANDS; band++) {
			if (old != null) {
				List<Map.Entry<Long, String>> list = bySimHashBand.get(bandKey(old.simHash(), band));
				if (list != null) {
					list.removeIf(e -> e.getValue().equals(url));
				}
			}
			bySimHashBand.computeIfAbsent(bandKey(state.simHash(), band), k -> new ArrayList<>()).add(Map.entry(state.simHash(), url));
		}
		// The first URL with a text stays its owner, so a print version never displaces the article.
		bySha.putIfAbsent(state.sha256(), url);
	}

	/** Forgets what was read at {@code url}, so the next crawl reads it as new (after its signals failed to store). */
	public synchronized void forget(String url) {
		PageState old = pages.remove(url);
		if (old == null) {
			return;
		}
		for (int band = 0; band < BANDS; band++) {
			List<Map.Entry<Long, String>> list = bySimHashBand.get(bandKey(old.simHash(), band));
			if (list != null) {
				list.removeIf(e -> e.getValue().equals(url));
			}
		}
		bySha.remove(old.sha256(), url);
	}

	public synchronized Optional<PageState> state(String url) {
		return Optional.ofNullable(pages.get(url));
	}

	public synchronized void save() {
		if (file == null) {
			return;
		}
		try {
			Files.createDirectories(file.getParent());
			Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
			StringBuilder b = new StringBuilder();
			pages.forEach((url, s) -> b.append(url).append('\t').append(clean(s.etag())).append('\t').append(clean(s.lastModified()))
				.append('\t').append(s.sha256()).append('\t').append(Long.toHexString(s.simHash())).append('\n'));
			Files.writeString(tmp, b, StandardCharsets.UTF_8);
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot save the content index " + file, ex);
		}
	}

	private static String clean(String s) {
		return s.replaceAll("[\t\r\n]", " ");
	}
}
