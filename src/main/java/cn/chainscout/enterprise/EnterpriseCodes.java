package cn.chainscout.enterprise;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks enterprise codes at the edge: stock codes such as 300750.SZ, or 18-character credit codes. */
public final class EnterpriseCodes {

	private static final Pattern CODE = Pattern.compile("[0-9A-Za-z.\\-]{1,32}");

	private EnterpriseCodes() {
	}

	public static String check(String code) {
		String trimmed = code.strip();
		if (!CODE.matcher(trimmed).matches()) {
			throw new IllegalArgumentException("企业代码 code 的值 '" + abbreviate(trimmed)
					+ "' 无效：应为股票代码（如 300750.SZ）或统一社会信用代码");
		}
		return trimmed.toUpperCase(Locale.ROOT);
	}

	private static String abbreviate(String s) {
		return s.length() > 40 ? s.substring(0, 40) + "…" : s;
	}
}
