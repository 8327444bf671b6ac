package cn.chainscout.region;

import org.jspecify.annotations.Nullable;

/**
 * An administrative division (行政区划) with its GB/T 2260 code.
 *
 * @param code six-digit GB/T 2260 code
 * @param name official name, e.g. 桐城市
 * @param shortName name without its administrative suffix, e.g. 桐城
 * @param level province (省级), prefecture (地级) or county (县级)
 * @param parentCode code of the division above, null for a province
 * @param lng longitude of its centre, null when unknown
 * @param lat latitude of its centre, null when unknown
 */
public record Region(String code, String name, String shortName, Level level, @Nullable String parentCode,
		@Nullable Double lng, @Nullable Double lat) {

	/** 省级, 地级, 县级. */
	public enum Level {

		PROVINCE("省级"), PREFECTURE("地级"), COUNTY("县级");

		private final String chinese;

		Level(String chinese) {
			this.chinese = chinese;
		}

		public String chinese() {
			return chinese;
		}
	}
}
