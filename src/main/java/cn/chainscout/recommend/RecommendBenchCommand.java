package cn.chainscout.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.chainscout.chain.ChainMaps;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar chainscout.jar bench-recommend [--runs N]}: how long one chain's recommendations
 * (top 20, whole chain) take per chain as the running service answers them (the candidates read from
 * the graph cached; feedback, projects, warm paths and signals read per request), and cold, with the
 * chain maps and candidates computed again. Figures go to BENCHMARKS.md.
 */
public final class RecommendBenchCommand {

	private RecommendBenchCommand() {
	}

	public static int run(String[] args) {
		var parsed = cn.chainscout.system.CommandArgs.parse(args, java.util.Map.of("--runs", 20), "java -jar chainscout.jar bench-recommend [--runs N]");
		if (parsed == null) {
			return 2;
		}
		int runs = parsed.get("--runs");
		try (ConfigurableApplicationContext context = cn.chainscout.system.CommandArgs.start(parsed.spring())) {
			ChainMaps maps = context.getBean(ChainMaps.class);
			Recommendations recommendations = context.getBean(Recommendations.class);
			long enterprises = context.getBean(cn.chainscout.graph.Graph.class)
				.query("MATCH (e:Enterprise) RETURN count(e) AS n", java.util.Map.of()).get(0).get("n").asLong();
			List<String> ids = maps.list().stream().map(ChainMaps.Summary::id).toList();
			System.out.printf(Locale.ROOT, "Graph: %,d enterprises; %d chains; %d runs each%n%n", enterprises, ids.size(), runs);
			System.out.println("| chain | targets | p50 ms | p95 ms | cold p50 ms | cold max ms |");
			System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
			ids.forEach(id -> recommendations.recommend(id, null, null, 20));
			List<Double> all = new ArrayList<>();
			for (String id : ids) {
				double[] t = new double[runs];
				// The previous chain's cold runs dropped every cache: compute this chain once, untimed.
				recommendations.recommend(id, null, null, 20);
				int n = 0;
				for (int r = 0; r < runs; r++) {
					long t0 = System.nanoTime();
					n = recommendations.recommend(id, null, null, 20).orElseThrow().targets().size();
					t[r] = (System.nanoTime() - t0) / 1e6;
					all.add(t[r]);
				}
				double[] cold = new double[Math.max(3, runs / 4)];
				for (int r = 0; r < cold.length; r++) {
					maps.clear();
					recommendations.clear();
					long c0 = System.nanoTime();
					recommendations.recommend(id, null, null, 20).orElseThrow();
					cold[r] = (System.nanoTime() - c0) / 1e6;
				}
				System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f |%n", id, n, pct(t, 50), pct(t, 95), pct(cold, 50), pct(cold, 100));
			}
			double[] a = all.stream().mapToDouble(Double::doubleValue).toArray();
			System.out.printf(Locale.ROOT, "| **all** | | %.0f | %.0f | | |%n", pct(a, 50), pct(a, 95));
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
