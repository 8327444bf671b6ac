package cn.chainscout.tripmap;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A planned recruitment trip (招商行程): the days with their stops in visiting order, the firms whose
 * city is unknown (listed, never dropped), the alternates that did not fit the days, and totals.
 */
public record TripPlan(String id, String title, String createdAt, boolean sample, Request request, Place start, String rule,
		List<ChainColor> chains, List<Day> days, List<Stop> unlocated, List<Stop> alternates, Totals totals, List<String> warnings) {

	/** What the recruiter asked for. */
	public record Request(List<String> regions, List<String> chains, int days, String start, List<String> mustVisit) {
	}

	public record Place(String name, String code, double lng, double lat) {
	}

	public record ChainColor(String id, String name, String color) {
	}

	public record City(String code, String name) {
	}

	/** One day of the route; distance and hours include the travel to its first stop. */
	public record Day(int day, double distanceKm, double hours, List<Stop> stops) {
	}

	/**
	 * A stop: a target enterprise ({@code kind = enterprise}) or a referrer ({@code kind = referrer}).
	 * @param province for firms whose city is unknown, the province where known
	 */
	public record Stop(@Nullable Integer seq, String kind, @Nullable String code, String name, @Nullable String fullName,
			@Nullable String chain, @Nullable String chainName, @Nullable String referrerKind, @Nullable City city, @Nullable Double lng,
			@Nullable Double lat, @Nullable String address, List<String> reasons, @Nullable Double score, @Nullable String warmPath,
			@Nullable String contact, boolean mustVisit, @Nullable Double travelKmFromPrevious, @Nullable String province) {

		Stop at(int seq, double travelKm) {
			return new Stop(seq, kind, code, name, fullName, chain, chainName, referrerKind, city, lng, lat, address, reasons, score,
					warmPath, contact, mustVisit, Math.round(travelKm * 10) / 10.0, province);
		}

		/** The stop as it goes in a list without a route. */
		Stop unrouted() {
			return new Stop(null, kind, code, name, fullName, chain, chainName, referrerKind, city, lng, lat, address, reasons, score,
					warmPath, contact, mustVisit, null, province);
		}
	}

	/** @param naiveDistanceKm the same cities in the order the list ranks them */
	public record Totals(int stops, int cities, int days, double distanceKm, double naiveDistanceKm, double returnKm) {
	}
}
