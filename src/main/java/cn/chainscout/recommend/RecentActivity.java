package cn.chainscout.recommend;

import java.util.Collection;
import java.util.Map;

/**
 * Recent investment activity of enterprises (signings, expansions, financing, land…), read from the
 * signals crawlers find: the 动态 part of a target's score.
 */
public interface RecentActivity {

	/**
	 * @param strength 0..1, how strongly the recent signals suggest the firm is investing now
	 * @param evidence the signals in words, e.g. 2026-11-03 签约：桐城经开区，总投资 12 亿元
	 */
	record Activity(double strength, String evidence) {
	}

	/** The activity of those enterprises that have any. */
	Map<String, Activity> recent(Collection<String> codes);
}
