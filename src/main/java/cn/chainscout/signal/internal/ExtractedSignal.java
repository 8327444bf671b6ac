package cn.chainscout.signal.internal;

import java.time.LocalDate;

import cn.chainscout.signal.SignalType;
import org.jspecify.annotations.Nullable;

/**
 * A signal read from one article, before it is stored.
 *
 * @param enterprise the firm's stock code
 * @param type what happened, or MENTION
 * @param amountYuan the amount the sentence gives, in yuan; null when none
 * @param region the GB/T 2260 code of where it happens; null when the text does not say
 * @param date when it happened, or the article's date
 * @param snippet the sentence it was read from
 * @param confidence 0..1: how sure the firm is meant, times how close the event word is
 * @param review true when the link is too unsure to show by default
 * @param matched the name as the text wrote it
 * @param method how the firm and the event were read, in Chinese
 */
public record ExtractedSignal(String enterprise, SignalType type, @Nullable Long amountYuan, @Nullable String region,
		LocalDate date, String snippet, double confidence, boolean review, String matched, String method) {
}
