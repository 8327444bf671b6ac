package cn.chainscout.signal.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money in Chinese news, normalised to yuan: 120亿元, 约5.6亿, 3000万元, 1.2万亿元, 12,000万元, 千万元,
 * 2亿美元, US$3亿, 5亿港元, 注册资本5000万.
 *
 * <p>Foreign currencies are converted at fixed rates ({@link #RATES}): signals rank and filter
 * projects by size, they do not account, so a rate that is a few percent off does not matter, while a
 * rate that changes between runs would make the same article give a different signal.
 */
public final class Amounts {

	/** Yuan per unit of a foreign currency, fixed (approximate 2025–2026 levels). */
	public static final Map<String, BigDecimal> RATES = Map.of("USD", new BigDecimal("7.1"), "HKD", new BigDecimal("0.91"),
			"EUR", new BigDecimal("7.7"), "JPY", new BigDecimal("0.048"), "GBP", new BigDecimal("9.0"));

	/**
	 * An amount found in a text.
	 * @param yuan the amount in yuan, rounded
	 * @param start where the figure (with a currency sign before it) starts in the text
	 * @param end where it ends
	 * @param label the word before it that says what it is (总投资, 注册资本…), or empty
	 * @param bound 约, 不超过, 超… when the text says the figure is approximate or a bound, or empty
	 */
	public record Amount(long yuan, int start, int end, String label, String bound) {
	}

	private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千]+)";

	private static final Pattern AMOUNT = Pattern.compile("(US\\$|USD|HK\\$|\\$|￥|¥|美元|港元|港币|欧元)?\\s*" + NUMBER
			+ "\\s*(万亿|千亿|百亿|亿|千万|百万|十万|万|千)?(多|余)?\\s*(元人民币|元|美元|港元|港币|欧元|日元|英镑)?");

	/** What an amount is: the last of these words shortly before it, in the same clause. */
	private static final Pattern LABEL = Pattern.compile(
			"总投资额?|投资总额|注册资本|注册资金|募集资金总额|募集资金|募资|融资|成交价|成交金额|中标金额|合同金额|订单金额|竞得价|出让价|投资|金额|总额|合计|总计|共计");

	private static final Pattern BOUND = Pattern.compile("(约|近|超过|超|逾|不超过|不低于|不少于|高达|最高|累计)\\s*(人民币)?\\s*$");

	/** Words after a number that make it a count or a size, not money: 3000万平方米, 5亿人. */
	private static final Pattern MEASURE = Pattern.compile("^(平方|亩|人|吨|千瓦|兆瓦|吉瓦|瓦|度|股|辆|台|套|件|只|户|个|家|片|颗|条|米|公里|次|册|头|部|张|支|GWh|MW|kW)");

	private Amounts() {
	}

	/** Every amount of money in the text, in order. */
	public static List<Amount> find(String text) {
		List<Amount> found = new ArrayList<>();
		Matcher m = AMOUNT.matcher(text);
		while (m.find()) {
			String prefixCurrency = m.group(1);
			String number = m.group(2);
			String unit = m.group(3);
			String suffixCurrency = m.group(5);
			boolean currency = prefixCurrency != null || suffixCurrency != null;
			if (!currency && !(unit != null && unit.contains("万") || unit != null && unit.contains("亿"))) {
				continue;
			}
			if (!currency && MEASURE.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 3))).find()) {
				continue;
			}
			if (!Character.isDigit(number.charAt(0)) && unit == null) {
				continue;
			}
			BigDecimal value = parse(number);
			if (value == null) {
				continue;
			}
			BigDecimal rate = RATES.getOrDefault(currency(prefixCurrency, suffixCurrency), BigDecimal.ONE);
			long yuan = value.multiply(multiplier(unit)).multiply(rate).setScale(0, java.math.RoundingMode.HALF_UP).longValue();
			if (yuan <= 0) {
				continue;
			}
			String before = clauseBefore(text, m.start(), 14);
			String label = "";
			Matcher l = LABEL.matcher(before);
			while (l.find()) {
				label = l.group();
			}
			Matcher b = BOUND.matcher(before);
			found.add(new Amount(yuan, m.start(), m.end(), label, b.find() ? b.group(1) : ""));
		}
		return found;
	}

	/** The first amount of a text in yuan, or null: what the tables test. */
	public static @org.jspecify.annotations.Nullable Long firstYuan(String text) {
		List<Amount> all = find(text);
		return all.isEmpty() ? null : all.get(0).yuan();
	}

	/** Up to {@code max} characters before {@code at}, not reaching back over a clause break. */
	static String clauseBefore(String text, int at, int max) {
		int from = at;
		while (from > 0 && at - from < max && "，。；！？,;\n".indexOf(text.charAt(from - 1)) < 0) {
			from--;
		}
		return text.substring(from, at);
	}

	private static String currency(@org.jspecify.annotations.Nullable String prefix, @org.jspecify.annotations.Nullable String suffix) {
		String c = suffix != null ? suffix : prefix != null ? prefix : "元";
		if (prefix != null && (prefix.contains("$") || prefix.equals("USD") || prefix.equals("美元")) && (suffix == null || suffix.equals("元"))) {
			return prefix.startsWith("HK") ? "HKD" : "USD";
		}
		if (prefix != null && (prefix.equals("港元") || prefix.equals("港币")) && (suffix == null || suffix.equals("元"))) {
			return "HKD";
		}
		return switch (c) {
			case "美元" -> "USD";
			case "港元", "港币" -> "HKD";
			case "欧元" -> "EUR";
			case "日元" -> "JPY";
			case "英镑" -> "GBP";
			default -> "CNY";
		};
	}

	private static BigDecimal multiplier(@org.jspecify.annotations.Nullable String unit) {
		if (unit == null) {
			return BigDecimal.ONE;
		}
		return switch (unit) {
			case "万亿" -> new BigDecimal("1000000000000");
			case "千亿" -> new BigDecimal("100000000000");
			case "百亿" -> new BigDecimal("10000000000");
			case "亿" -> new BigDecimal("100000000");
			case "千万" -> new BigDecimal("10000000");
			case "百万" -> new BigDecimal("1000000");
			case "十万" -> new BigDecimal("100000");
			case "万" -> new BigDecimal("10000");
			case "千" -> new BigDecimal("1000");
			default -> BigDecimal.ONE;
		};
	}

	private static @org.jspecify.annotations.Nullable BigDecimal parse(String number) {
		String digits = number.replace(",", "").replace("，", "");
		if (!digits.isEmpty() && Character.isDigit(digits.charAt(0))) {
			try {
				return new BigDecimal(digits);
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return chineseNumber(digits);
	}

	/** 十, 两, 三十五, 一百二十: the small numbers news writes in characters. */
	static @org.jspecify.annotations.Nullable BigDecimal chineseNumber(String s) {
		long total = 0;
		long digit = 0;
		boolean any = false;
		for (char c : s.toCharArray()) {
			int d = "零一二三四五六七八九".indexOf(c);
			if (c == '两') {
				d = 2;
			}
			if (d >= 0) {
				digit = d;
				any = true;
				continue;
			}
			long scale = switch (c) {
				case '十' -> 10;
				case '百' -> 100;
				case '千' -> 1000;
				default -> 0;
			};
			if (scale == 0) {
				return null;
			}
			total += (digit == 0 ? 1 : digit) * scale;
			digit = 0;
			any = true;
		}
		return any ? BigDecimal.valueOf(total + digit) : null;
	}
}
