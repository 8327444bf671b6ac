package cn.chainscout.signal.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an event happened, read from the sentence: 2026年11月3日, 2026-11-08, 2026/11/12, 2026.11.12,
 * 11月3日 (in the article's year), 今年10月, 去年12月, 昨天, 今日. A sentence without a date gets the
 * article's date from the caller.
 */
public final class EventDates {

	private static final Pattern FULL = Pattern.compile("(20\\d{2}|19\\d{2})\\s*(?:年\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*[日号])?|[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d))");

	private static final Pattern MONTH_DAY = Pattern.compile("(?<![\\d年])(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]");

	private static final Pattern RELATIVE_MONTH = Pattern.compile("(今年|去年|明年)\\s*(\\d{1,2})\\s*月");

	private static final Pattern RELATIVE_DAY = Pattern.compile("(昨天|昨日|今天|今日|日前|近日)");

	private EventDates() {
	}

	/**
	 * The first date the text gives.
	 * @param articleDate the article's own date: gives the year to 11月3日 and the meaning of 今年, 昨天
	 */
	public static Optional<LocalDate> find(String text, LocalDate articleDate) {
		Matcher full = FULL.matcher(text);
		Matcher monthDay = MONTH_DAY.matcher(text);
		Matcher relMonth = RELATIVE_MONTH.matcher(text);
		Matcher relDay = RELATIVE_DAY.matcher(text);
		// The earliest of the forms wins, so "2026年11月3日" is not read as "11月3日" of another year.
		int best = Integer.MAX_VALUE;
		LocalDate date = null;
		while (full.find()) {
			int year = Integer.parseInt(full.group(1));
			String month = full.group(2) != null ? full.group(2) : full.group(4);
			String day = full.group(2) != null ? full.group(3) : full.group(5);
			LocalDate d = of(year, Integer.parseInt(month), day == null ? 1 : Integer.parseInt(day));
			if (d != null) {
				best = full.start();
				date = d;
				break;
			}
		}
		while (monthDay.find() && monthDay.start() < best) {
			LocalDate d = of(articleDate.getYear(), Integer.parseInt(monthDay.group(1)), Integer.parseInt(monthDay.group(2)));
			if (d != null) {
				// An article of early January reports "12月28日": last year.
				if (d.isAfter(articleDate.plusDays(31))) {
					d = d.minusYears(1);
				}
				best = monthDay.start();
				date = d;
				break;
			}
		}
		while (relMonth.find() && relMonth.start() < best) {
			int year = articleDate.getYear() + switch (relMonth.group(1)) {
				case "去年" -> -1;
				case "明年" -> 1;
				default -> 0;
			};
			LocalDate d = of(year, Integer.parseInt(relMonth.group(2)), 1);
			if (d != null) {
				best = relMonth.start();
				date = d;
				break;
			}
		}
		if (relDay.find() && relDay.start() < best) {
			date = relDay.group(1).startsWith("昨") ? articleDate.minusDays(1) : articleDate;
		}
		return Optional.ofNullable(date);
	}

	private static @org.jspecify.annotations.Nullable LocalDate of(int year, int month, int day) {
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}
}
