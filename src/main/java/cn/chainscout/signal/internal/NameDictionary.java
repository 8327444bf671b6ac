package cn.chainscout.signal.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the listed enterprises a text names, in one Aho-Corasick pass over every name: full names,
 * full names without their legal form (宁德时代新能源科技), short names, short names without ST
 * marks and share classes (*ST安凯 → 安凯, 万科A → 万科), former names, and stock codes.
 *
 * <p>Ambiguity is settled from the text:
 * <ul>
 * <li>the longest name wins where names overlap (东方通信 over 东方通, a full name over the short name in
 * it);</li>
 * <li>a risky short name (two characters, a place name, or a word listed in
 * {@code signal/risky-names.txt}: 太平洋, 机器人, 连云港) counts only with the firm's full name or code
 * in the same text, or company words next to it (股份, 公司, 董事长, （600…）, 上市公司…); otherwise a
 * name of three or more characters is kept with a low confidence for review, and one of two
 * characters (柳工, 万科, 环保 from *ST环保) is not linked at all;</li>
 * <li>a short name two firms share (东方明珠) goes to the one whose full name or code the text gives;
 * otherwise both links are kept for review;</li>
 * <li>a short name at the start of a longer company name (比亚迪汽车工业有限公司) is probably a
 * subsidiary: still linked, with less confidence.</li>
 * </ul>
 */
public final class NameDictionary {

	public static final String RISKY = "signal/risky-names.txt";

	/** Links below this confidence are stored for review and left out of default results. */
	public static final double REVIEW_BELOW = 0.6;

	/** How a name was written. */
	public enum Kind {

		FULL_NAME("全称", 0.98), FULL_NAME_CORE("全称（去组织形式）", 0.95), CODE("股票代码", 0.95), SHORT_NAME("简称", 0.9),
		FORMER_NAME("曾用名", 0.85), BARE_SHORT_NAME("简称（去ST/股份类别）", 0.8);

		private final String chinese;

		private final double confidence;

		Kind(String chinese, double confidence) {
			this.chinese = chinese;
			this.confidence = confidence;
		}

		public String chinese() {
			return chinese;
		}
	}

	private record Entry(String code, Kind kind, boolean risky) {
	}

	/**
	 * A firm named in the text.
	 * @param method how it was read, in Chinese, for the reviewer
	 */
	public record Mention(String code, int start, int end, String matched, Kind kind, double confidence, boolean review,
			String method) {
	}

	private static final Pattern LEGAL_FORM = Pattern.compile("(（集团）|\\(集团\\)|集团)?(股份有限公司|有限责任公司|有限公司|股份公司)$");

	private static final Pattern ST = Pattern.compile("^(S\\*ST|\\*ST|ST|S)|(A|B|B股|退)$");

	private static final Pattern COMPANY_AFTER = Pattern.compile("^.{0,2}(股份|公司|集团|控股|董事|总经理|总裁|管理层|公告|[（(]\\s*(证券代码|股票代码)?[:：]?\\s*\\d{6})");

	private static final Pattern COMPANY_BEFORE = Pattern.compile("(上市公司|龙头企业|龙头|公司|企业)[\\u4e00-\\u9fa5]{0,2}$");

	/** 比亚迪 in 比亚迪汽车工业有限公司: a short name leading a longer registered name. */
	private static final Pattern ORG_AFTER = Pattern.compile("^[\\u4e00-\\u9fa5（）()]{1,8}?(有限公司|有限责任公司|股份公司)");

	private final AhoCorasick matcher;

	private final List<List<Entry>> entries;

	private final Map<String, Set<String>> namesByCode;

	private final int names;

	private NameDictionary(AhoCorasick matcher, List<List<Entry>> entries, Map<String, Set<String>> namesByCode) {
		this.matcher = matcher;
		this.entries = entries;
		this.namesByCode = namesByCode;
		this.names = entries.size();
	}

	/**
	 * @param placeNames names and short names of regions: a short name that is also a place (连云港) is risky
	 */
	public static NameDictionary build(List<EnterpriseName> enterprises, Set<String> placeNames) {
		Set<String> risky = riskyWords();
		Map<String, List<Entry>> byText = new LinkedHashMap<>();
		Map<String, Set<String>> namesByCode = new HashMap<>();
		Map<String, Set<String>> shortNameCodes = new HashMap<>();
		for (EnterpriseName e : enterprises) {
			shortNameCodes.computeIfAbsent(e.name(), k -> new HashSet<>()).add(e.code());
		}
		for (EnterpriseName e : enterprises) {
			Set<String> own = namesByCode.computeIfAbsent(e.code(), k -> new HashSet<>());
			add(byText, own, e.fullName(), new Entry(e.code(), Kind.FULL_NAME, false));
			add(byText, own, e.name(), new Entry(e.code(), Kind.SHORT_NAME, isRisky(e.name(), risky, placeNames)));
			String core = LEGAL_FORM.matcher(e.fullName()).replaceFirst("");
			if (core.length() >= 4 && !core.equals(e.fullName())) {
				add(byText, own, core, new Entry(e.code(), Kind.FULL_NAME_CORE, false));
			}
			String bare = ST.matcher(e.name()).replaceAll("");
			if (!bare.equals(e.name()) && bare.length() >= 2 && !shortNameCodes.containsKey(bare)) {
				add(byText, own, bare, new Entry(e.code(), Kind.BARE_SHORT_NAME, isRisky(bare, risky, placeNames)));
			}
			for (String former : e.formerNames()) {
				if (former.length() >= 2 && !former.equals(e.name()) && !former.equals(e.fullName())) {
					add(byText, own, former, new Entry(e.code(), Kind.FORMER_NAME, isRisky(former, risky, placeNames)));
				}
			}
			String digits = e.code().replaceFirst("\\..*$", "");
			if (digits.matches("\\d{6}")) {
				add(byText, own, digits, new Entry(e.code(), Kind.CODE, false));
			}
		}
		List<String> words = new ArrayList<>(byText.keySet());
		List<List<Entry>> entries = new ArrayList<>(words.size());
		for (String w : words) {
			entries.add(List.copyOf(byText.get(w)));
		}
		return new NameDictionary(AhoCorasick.build(words), entries, namesByCode);
	}

