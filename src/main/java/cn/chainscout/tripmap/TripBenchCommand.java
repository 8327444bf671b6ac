package cn.chainscout.tripmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import cn.chainscout.region.Gazetteer;
import cn.chainscout.region.Region;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar chainscout.jar bench-trips [--stops 300] [--runs 20]}: how long routing and
 * splitting a trip of that many stops takes (stops in seeded random prefecture cities), then how long
 * planning a real trip on the graph takes (all chains, 长三角 + 珠三角 + 京津冀, 10 days). Figures go to
 * BENCHMARKS.md.
 */
public final class TripBenchCommand {

	private TripBenchCommand() {
	}

	public static int run(String[] args) {
		var parsed = cn.chainscout.system.CommandArgs.parse(args, java.util.Map.of("--stops", 300, "--runs", 20),
				"java -jar chainscout.jar bench-trips [--stops N] [--runs N]");
		if (parsed == null) {
			return 2;
		}
		int stops = parsed.get("--stops");
		int runs = parsed.get("--runs");
		Gazetteer gazetteer = Gazetteer.load();
		List<Region> cities = gazetteer.all().stream().filter(r -> r.level() == Region.Level.PREFECTURE && r.lng() != null).toList();
		Region home = gazetteer.find("桐城市").orElseThrow();
		TripRoute.Point start = new TripRoute.Point(home.code(), home.lng(), home.lat());
		double[] times = new double[runs];
		double[] km = new double[runs];
		double[] naive = new double[runs];
		int[] days = new int[runs];
		int cityCount = 0;
		for (int r = -3; r < runs; r++) {
			Random random = new Random(42 + Math.max(r, 0));
			List<TripPlan.Stop> list = new ArrayList<>();
			for (int i = 0; i < stops; i++) {
				Region c = cities.get(random.nextInt(cities.size()));
				list.add(new TripPlan.Stop(null, "enterprise", "S" + i, "站" + i, null, null, null, null, new TripPlan.City(c.code(), c.name()),
						c.lng(), c.lat(), null, List.of(), 1.0, null, null, false, null, null));
			}
			long t0 = System.nanoTime();
			List<TripPlan.Stop> routed = TripDays.route(start, list);
			List<TripPlan.Day> split = TripDays.split(start, routed);
			long t1 = System.nanoTime();
			if (r >= 0) {
				times[r] = (t1 - t0) / 1e6;
				km[r] = split.stream().mapToDouble(TripPlan.Day::distanceKm).sum();
				naive[r] = TripDays.naiveKm(start, list);
				days[r] = split.size();
				cityCount = (int) list.stream().map(s -> s.city().code()).distinct().count();
			}
		}
		System.out.printf(Locale.ROOT, "Routing + day split, %d stops in ~%d cities, %d seeded runs: p50 %.1f ms, p95 %.1f ms; "
				+ "route %.0f km vs ranked order %.0f km (median, ratio %.2f); %d days (median)%n", stops, cityCount, runs, pct(times, 50),
				pct(times, 95), pct(km, 50), pct(naive, 50), pct(km, 50) / pct(naive, 50), (int) pct(Arrays.stream(days).asDoubleStream().toArray(), 50));

		try (ConfigurableApplicationContext context = cn.chainscout.system.CommandArgs.start(parsed.spring())) {
			TripPlanner planner = context.getBean(TripPlanner.class);
			TripPlan.Request request = new TripPlan.Request(List.of("长三角", "珠三角", "京津冀"), List.of(), 10, "桐城市", List.of());
			double[] plan = new double[Math.max(3, runs / 4)];
			TripPlan last = null;
			for (int r = -1; r < plan.length; r++) {
				long t0 = System.nanoTime();
				last = planner.compute(request);
				if (r >= 0) {
					plan[r] = (System.nanoTime() - t0) / 1e6;
				}
			}
			System.out.printf(Locale.ROOT, "Planning on the graph (all chains, 长三角+珠三角+京津冀, 10 days), %d runs: p50 %.0f ms, p95 %.0f ms; "
					+ "%d stops in %d cities, %d alternates, %d unlocated%n", plan.length, pct(plan, 50), pct(plan, 95), last.totals().stops(),
					last.totals().cities(), last.alternates().size(), last.unlocated().size());
			return 0;
		}
		catch (RuntimeException ex) {
			System.err.println("测量失败: " + cn.chainscout.system.Problems.forPeople(ex));
			return 1;
		}
	}

	static double pct(double[] values, int p) {
		return cn.chainscout.system.Percentiles.of(values, p);
	}
}
