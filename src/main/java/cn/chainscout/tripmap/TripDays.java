package cn.chainscout.tripmap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a route into days. A visit takes {@link #VISIT_HOURS} hours; moving between two stops in
 * the same city takes {@link #IN_CITY_HOURS}; between cities, the great-circle distance × {@link #DETOUR}
 * at {@link #KM_PER_HOUR} km/h. A day holds at most {@link #VISITS_PER_DAY} visits and
 * {@link #HOURS_PER_DAY} hours; the stop that would overflow starts the next day, whose hours include
 * the travel to it (the evening before or that morning).
 */
final class TripDays {

	static final int VISITS_PER_DAY = 5;

	static final double HOURS_PER_DAY = 9.0;

	static final double VISIT_HOURS = 1.5;

	static final double IN_CITY_HOURS = 0.5;

	static final double DETOUR = 1.25;

	static final double KM_PER_HOUR = 80;

	static final String RULE = "行程按城市就近排序（最近邻 + 2-opt，大圆距离），同一城市的站点连续安排、引荐人在前。每站拜访 " + VISIT_HOURS
			+ " 小时；同城两站之间 " + IN_CITY_HOURS + " 小时；城市之间按大圆距离 × " + DETOUR + " ÷ " + (int) KM_PER_HOUR
			+ " 公里/小时计。每天最多 " + VISITS_PER_DAY + " 站、" + HOURS_PER_DAY + " 小时（含路上），超出的站顺延到下一天；"
			+ "天数不够时去掉得分最低的非必去站点，列为备选。位置只知到省的企业不排入路线，单独列出。";

	private TripDays() {
	}

	/** Groups stops by city in route order: cities ordered by {@link TripRoute}, stops within a city as given. */
	static List<TripPlan.Stop> route(TripRoute.Point start, List<TripPlan.Stop> stops) {
		Map<String, List<TripPlan.Stop>> byCity = new LinkedHashMap<>();
		Map<String, TripRoute.Point> points = new LinkedHashMap<>();
		for (TripPlan.Stop s : stops) {
			byCity.computeIfAbsent(s.city().code(), k -> new ArrayList<>()).add(s);
			points.putIfAbsent(s.city().code(), new TripRoute.Point(s.city().code(), s.lng(), s.lat()));
		}
		List<TripRoute.Point> order = TripRoute.order(start, new ArrayList<>(points.values()));
		List<TripPlan.Stop> out = new ArrayList<>(stops.size());
		order.forEach(p -> out.addAll(byCity.get(p.id())));
		return out;
	}

	/** The naive distance: cities in the order the stops are given (their rank). */
	static double naiveKm(TripRoute.Point start, List<TripPlan.Stop> ranked) {
		Map<String, TripRoute.Point> points = new LinkedHashMap<>();
		ranked.forEach(s -> points.putIfAbsent(s.city().code(), new TripRoute.Point(s.city().code(), s.lng(), s.lat())));
		return TripRoute.length(start, new ArrayList<>(points.values()));
	}

	/** Splits a routed list of stops into days. */
	static List<TripPlan.Day> split(TripRoute.Point start, List<TripPlan.Stop> routed) {
		List<TripPlan.Day> days = new ArrayList<>();
		List<TripPlan.Stop> current = new ArrayList<>();
		double hours = 0;
		double km = 0;
		TripRoute.Point at = start;
		String atCity = null;
		for (TripPlan.Stop s : routed) {
			TripRoute.Point p = new TripRoute.Point(s.city().code(), s.lng(), s.lat());
			boolean sameCity = s.city().code().equals(atCity);
			double travelKm = sameCity ? 0 : TripRoute.km(at, p);
			double travelHours = sameCity ? IN_CITY_HOURS : travelKm * DETOUR / KM_PER_HOUR;
			if (!current.isEmpty() && (current.size() >= VISITS_PER_DAY || hours + travelHours + VISIT_HOURS > HOURS_PER_DAY)) {
				days.add(new TripPlan.Day(days.size() + 1, round(km), round(hours), List.copyOf(current)));
				current = new ArrayList<>();
				hours = 0;
				km = 0;
				if (sameCity) {
					travelHours = 0;
				}
			}
			hours += travelHours + VISIT_HOURS;
			km += travelKm;
			current.add(s.at(0, travelKm));
			at = p;
			atCity = s.city().code();
		}
		if (!current.isEmpty()) {
			days.add(new TripPlan.Day(days.size() + 1, round(km), round(hours), List.copyOf(current)));
		}
		// Number the stops through the whole trip.
		List<TripPlan.Day> numbered = new ArrayList<>();
		int seq = 1;
		for (TripPlan.Day d : days) {
			List<TripPlan.Stop> stops = new ArrayList<>();
			for (TripPlan.Stop s : d.stops()) {
				stops.add(s.at(seq++, s.travelKmFromPrevious()));
			}
			numbered.add(new TripPlan.Day(d.day(), d.distanceKm(), d.hours(), List.copyOf(stops)));
		}
		return numbered;
	}

	static double round(double d) {
		return Math.round(d * 10) / 10.0;
	}
}
