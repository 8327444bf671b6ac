package cn.chainscout.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar chainscout.jar bench-chains [--runs N]}: how long a chain map and a gap list take
 * to compute from the graph (cache dropped before every run), per chain, and served from the cache.
 * Figures go to BENCHMARKS.md.
 */
public final class ChainBenchCommand {

	private ChainBenchCommand() {
	}

	public static int run(String[] args) {
		var parsed = cn.chainscout.system.CommandArgs.parse(args, java.util.Map.of("--runs", 10), "java -jar chainscout.jar bench-chains [--runs N]");
		if (parsed == null) {
			return 2;
		}
		int runs = parsed.get("--runs");
		try (ConfigurableApplicationContext context = cn.chainscout.system.CommandArgs.start(parsed.spring())) {
			ChainMaps maps = context.getBean(ChainMaps.class);
			long enterprises = context.getBean(cn.chainscout.graph.Graph.class)
				.query("MATCH (e:Enterprise) RETURN count(e) AS n", java.util.Map.of()).get(0).get("n").asLong();
			List<String> ids = maps.list().stream().map(ChainMaps.Summary::id).toList();
			System.out.printf(Locale.ROOT, "Graph: %,d enterprises; %d chains; %d runs each, cache dropped before every run%n%n", enterprises,
					ids.size(), runs);
			System.out.println("| chain | map p50 ms | map p95 ms | gaps p50 ms | gaps p95 ms | node panel p95 ms |");
			System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
			for (String id : ids) {
				// One untimed pass, so the first chain measured does not pay for class loading and JIT.
				maps.clear();
				maps.map(id).ifPresent(m -> maps.makers(id, biggestLeaf(m), 30));
				maps.gaps(id);
			}
			List<Double> allMaps = new ArrayList<>();
			List<Double> allGaps = new ArrayList<>();
			List<Double> allPanels = new ArrayList<>();
			for (String id : ids) {
				double[] map = new double[runs];
				double[] gaps = new double[runs];
				double[] panel = new double[runs];
				for (int r = 0; r < runs; r++) {
					maps.clear();
					long t0 = System.nanoTime();
					ChainMap m = maps.map(id).orElseThrow();
					long t1 = System.nanoTime();
					maps.gaps(id).orElseThrow();
					long t2 = System.nanoTime();
					String biggest = biggestLeaf(m);
					long t3 = System.nanoTime();
					maps.makers(id, biggest, 30).orElseThrow();
					long t4 = System.nanoTime();
					map[r] = (t1 - t0) / 1e6;
					gaps[r] = (t2 - t1) / 1e6;
					panel[r] = (t4 - t3) / 1e6;
				}
				Arrays.stream(map).forEach(allMaps::add);
				Arrays.stream(gaps).forEach(allGaps::add);
				Arrays.stream(panel).forEach(allPanels::add);
				System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.0f |%n", id, pct(map, 50), pct(map, 95), pct(gaps, 50),
						pct(gaps, 95), pct(panel, 95));
			}
			System.out.printf(Locale.ROOT, "| **all** | %.0f | %.0f | %.0f | %.0f | %.0f |%n", pct(allMaps, 50), pct(allMaps, 95),
					pct(allGaps, 50), pct(allGaps, 95), pct(allPanels, 95));
			for (String id : ids) {
				maps.map(id);
				maps.gaps(id);
			}
			double[] warm = new double[runs * ids.size()];
			int k = 0;
			for (int r = 0; r < runs; r++) {
				for (String id : ids) {
					long t0 = System.nanoTime();
					maps.map(id).orElseThrow();
					maps.gaps(id).orElseThrow();
					warm[k++] = (System.nanoTime() - t0) / 1e6;
				}
			}
			System.out.printf(Locale.ROOT, "%nServed from the cache (map + gaps): p50 %.3f ms, p95 %.3f ms%n", pct(warm, 50), pct(warm, 95));
			return 0;
		}
		catch (RuntimeException ex) {
			System.err.println("测量失败: " + cn.chainscout.system.Problems.forPeople(ex));
			return 1;
		}
	}

	static String biggestLeaf(ChainMap map) {
		ChainMap.Node[] best = new ChainMap.Node[1];
		ChainMaps.walk(map.nodes(), n -> {
			if (n.leaf() && (best[0] == null || n.makers() > best[0].makers())) {
				best[0] = n;
			}
		});
		return best[0].id();
	}

	static double pct(List<Double> values, int p) {
		return pct(values.stream().mapToDouble(Double::doubleValue).toArray(), p);
	}

	static double pct(double[] values, int p) {
		return cn.chainscout.system.Percentiles.of(values, p);
	}
}
