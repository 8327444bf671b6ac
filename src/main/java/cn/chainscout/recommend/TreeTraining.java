package cn.chainscout.recommend;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Trains the learned order of likely makers ({@code evaluate --train-trees}): on the held-out links
 * of tuning splits (seeds 1 and 2 by default, never the reported 42 and 7), each held-out product is
 * a query whose candidates are the linear ranker's best {@link LearnedLikelyMakers#DEPTH}, and its
 * held-out makers are the relevant ones. Each set of hyper-parameters is trained on one split and
 * measured on the other, both ways, every 25 trees; the best set and number of trees by mean
 * hits@10 + MRR is then trained on both splits together and written as JSON.
 */
final class TreeTraining {

	/** A query with what the metrics need: the filtered ranks of held-out links the candidates miss. */
	record Labelled(LambdaMart.Query query, double[] missedRanks) {
	}

	/** hits@1/10/50 and MRR over all held-out links of some queries. */
	record Metrics(int links, double hits1, double hits10, double hits50, double mrr) {

		double objective() {
			return hits10 + mrr;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "hits@1 %.3f, hits@10 %.3f, hits@50 %.3f, MRR %.3f (%,d links)", hits1, hits10, hits50, mrr, links);
		}
	}

	private TreeTraining() {
	}

	/** The queries of one split, in product order. */
	static List<Labelled> queries(MakerGraph full, long seed, double fraction, LikelyMakers linear, int depth) {
		Evaluation.Split split = Evaluation.split(full, seed, fraction);
		MakerGraph g = split.train();
		List<Labelled> out = new ArrayList<>();
		for (int product : new TreeSet<>(split.heldByProduct().keySet())) {
			Set<Integer> held = split.heldByProduct().get(product);
			LearnedLikelyMakers.Candidates c = LearnedLikelyMakers.candidates(linear, g, product, depth);
			boolean[] relevant = new boolean[c.enterprises().length];
			Set<Integer> found = new java.util.HashSet<>();
			for (int i = 0; i < relevant.length; i++) {
				relevant[i] = held.contains(c.enterprises()[i]);
				if (relevant[i]) {
					found.add(c.enterprises()[i]);
				}
			}
			double[] missed = held.stream()
				.filter(e -> !found.contains(e))
				.mapToDouble(e -> Evaluation.rank(g, c.linear(), new MakerGraph.Link(e, product), held))
				.toArray();
			out.add(new Labelled(new LambdaMart.Query(c.features(), relevant), missed));
		}
		return out;
	}

	/** The metrics of a model on labelled queries, ranked as the evaluation ranks (filtered, ties share the mean rank). */
	static Metrics metrics(List<Labelled> queries, java.util.function.ToDoubleFunction<float[]> model) {
		double h1 = 0, h10 = 0, h50 = 0, mrr = 0;
		int links = 0;
		for (Labelled l : queries) {
			float[][] x = l.query().x();
			boolean[] relevant = l.query().relevant();
			double[] s = new double[x.length];
			for (int i = 0; i < x.length; i++) {
				s[i] = model.applyAsDouble(x[i]);
			}
			List<Double> ranks = new ArrayList<>();
			for (int i = 0; i < x.length; i++) {
				if (!relevant[i]) {
					continue;
				}
				int greater = 0;
				int ties = 0;
				for (int j = 0; j < x.length; j++) {
					if (relevant[j]) {
						continue;
					}
					greater += s[j] > s[i] ? 1 : 0;
					ties += s[j] == s[i] ? 1 : 0;
				}
				ranks.add(1 + greater + ties / 2.0);
			}
			for (double r : l.missedRanks()) {
				ranks.add(r);
			}
			for (double r : ranks) {
				links++;
				h1 += r <= 1 ? 1 : 0;
				h10 += r <= 10 ? 1 : 0;
				h50 += r <= 50 ? 1 : 0;
				mrr += 1 / r;
			}
		}
		int n = Math.max(1, links);
		return new Metrics(links, h1 / n, h10 / n, h50 / n, mrr / n);
	}

	/** Queries with at least one relevant candidate (the others give no gradient). */
	private static List<LambdaMart.Query> trainable(List<Labelled> queries) {
		List<LambdaMart.Query> out = new ArrayList<>();
		for (Labelled l : queries) {
			for (boolean r : l.query().relevant()) {
				if (r) {
					out.add(l.query());
					break;
				}
			}
		}
		return out;
	}

	/** The metrics of the linear order (the candidates' position) on the same queries: what the trees must beat. */
	static Metrics metricsOfLinear(List<Labelled> queries) {
		int position = MakerFeatures.NAMES.indexOf("linearPosition");
		return metrics(queries, x -> -x[position]);
	}

	/** How many nodes split on each feature, most first. */
	static String splitsByFeature(BoostedTrees model) {
		java.util.Map<String, Integer> count = new java.util.HashMap<>();
		for (BoostedTrees.Tree t : model.trees()) {
			for (int f : t.feature()) {
				if (f >= 0) {
					count.merge(model.features().get(f), 1, Integer::sum);
				}
			}
		}
		return count.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).map(e -> e.getKey() + " " + e.getValue())
			.collect(java.util.stream.Collectors.joining(", "));
	}

	/**
	 * Trains one model with settings chosen before on the held-out links of every seed listed, and
	 * writes it: more training queries for the same settings.
	 */
	static BoostedTrees trainFixed(MakerGraph full, long[] seeds, double fraction, LambdaMart.Params params, Path out, PrintStream log)
			throws IOException {
		LikelyMakers linear = new LikelyMakers();
		List<LambdaMart.Query> all = new ArrayList<>();
		for (long seed : seeds) {
			long t0 = System.nanoTime();
			List<Labelled> split = queries(full, seed, fraction, linear, LearnedLikelyMakers.DEPTH);
			all.addAll(trainable(split));
			log.printf(Locale.ROOT, "seed %d: %,d queries, %,d trainable, features in %.1f s%n", seed, split.size(), trainable(split).size(),
					(System.nanoTime() - t0) / 1e9);
		}
		String trainedWith = String.format(Locale.ROOT, "%s; held-out links of seeds %s (fraction %.2f), candidates the linear best %d;"
				+ " settings chosen before by training on seed 1 and measuring on seed 2 and the reverse", params,
				Arrays.stream(seeds).mapToObj(Long::toString).collect(java.util.stream.Collectors.joining(", ")), fraction, LearnedLikelyMakers.DEPTH);
		long t0 = System.nanoTime();
		BoostedTrees model = LambdaMart.fit(MakerFeatures.NAMES, all, params, trainedWith);
		log.printf(Locale.ROOT, "trained %s on %,d queries in %.1f s; splits by feature: %s%n", params, all.size(), (System.nanoTime() - t0) / 1e9,
				splitsByFeature(model));
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, model.toJson(), StandardCharsets.UTF_8);
		log.println("written to " + out);
		return model;
	}

	/**
	 * @param grid hyper-parameter sets to compare
	 * @param out where the chosen model is written
	 */
	static @Nullable BoostedTrees train(MakerGraph full, long[] seeds, double fraction, List<LambdaMart.Params> grid, Path out, PrintStream log,
			boolean oneWay) throws IOException {
		if (seeds.length != 2) {
			throw new IllegalArgumentException("--seeds 应为两个调参种子，如 1,2；实际为 " + Arrays.toString(seeds));
		}
		LikelyMakers linear = new LikelyMakers();
		List<List<Labelled>> splits = new ArrayList<>();
		for (long seed : seeds) {
			long t0 = System.nanoTime();
			splits.add(queries(full, seed, fraction, linear, LearnedLikelyMakers.DEPTH));
			log.printf(Locale.ROOT, "seed %d: %,d queries, %,d trainable, features in %.1f s%n", seed, splits.get(splits.size() - 1).size(),
					trainable(splits.get(splits.size() - 1)).size(), (System.nanoTime() - t0) / 1e9);
		}
		LambdaMart.@Nullable Params best = null;
		int bestTrees = 0;
		double bestObjective = Double.NEGATIVE_INFINITY;
		for (LambdaMart.Params p : grid) {
			double[] sum = new double[p.trees() / 25 + 1];
			Metrics[][] at = new Metrics[2][p.trees() / 25 + 1];
			for (int a = 0; a < (oneWay ? 1 : 2); a++) {
				List<Labelled> valid = splits.get(1 - a);
				int direction = a;
				long t0 = System.nanoTime();
				BoostedTrees model = LambdaMart.fit(MakerFeatures.NAMES, trainable(splits.get(a)), p, p.toString());
				for (int k = 25; k <= model.size(); k += 25) {
					Metrics m = metrics(valid, model.first(k)::score);
					at[direction][k / 25] = m;
					sum[k / 25] += m.objective();
				}
				log.printf(Locale.ROOT, "  %s: trained on seed %d in %.1f s; splits by feature: %s%n", p, seeds[a], (System.nanoTime() - t0) / 1e9,
						splitsByFeature(model));
			}
			for (int k = 1; k < sum.length; k++) {
				if (oneWay && at[0][k] != null) {
					log.printf(Locale.ROOT, "  %s, %d trees: on seed %d %s%n", p, k * 25, seeds[1], at[0][k]);
				}
				if (at[0][k] == null || at[1][k] == null) {
					continue;
				}
				log.printf(Locale.ROOT, "  %s, %d trees: on seed %d %s; on seed %d %s%n", p, k * 25, seeds[1], at[0][k], seeds[0], at[1][k]);
				if (sum[k] > bestObjective) {
					bestObjective = sum[k];
					best = p;
					bestTrees = k * 25;
				}
			}
		}
		for (int a = 0; a < 2; a++) {
			log.printf(Locale.ROOT, "linear order on seed %d: %s%n", seeds[a], metricsOfLinear(splits.get(a)));
		}
		if (oneWay) {
			return null;
		}
		if (best == null) {
			throw new IllegalStateException("没有可用的超参数组合");
		}
		LambdaMart.Params chosen = new LambdaMart.Params(bestTrees, best.depth(), best.learningRate(), best.minLeaf(), best.l2());
		List<LambdaMart.Query> both = new ArrayList<>(trainable(splits.get(0)));
		both.addAll(trainable(splits.get(1)));
		String trainedWith = String.format(Locale.ROOT, "%s; held-out links of seeds %d and %d (fraction %.2f), candidates the linear best %d;"
				+ " chosen by training on one seed and measuring on the other", chosen, seeds[0], seeds[1], fraction, LearnedLikelyMakers.DEPTH);
		BoostedTrees model = LambdaMart.fit(MakerFeatures.NAMES, both, chosen, trainedWith);
		log.printf(Locale.ROOT, "chosen: %s (mean hits@10 + MRR on the other seed %.3f); trained on both seeds%n", chosen, bestObjective / 2);
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, model.toJson(), StandardCharsets.UTF_8);
		log.println("written to " + out);
		return model;
	}
}
