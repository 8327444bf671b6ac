package cn.chainscout.localfirm;

import java.util.Locale;
import java.util.Optional;

/** 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character. */
public final class CreditCodes {

	static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCodes() {
	}

	/** @return empty when the code is valid, else why not (in Chinese) */
	public static Optional<String> problem(String code) {
		if (code.length() != 18) {
			return Optional.of("应为 18 位，实际 " + code.length() + " 位");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int v = CHARS.indexOf(code.charAt(i));
			if (v < 0) {
				return Optional.of("第 " + (i + 1) + " 位 '" + code.charAt(i) + "' 不是允许的字符（数字及除 I、O、Z、S、V 外的大写字母）");
			}
			sum += v * WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		if (CHARS.charAt(check) != code.charAt(17)) {
			return Optional.of("校验位不符（按前 17 位应为 '" + CHARS.charAt(check) + "'，实际为 '" + code.charAt(17) + "'）");
		}
		return Optional.empty();
	}

	/** Upper case, spaces removed. */
	public static String normalize(String code) {
		return code.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
	}

	/** Completes 17 characters with their check character (for fixtures and sample data). */
	public static String withCheck(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHARS.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return first17 + CHARS.charAt((31 - sum % 31) % 31);
	}
}
