package cn.chainscout.localfirm;

import java.util.List;

/** Company names compared the way people write them: brackets, spaces and legal forms vary. */
public final class FirmNames {

	private static final List<String> LEGAL_FORMS = List.of("集团股份有限公司", "集团有限公司", "股份有限公司", "有限责任公司", "有限公司",
			"股份公司", "集团公司", "公司");

	private FirmNames() {
	}

	/** Full-width brackets and letters to half-width, spaces removed, upper case. */
	public static String normalize(String name) {
		StringBuilder s = new StringBuilder(name.length());
		for (char c : name.toCharArray()) {
			if (c == '（') {
				c = '(';
			}
			else if (c == '）') {
				c = ')';
			}
			else if (c >= '！' && c <= '～') {
				c = (char) (c - 0xFEE0);
			}
			if (!Character.isWhitespace(c) && c != '\u3000') {
				s.append(Character.toUpperCase(c));
			}
		}
		return s.toString();
	}

	/** The name without its legal form (有限公司, 股份有限公司…), normalized. */
	public static String core(String name) {
		String n = normalize(name);
		for (String form : LEGAL_FORMS) {
			if (n.endsWith(form) && n.length() > form.length() + 1) {
				return n.substring(0, n.length() - form.length());
			}
		}
		return n;
	}
}
