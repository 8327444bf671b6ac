package cn.chainscout.region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads where an enterprise is registered from the start of its full name: 深圳市鸿富瀚… → 深圳市,
 * 浙江… → 浙江省, 广东省深圳市… → 深圳市, 邵阳维克… → 邵阳市. A name that starts with no division
 * (中国…, 华域汽车…) stays unknown.
 *
 * <p>Rules, most trusted first: official names with their suffix (深圳市, 浙江省); short names of
 * provinces and prefectures (浙江, 邵阳); short names of county-level cities (县级市: 昆山, 江阴,
 * 张家港), but not of districts and counties, whose short names are too often ordinary words (华安,
 * 永兴, 凤凰), and not a few city names that are common words in firm names (东方, 永安). After a match
 * the rest of the name is read again for a division inside it (广东省 + 深圳市). A name with no leading
 * division may carry one in brackets (康平科技（苏州）股份有限公司). Equal matches at the same level in
 * different places (朝阳区 in Beijing and in Changchun) are ambiguous and left unknown.
 */
public final class RegionResolver {

	/**
	 * A division read from a name.
	 * @param region the deepest division read
	 * @param matched the characters of the name that named it
	 * @param method how, in words
	 * @param confidence 0..1
	 */
	public record Match(Region region, String matched, String method, double confidence) {
	}

	/** The outcome: a match, or why there is none. */
	public record Resolution(@Nullable Match match, String status) {

		public static final String RESOLVED = "resolved";

		public static final String UNKNOWN = "unknown";

		public static final String AMBIGUOUS = "ambiguous";
	}

	private record Candidate(Region region, boolean officialName) {
	}

	private static final int MAX_NAME = 12;

	/** Short names of county-level cities that, at the start of a firm's name, are usually words. */
	private static final Set<String> COMMON_WORDS = Set.of("东方", "永安", "长安", "平安", "新华", "光明", "红旗",
			"东风", "太平", "和平", "城关", "金山", "宝山", "白云", "天河", "大同", "兴安", "开平", "安宁", "福安",
			"龙口", "华阴", "信宜", "凭祥", "合山");

	private static final java.util.regex.Pattern BRACKETED = java.util.regex.Pattern.compile("[（(]([^（）()]{2,10})[）)]");

	private final Gazetteer gazetteer;

	private final Map<String, List<Candidate>> byName = new HashMap<>();

	public RegionResolver(Gazetteer gazetteer) {
		this.gazetteer = gazetteer;
		for (Region r : gazetteer.all()) {
			add(r.name(), new Candidate(r, true));
			if (!r.shortName().equals(r.name()) && r.shortName().length() >= 2) {
				add(r.shortName(), new Candidate(r, false));
			}
		}
	}

	private void add(String name, Candidate candidate) {
		byName.computeIfAbsent(name, k -> new ArrayList<>()).add(candidate);
	}

	public Resolution resolve(String fullName) {
		String text = fullName.strip();
		Resolution leading = resolveAt(text);
		if (leading.match() != null || Resolution.AMBIGUOUS.equals(leading.status())) {
			return leading;
		}
		var bracket = BRACKETED.matcher(text);
		while (bracket.find()) {
			String inner = bracket.group(1);
			Resolution r = resolveAt(inner);
			Match m = r.match();
			if (m != null && m.matched().equals(inner)) {
				return new Resolution(new Match(m.region(), bracket.group(), "bracketed " + m.method(),
						Math.round((m.confidence() - 0.05) * 100) / 100.0), Resolution.RESOLVED);
			}
		}
		return leading;
	}

	private Resolution resolveAt(String text) {
		Step first = best(text, 0, null);
		if (first == null) {
			return new Resolution(null, Resolution.UNKNOWN);
		}
		if (first.ambiguous) {
			return new Resolution(null, Resolution.AMBIGUOUS);
		}
		Candidate found = first.candidate;
		int pos = first.length;
		StringBuilder matched = new StringBuilder(text.substring(0, pos));
		List<String> levels = new ArrayList<>(List.of(describe(found)));
		double confidence = confidence(found);
		// Read on for divisions inside the one found: 广东省深圳市, 安徽省安庆市桐城市.
		while (found.region.level() != Region.Level.COUNTY) {
			Step next = best(text, pos, found.region);
			if (next == null || next.ambiguous) {
				break;
			}
			found = next.candidate;
			matched.append(text, pos, pos + next.length);
			pos += next.length;
			levels.add(describe(found));
			confidence = Math.min(0.98, Math.max(confidence, confidence(found)) + 0.03);
		}
		String method = "full-name prefix: " + String.join(" + ", levels);
		return new Resolution(new Match(found.region, matched.toString(), method, Math.round(confidence * 100) / 100.0),
				Resolution.RESOLVED);
	}

	private record Step(@Nullable Candidate candidate, int length, boolean ambiguous) {
	}

	private @Nullable Step best(String text, int pos, @Nullable Region within) {
		for (int len = Math.min(MAX_NAME, text.length() - pos); len >= 2; len--) {
			List<Candidate> candidates = byName.get(text.substring(pos, pos + len));
			if (candidates == null) {
				continue;
			}
			List<Candidate> allowed = new ArrayList<>();
			for (Candidate c : candidates) {
				if (within == null ? c.officialName || c.region.level() != Region.Level.COUNTY || isCountyLevelCity(c)
						: !c.region.code().equals(within.code()) && gazetteer.isWithin(c.region, within)) {
					allowed.add(c);
				}
			}
			if (allowed.isEmpty()) {
				continue;
			}
			// Prefer official names, then the higher level (吉林 is the province before the city).
			allowed.sort((a, b) -> a.officialName != b.officialName ? (a.officialName ? -1 : 1)
					: a.region.level().compareTo(b.region.level()));
			Candidate top = allowed.get(0);
			Set<String> sameRank = new LinkedHashSet<>();
			for (Candidate c : allowed) {
				if (c.officialName == top.officialName && c.region.level() == top.region.level()) {
					sameRank.add(c.region.code());
				}
			}
			return new Step(top, len, sameRank.size() > 1);
		}
		return null;
	}

	private static boolean isCountyLevelCity(Candidate c) {
		return c.region.name().endsWith("市") && !COMMON_WORDS.contains(c.region.shortName());
	}

	private static String describe(Candidate c) {
		return c.region.level().chinese() + (c.officialName ? "全称" : "简称") + " " + c.region.name();
	}

	private static double confidence(Candidate c) {
		return switch (c.region.level()) {
			case PROVINCE -> c.officialName ? 0.95 : 0.9;
			case PREFECTURE -> c.officialName ? 0.9 : 0.85;
			case COUNTY -> c.officialName ? 0.8 : 0.65;
		};
	}
}
