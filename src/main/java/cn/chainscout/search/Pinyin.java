package cn.chainscout.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Full pinyin and initials of Chinese names, for search by phone keyboards: 宁德时代 → ningdeshidai,
 * ndsd. A polyphone gives every reading (重庆 → chongqing and zhongqing), so that whichever a user
 * types matches; the number of variants is capped.
 */
public final class Pinyin {

	static final int MAX_VARIANTS = 16;

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	static {
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	/** @param full the syllables joined, e.g. ningdeshidai @param initials first letters, e.g. ndsd */
	public record Variant(String full, String initials) {
	}

	private Pinyin() {
	}

	/** The readings of a name; letters and digits are kept as they are (lower case), other characters dropped. */
	public static List<Variant> variants(String text) {
		List<List<String>> syllables = new ArrayList<>();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			List<String> readings = readings(c);
			if (!readings.isEmpty()) {
				syllables.add(readings);
			}
			else if (Character.isLetterOrDigit(c) && c < 128) {
				syllables.add(List.of(String.valueOf(Character.toLowerCase(c))));
			}
		}
		List<String[]> combos = new ArrayList<>();
		combos.add(new String[] { "", "" });
		for (List<String> options : syllables) {
			List<String[]> next = new ArrayList<>();
			for (String[] prefix : combos) {
				for (String option : options) {
					if (next.size() >= MAX_VARIANTS) {
						break;
					}
					next.add(new String[] { prefix[0] + option, prefix[1] + option.charAt(0) });
				}
			}
			combos = next;
		}
		Set<Variant> out = new LinkedHashSet<>();
		for (String[] c : combos) {
			if (!c[0].isEmpty()) {
				out.add(new Variant(c[0], c[1]));
			}
		}
		return new ArrayList<>(out);
	}

	/** True when the text is all Latin letters: a pinyin or initials query. */
	public static boolean isLatin(String text) {
		return !text.isEmpty() && text.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
	}

	public static boolean hasHan(String text) {
		return text.codePoints().anyMatch(Pinyin::isHan);
	}

	/** A Chinese character (汉字). */
	static boolean isHan(int c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	/**
	 * Readings by character, filled as characters are met: pinyin4j looks each one up in a table of
	 * strings and reformats it, a tenth of a rebuild's indexing time before this cache. Lists are
	 * immutable, so threads may share and race on a slot harmlessly.
	 */
	private static final List<?>[] READINGS = new List<?>[Character.MAX_VALUE + 1];

	@SuppressWarnings("unchecked")
	private static List<String> readings(char c) {
		List<String> known = (List<String>) READINGS[c];
		if (known == null) {
			known = lookUp(c);
			READINGS[c] = known;
		}
		return known;
	}

	private static List<String> lookUp(char c) {
		if (!isHan(c)) {
			return List.of();
		}
		try {
			String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
			if (all == null) {
				return List.of();
			}
			Set<String> distinct = new LinkedHashSet<>();
			for (String r : all) {
				distinct.add(r.replace("u:", "v"));
			}
			return List.copyOf(distinct);
		}
		catch (BadHanyuPinyinOutputFormatCombination ex) {
			throw new IllegalStateException(ex);
		}
	}
}
