package cn.chainscout.referral;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The ties a referrer list may state, their relationship types in the graph, and how strong a door
 * each opens. A hop's strength is the base strength of its kind times a recency factor: 1.0 when the
 * last contact (or, lacking one, the start year) is at most a year old, 0.05 less for every further
 * year, never below 0.6; 0.8 when the file gives no date at all.
 */
public final class Ties {

	/** A kind of tie. */
	public record Kind(String chinese, String type, double strength, String verb) {
	}

	public static final List<Kind> KINDS = List.of(new Kind("创办", "FOUNDED", 0.95, "创办"),
			new Kind("任职", "WORKS_AT", 0.90, "任职于"), new Kind("投资", "INVESTS_IN", 0.85, "投资"),
			new Kind("供货", "SUPPLIES", 0.80, "供货给"), new Kind("引荐", "REFERRED", 0.80, "曾引荐"),
			new Kind("会员", "MEMBER_OF", 0.60, "是会员："), new Kind("校友", "ALUMNUS_OF", 0.50, "校友"));

	public static final String RULE = "每一跳的强度 = 关系基础强度（创办 0.95、任职 0.90、投资 0.85、供货 0.80、引荐 0.80、会员 0.60、校友 0.50）"
			+ " × 时效系数（最近联系或起始年份在一年内为 1.0，之后每年减 0.05，最低 0.6；未填时间为 0.8）；路径强度 = 各跳强度之积。";

	static final Map<String, Kind> BY_CHINESE = byChinese();

	private static Map<String, Kind> byChinese() {
		Map<String, Kind> m = new LinkedHashMap<>();
		KINDS.forEach(k -> m.put(k.chinese(), k));
		return m;
	}

	private Ties() {
	}

	public static Optional<Kind> byType(String type) {
		return KINDS.stream().filter(k -> k.type().equals(type)).findFirst();
	}

	/** Relationship types of all ties, for Cypher patterns (a fixed list, never user input). */
	static String typePattern() {
		return String.join("|", KINDS.stream().map(Kind::type).toList());
	}

	/**
	 * @param lastContact the last contact, if the file gives one
	 * @param since the year the tie began, if given
	 */
	public static double recency(@Nullable LocalDate lastContact, @Nullable Integer since, LocalDate today) {
		LocalDate when = lastContact != null ? lastContact : since != null ? LocalDate.of(since, 7, 1) : null;
		if (when == null) {
			return 0.8;
		}
		double years = Math.max(0, ChronoUnit.DAYS.between(when, today) / 365.25);
		return years <= 1 ? 1.0 : Math.max(0.6, 1.0 - 0.05 * (years - 1));
	}
}