	private static void add(Map<String, List<Entry>> byText, Set<String> own, String text, Entry entry) {
		String t = text.strip();
		if (t.length() < 2) {
			return;
		}
		List<Entry> list = byText.computeIfAbsent(t, k -> new ArrayList<>(1));
		// The same text for the same firm counts once, in its most trusted kind.
		for (Entry e : list) {
			if (e.code().equals(entry.code())) {
				return;
			}
		}
		list.add(entry);
		own.add(t);
	}

	private static boolean isRisky(String name, Set<String> risky, Set<String> placeNames) {
		return name.length() <= 2 || risky.contains(name) || placeNames.contains(name);
	}

	static Set<String> riskyWords() {
		var in = NameDictionary.class.getClassLoader().getResourceAsStream(RISKY);
		if (in == null) {
			throw new IllegalStateException("Missing " + RISKY + " on the classpath");
		}
		Set<String> words = new HashSet<>();
		try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					words.add(line.strip());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return words;
	}

	/** Distinct names in the dictionary. */
	public int size() {
		return names;
	}

	/** Every firm the text names, in text order; one firm may be named several times. */
	public List<Mention> find(String text) {
		List<AhoCorasick.Hit> hits = new ArrayList<>(matcher.find(text));
		hits.removeIf(h -> isCode(h) && !codeBoundary(text, h));
		hits.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
		List<AhoCorasick.Hit> chosen = new ArrayList<>();
		int covered = 0;
		for (AhoCorasick.Hit h : hits) {
			if (h.start() >= covered) {
				chosen.add(h);
				covered = h.end();
			}
		}
		// Firms the text names without doubt: by full name or stock code.
		Set<String> certain = new HashSet<>();
		for (AhoCorasick.Hit h : chosen) {
			for (Entry e : entries.get(h.word())) {
				if (e.kind() == Kind.FULL_NAME || e.kind() == Kind.FULL_NAME_CORE || e.kind() == Kind.CODE) {
					certain.add(e.code());
				}
			}
		}
		List<Mention> mentions = new ArrayList<>();
		for (AhoCorasick.Hit h : chosen) {
			List<Entry> es = entries.get(h.word());
			String matched = text.substring(h.start(), h.end());
			List<Entry> sure = es.size() > 1 ? es.stream().filter(e -> certain.contains(e.code())).toList() : es;
			boolean shared = sure.size() != 1;
			for (Entry e : sure.isEmpty() ? es : sure) {
				double confidence = e.kind().confidence;
				List<String> why = new ArrayList<>(List.of(e.kind().chinese() + "“" + matched + "”"));
				if (e.risky() && !certain.contains(e.code())) {
					String after = text.substring(h.end(), Math.min(text.length(), h.end() + 16));
					String before = text.substring(Math.max(0, h.start() - 6), h.start());
					if (COMPANY_AFTER.matcher(after).find() || COMPANY_BEFORE.matcher(before).find()) {
						confidence = 0.75;
						why.add("易混简称，有公司语境");
					}
					else if (matched.length() <= 2) {
						// 环保, 万科, 柳工: two characters with nothing to back them are words, not links.
						continue;
					}
					else {
						confidence = 0.35;
						why.add("易混简称（常用词、地名或两字），文中无全称、代码或公司语境，待核对");
					}
				}
				else if (e.risky()) {
					why.add("易混简称，文中另有全称或代码");
				}
				if (shared) {
					confidence = Math.min(confidence, 0.4);
					why.add("多家企业同用此简称，文中无法区分，待核对");
				}
				if (e.kind() != Kind.FULL_NAME && ORG_AFTER.matcher(text.substring(h.end(), Math.min(text.length(), h.end() + 20))).find()
						&& !namesByCode.getOrDefault(e.code(), Set.of()).contains(longerName(text, h))) {
					confidence *= 0.85;
					why.add("名称出现在更长的公司名中，可能为其子公司");
				}
				confidence = Math.round(confidence * 100) / 100.0;
				mentions.add(new Mention(e.code(), h.start(), h.end(), matched, e.kind(), confidence, confidence < REVIEW_BELOW,
						String.join("；", why)));
			}
		}
		return mentions;
	}

	private boolean isCode(AhoCorasick.Hit h) {
		return entries.get(h.word()).get(0).kind() == Kind.CODE;
	}

	private static boolean codeBoundary(String text, AhoCorasick.Hit h) {
		return (h.start() == 0 || !isAsciiLetterOrDigit(text.charAt(h.start() - 1)))
				&& (h.end() == text.length() || !isAsciiLetterOrDigit(text.charAt(h.end())));
	}

	private static boolean isAsciiLetterOrDigit(char c) {
		return c < 128 && Character.isLetterOrDigit(c);
	}

	private static String longerName(String text, AhoCorasick.Hit h) {
		var m = ORG_AFTER.matcher(text.substring(h.end(), Math.min(text.length(), h.end() + 20)));
		return m.find() ? text.substring(h.start(), h.end() + m.end()) : "";
	}
}
