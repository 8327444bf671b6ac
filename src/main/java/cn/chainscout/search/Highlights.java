package cn.chainscout.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * Marks what a query's words share with a stored field, as the search matched them: a word's
 * character pairs (its character, when it has one), and Latin or digit runs as whole tokens, without
 * regard to case. Working on the few stored fields of a page of hits, it costs microseconds where
 * Lucene's highlighter costs a good part of a query at a million enterprises.
 */
final class Highlights {

	/** Items of a list field shown at most. */
	static final int MAX_ITEMS = 5;

	private Highlights() {
	}

	/** The pieces of the query that can be marked in text: pairs of Han characters, single ones, and Latin or digit tokens. */
	static List<String> pieces(String query) {
		List<String> pieces = new ArrayList<>();
		for (String word : query.toLowerCase(Locale.ROOT).split(" ")) {
			StringBuilder han = new StringBuilder();
			StringBuilder other = new StringBuilder();
			for (int i = 0; i <= word.length(); i++) {
				char c = i < word.length() ? word.charAt(i) : ' ';
				if (Pinyin.isHan(c)) {
					flushOther(other, pieces);
					han.append(c);
				}
				else {
					flushHan(han, pieces);
					if (Character.isLetterOrDigit(c)) {
						other.append(c);
					}
					else {
						flushOther(other, pieces);
					}
				}
			}
		}
		return pieces;
	}

	private static void flushHan(StringBuilder han, List<String> pieces) {
		if (han.length() == 1) {
			pieces.add(han.toString());
		}
		for (int i = 0; i + 1 < han.length(); i++) {
			pieces.add(han.substring(i, i + 2));
		}
		han.setLength(0);
	}

	private static void flushOther(StringBuilder other, List<String> pieces) {
		if (!other.isEmpty()) {
			pieces.add(other.toString());
			other.setLength(0);
		}
	}

	/** The whole text with the pieces it holds in {@code <em>}, escaped; null when it holds none. */
	static @Nullable String mark(@Nullable String text, List<String> pieces) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		boolean[] hit = hits(text, pieces);
		return hit == null ? null : format(text, hit, 0, text.length());
	}

	/**
	 * For a field of items ending in {@code ；} (products, industries): the items that hold a piece,
	 * at most {@link #MAX_ITEMS}, with "…" when more do; null when none does.
	 */
	static @Nullable String markItems(@Nullable String text, List<String> pieces) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		boolean[] hit = hits(text, pieces);
		if (hit == null) {
			return null;
		}
		StringBuilder out = new StringBuilder();
		int shown = 0;
		int start = 0;
		while (start < text.length()) {
			int end = text.indexOf('；', start);
			if (end < 0) {
				end = text.length();
			}
			boolean any = false;
			for (int i = start; i < end && !any; i++) {
				any = hit[i];
			}
			if (any) {
				if (shown == MAX_ITEMS) {
					out.append("…");
					break;
				}
				if (shown > 0) {
					out.append('；');
				}
				out.append(format(text, hit, start, end));
				shown++;
			}
			start = end + 1;
		}
		return shown == 0 ? null : out.toString();
	}

	private static boolean @Nullable [] hits(String text, List<String> pieces) {
		String lower = text.toLowerCase(Locale.ROOT);
		boolean[] hit = null;
		for (String piece : pieces) {
			boolean latin = !piece.isEmpty() && !Pinyin.isHan(piece.charAt(0));
			for (int at = lower.indexOf(piece); at >= 0; at = lower.indexOf(piece, at + 1)) {
				int end = at + piece.length();
				// A Latin or digit piece marks a whole token only: "tcl" in "TCL科技", not in "etcl".
				if (latin && (at > 0 && Character.isLetterOrDigit(lower.charAt(at - 1)) && !Pinyin.isHan(lower.charAt(at - 1))
						|| end < lower.length() && Character.isLetterOrDigit(lower.charAt(end)) && !Pinyin.isHan(lower.charAt(end)))) {
					continue;
				}
				if (hit == null) {
					hit = new boolean[text.length()];
				}
				for (int i = at; i < end; i++) {
					hit[i] = true;
				}
			}
		}
		return hit;
	}

	/** The text from {@code from} to {@code to}, escaped, its marked runs in {@code <em>}. */
	private static String format(String text, boolean[] hit, int from, int to) {
		if (from >= to) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		int run = from;
		for (int i = from; i <= to; i++) {
			if (i == to || hit[i] != hit[run]) {
				String part = HtmlUtils.htmlEscape(text.substring(run, i));
				out.append(hit[run] ? "<em>" + part + "</em>" : part);
				run = i;
			}
		}
		return out.toString();
	}
}
