package cn.chainscout.signal;

import org.jspecify.annotations.Nullable;

/**
 * A signal (招商信号) as the API and the pages show it.
 *
 * @param enterprise the firm's stock code
 * @param enterpriseName its short name
 * @param type what happened
 * @param typeName the same in Chinese (签约, 投资…)
 * @param amountYuan the amount in yuan, when the text gives one
 * @param region where it happens, when the text says
 * @param date when it happened (yyyy-MM-dd), or the article's date
 * @param url the article
 * @param title the article's title
 * @param snippet the sentence it was read from
 * @param confidence 0..1
 * @param review true when the link to the firm is unsure and waits for a person to check
 * @param fetchedAt when the article was fetched (ISO-8601)
 */
public record Signal(String enterprise, String enterpriseName, SignalType type, String typeName, @Nullable Long amountYuan,
		@Nullable RegionRef region, String date, String url, String title, String snippet, double confidence, boolean review,
		String fetchedAt) {

	/** A region by code and name. */
	public record RegionRef(String code, String name) {
	}
}
