package cn.chainscout.signal;

import java.util.Locale;
import java.util.Optional;

/** What a page says an enterprise did. {@link #MENTION} is no event: the firm is only named. */
public enum SignalType {

	SIGNING("签约"), INVESTMENT("投资"), EXPANSION("扩产"), FINANCING("融资"), NEW_ENTITY("设立子公司"), LAND("拿地"),
	CONTRACT("中标/订单"), CONSTRUCTION("开工"), PRODUCTION("投产"), HIRING("招聘"), MENTION("提及");

	private final String chinese;

	SignalType(String chinese) {
		this.chinese = chinese;
	}

	public String chinese() {
		return chinese;
	}

	/** By its name (SIGNING, signing) or its Chinese label (签约). */
	public static Optional<SignalType> parse(String value) {
		String v = value.strip();
		for (SignalType t : values()) {
			if (t.name().equals(v.toUpperCase(Locale.ROOT)) || t.chinese.equals(v)) {
				return Optional.of(t);
			}
		}
		return Optional.empty();
	}
}
