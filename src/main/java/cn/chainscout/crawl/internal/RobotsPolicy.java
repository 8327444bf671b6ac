package cn.chainscout.crawl.internal;

import java.util.List;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * What a host's robots.txt allows (RFC 9309), from how fetching it went: a 2xx is parsed; a 4xx
 * means there are no rules (allow all); a 5xx, a timeout or no answer means the host is not
 * available, so nothing is fetched from it in this crawl (disallow all).
 */
public final class RobotsPolicy {

	/** Crawl-delay above this is taken as this, so one host cannot stall a crawl for hours. */
	static final long MAX_CRAWL_DELAY_MILLIS = 60_000;

	/**
	 * The rules of one host.
	 *
	 * @param outcome how they were obtained, in Chinese, for skip reasons and logs
	 * @param crawlDelayMillis the Crawl-delay for our agent, 0 when none
	 */
	public record Rules(BaseRobotRules rules, String outcome, long crawlDelayMillis) {

		public boolean allows(String url) {
			return rules.isAllowed(url);
		}
	}

	private RobotsPolicy() {
	}

	/**
	 * @param status the HTTP status of the robots.txt request after redirects, or -1 when it failed
	 *        (no connection, timeout, refused address)
	 */
	public static Rules of(String robotsUrl, int status, byte[] body, String contentType, String robotName) {
		if (status >= 200 && status < 300) {
			SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 200);
			BaseRobotRules rules = parser.parseContent(robotsUrl, body, contentType.isEmpty() ? "text/plain" : contentType,
					List.of(robotName));
			long delay = rules.getCrawlDelay() == BaseRobotRules.UNSET_CRAWL_DELAY ? 0
					: Math.min(MAX_CRAWL_DELAY_MILLIS, Math.max(0, rules.getCrawlDelay()));
			return new Rules(rules, "robots.txt " + status, delay);
		}
		if (status >= 400 && status < 500) {
			return new Rules(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), "robots.txt " + status + "：视为无限制", 0);
		}
		String why = status < 0 ? "robots.txt 无法获取" : "robots.txt " + status;
		return new Rules(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE), why + "：本次不抓取该站", 0);
	}
}
