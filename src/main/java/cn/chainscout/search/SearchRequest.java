package cn.chainscout.search;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A search as a user asks it, checked at the edge: every problem names the parameter and its value.
 *
 * @param q the query text: names, codes, pinyin, initials, products, places, separated by spaces
 * @param province filter on province name
 * @param city filter on prefecture name
 * @param industry filter on an industry name of any level
 * @param exchange filter on exchange name
 * @param page 1-based page
 * @param size hits per page
 * @param sort relevance or size
 */
public record SearchRequest(String q, @Nullable String province, @Nullable String city, @Nullable String industry,
		@Nullable String exchange, int page, int size, String sort) {

	public static final int MAX_QUERY = 100;

	public static final int MAX_SIZE = 100;

	private static final Pattern MEANINGFUL = Pattern.compile("[\\p{L}\\p{N}]");

	/** Parses raw request parameters; throws {@link IllegalArgumentException} with a message for people. */
	public static SearchRequest parse(@Nullable String q, @Nullable String province, @Nullable String city,
			@Nullable String industry, @Nullable String exchange, @Nullable String page, @Nullable String size,
			@Nullable String sort) {
		String query = q == null ? "" : q.strip().replaceAll("\\s+", " ");
		boolean filtered = blank(province) != null || blank(city) != null || blank(industry) != null || blank(exchange) != null;
		if (query.isEmpty() && !filtered) {
			throw new IllegalArgumentException("参数 q 不能为空：请输入企业名称、股票代码、拼音或产品");
		}
		if (query.length() > MAX_QUERY) {
			throw new IllegalArgumentException("参数 q 过长（" + query.length() + " 个字符），最多 " + MAX_QUERY + " 个字符");
		}
		if (!query.isEmpty() && !MEANINGFUL.matcher(query).find()) {
			throw new IllegalArgumentException("参数 q 的值 '" + query + "' 只有标点符号，请输入文字或代码");
		}
		int p = number("page", page, 1, 1, 1000);
		int s = number("size", size, 20, 1, MAX_SIZE);
		String order = sort == null || sort.isBlank() ? "relevance" : sort.strip();
		if (!order.equals("relevance") && !order.equals("size")) {
			throw new IllegalArgumentException("参数 sort 的值 '" + order + "' 无效：应为 relevance 或 size");
		}
		return new SearchRequest(query, blank(province), blank(city), blank(industry), blank(exchange), p, s, order);
	}

	private static int number(String name, @Nullable String value, int fallback, int min, int max) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int n = Integer.parseInt(value.strip());
			if (n < min || n > max) {
				throw new IllegalArgumentException("参数 " + name + " 的值 '" + value + "' 超出范围 " + min + "–" + max);
			}
			return n;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("参数 " + name + " 的值 '" + abbreviate(value) + "' 不是整数");
		}
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static String abbreviate(String s) {
		return s.length() > 20 ? s.substring(0, 20) + "…" : s;
	}
}
