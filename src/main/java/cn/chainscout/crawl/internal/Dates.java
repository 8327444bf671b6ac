package cn.chainscout.crawl.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Publication dates as Chinese sites write them: 2026-11-20, 2026/11/20, 2026.11.20, 2026年11月20日. */
public final class Dates {

	static final Pattern DATE = Pattern.compile("(?<![0-9])((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?![0-9])\\s*日?");

	/** A date right after a label such as 发布时间：, which beats any other date on the page. */
	static final Pattern LABELLED = Pattern.compile("(发布时间|发布日期|发文日期|成文日期|时间|日期)\\s*[:：]?\\s*");

	private Dates() {
	}

	/** The first valid date in {@code text}. */
	public static Optional<LocalDate> find(String text) {
		Matcher m = DATE.matcher(text);
		while (m.find()) {
			Optional<LocalDate> d = of(m);
			if (d.isPresent()) {
				return d;
			}
		}
		return Optional.empty();
	}

	/** The date after a 发布时间-like label, else empty. */
	public static Optional<LocalDate> labelled(String text) {
		Matcher label = LABELLED.matcher(text);
		while (label.find()) {
			Matcher m = DATE.matcher(text);
			if (m.find(label.end()) && m.start() - label.end() <= 2) {
				Optional<LocalDate> d = of(m);
				if (d.isPresent()) {
					return d;
				}
			}
		}
		return Optional.empty();
	}

	/** With a formatter pattern from a source file, trying the pattern on every substring of its length. */
	public static Optional<LocalDate> parse(String text, String pattern) {
		if (pattern.isBlank()) {
			return find(text);
		}
		DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern);
		String t = text.strip();
		for (int len = Math.min(t.length(), pattern.length() + 4); len >= 6; len--) {
			for (int i = 0; i + len <= t.length(); i++) {
				try {
					return Optional.of(LocalDate.parse(t.substring(i, i + len), f));
				}
				catch (DateTimeException ex) {
					// not here
				}
			}
		}
		return find(text);
	}

	private static Optional<LocalDate> of(Matcher m) {
		try {
			return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}
}
