package cn.chainscout.signal;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Filters of a signal search. A null field does not filter.
 *
 * @param enterprise stock code
 * @param type one type; without it every event type, but not MENTION
 * @param region a region code: signals in it or in any division inside it
 * @param since the earliest event date
 * @param includeReview also the links flagged for review
 * @param page from 1
 * @param size 1..100
 */
public record SignalQuery(@Nullable String enterprise, @Nullable SignalType type, @Nullable String region,
		@Nullable LocalDate since, boolean includeReview, int page, int size) {
}
