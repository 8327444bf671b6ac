package cn.chainscout.system;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The office's calendar: China Standard Time, whatever zone the server runs in. Between 00:00 and
 * 08:00 in Beijing a UTC server's "today" is still yesterday, and a project signed this morning would
 * be refused as dated in the future.
 */
public final class ChinaTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private ChinaTime() {
	}

	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	public static LocalDateTime now() {
		return LocalDateTime.now(ZONE);
	}
}
