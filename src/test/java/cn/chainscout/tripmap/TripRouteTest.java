package cn.chainscout.tripmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.chainscout.region.Gazetteer;
import cn.chainscout.region.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class TripRouteTest {

	static final Gazetteer GAZETTEER = Gazetteer.load();

	static TripRoute.Point city(String name) {
		Region r = GAZETTEER.find(name).orElseThrow();
		return new TripRoute.Point(r.code(), r.lng(), r.lat());
	}

	@ParameterizedTest
	@CsvSource({ "上海市, 北京市, 1000, 1120", "桐城市, 安庆市, 30, 70", "广州市, 深圳市, 90, 120", "苏州市, 苏州市, 0, 0.001" })
	void greatCircleDistancesAreWhatAMapSays(String a, String b, double min, double max) {
		assertThat(TripRoute.km(city(a), city(b))).isBetween(min, max);
	}

	@Test
	void aRouteThroughTheDeltaVisitsNeighboursInTurnAndBeatsTheRankedOrder() {
		TripRoute.Point start = city("桐城市");
		List<TripRoute.Point> ranked = List.of(city("上海市"), city("合肥市"), city("苏州市"), city("南京市"), city("杭州市"), city("无锡市"));
		List<TripRoute.Point> route = TripRoute.order(start, ranked);
		assertThat(route).containsExactlyInAnyOrderElementsOf(ranked);
		assertThat(route.get(0).id()).isEqualTo("340100");
		assertThat(TripRoute.length(start, route)).isLessThan(TripRoute.length(start, ranked));
	}

	@Test
	void neverLongerThanTheNaiveOrderOnRandomCities() {
		List<Region> cities = GAZETTEER.all().stream().filter(r -> r.level() == Region.Level.PREFECTURE && r.lng() != null).toList();
		Random random = new Random(7);
		for (int trial = 0; trial < 30; trial++) {
			List<TripRoute.Point> points = new ArrayList<>();
			for (int i = 0; i < 5 + random.nextInt(40); i++) {
				Region r = cities.get(random.nextInt(cities.size()));
				points.add(new TripRoute.Point(r.code() + "#" + i, r.lng(), r.lat()));
			}
			TripRoute.Point start = city("桐城市");
			List<TripRoute.Point> route = TripRoute.order(start, points);
			assertThat(route).hasSameSizeAs(points).containsExactlyInAnyOrderElementsOf(points);
			assertThat(TripRoute.length(start, route)).isLessThanOrEqualTo(TripRoute.length(start, points) + 1e-6);
			assertThat(TripRoute.length(start, route)).isLessThanOrEqualTo(TripRoute.length(start, TripRoute.nearestNeighbour(start, points)) + 1e-6);
		}
	}

	@Test
	void daysHoldAtMostFiveVisitsAndNineHoursAndNeverReturnToACity() {
		TripRoute.Point start = city("桐城市");
		List<TripPlan.Stop> stops = new ArrayList<>();
		String[] names = { "上海市", "上海市", "上海市", "苏州市", "苏州市", "无锡市", "南京市", "南京市", "杭州市", "宁波市", "合肥市", "合肥市" };
		for (int i = 0; i < names.length; i++) {
			Region r = GAZETTEER.find(names[i]).orElseThrow();
			stops.add(new TripPlan.Stop(null, "enterprise", "C" + i, "企业" + i, null, null, null, null, new TripPlan.City(r.code(), r.name()),
					r.lng(), r.lat(), null, List.of(), 1.0 - i / 100.0, null, null, false, null, null));
		}
		List<TripPlan.Stop> routed = TripDays.route(start, stops);
		List<TripPlan.Day> days = TripDays.split(start, routed);
		int seq = 1;
		for (TripPlan.Day d : days) {
			assertThat(d.stops()).hasSizeBetween(1, TripDays.VISITS_PER_DAY);
			assertThat(d.hours()).isLessThanOrEqualTo(TripDays.HOURS_PER_DAY + (d.stops().size() == 1 ? 100 : 0));
			List<String> cities = d.stops().stream().map(s -> s.city().code()).toList();
			for (int i = 1; i < cities.size(); i++) {
				if (!cities.get(i).equals(cities.get(i - 1))) {
					assertThat(cities.subList(i, cities.size())).as("day %d returns to a city", d.day()).doesNotContain(cities.get(i - 1));
				}
			}
			for (TripPlan.Stop s : d.stops()) {
				assertThat(s.seq()).isEqualTo(seq++);
			}
			assertThat(d.distanceKm()).isCloseTo(d.stops().stream().mapToDouble(TripPlan.Stop::travelKmFromPrevious).sum(), offset(0.5));
		}
		assertThat(days.stream().mapToInt(d -> d.stops().size()).sum()).isEqualTo(stops.size());
	}
}
