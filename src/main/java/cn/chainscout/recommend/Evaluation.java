package cn.chainscout.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Offline evaluation of likely makers: hold out a seeded random fraction of enterprise→product
 * links, build the graph without them, rank every enterprise for each held-out product, and find
 * where the held-out maker lands. Filtered: the product's other makers (known or held out) do not
 * count against it. Ties share their ranks (the mean rank of the tie).
 */
public final class Evaluation {

	/** Scores of one ranker. */
	public record Result(String ranker, int queries, double hits1, double hits10, double hits50, double mrr, double seconds,
			double warmHits10, double warmMrr, int warmQueries) {
	}

	/** All rankers on one split. */
	public record Report(long seed, double fraction, int links, int heldOut, int evaluated, List<Result> results) {

		public String table() {
			StringBuilder s = new StringBuilder();
			s.append(String.format(Locale.ROOT, "Seed %d, held out %.0f%% of %,d links: %,d held out, %,d evaluated%n%n", seed,
					fraction * 100, links, heldOut, evaluated));
			s.append("| ranker | hits@1 | hits@10 | hits@50 | MRR | hits@10, product has other makers | MRR, same | time |\n"
					+ "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
			for (Result r : results) {
				s.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f s |%n", r.ranker(), r.hits1(), r.hits10(),
						r.hits50(), r.mrr(), r.warmHits10(), r.warmMrr(), r.seconds()));
			}
			if (!results.isEmpty()) {
				s.append(String.format(Locale.ROOT, "%nOf the evaluated links, %,d are of a product that keeps at least one known maker in the training split.%n",
						results.get(0).warmQueries()));
			}
			return s.toString();
		}
	}

	private Evaluation() {
	}

	/** A seeded hold-out split: the graph without the held-out links, the held-out links, and them by product. */
	record Split(MakerGraph train, List<MakerGraph.Link> test, Map<Integer, Set<Integer>> heldByProduct, int links) {
	}

	static Split split(MakerGraph full, long seed, double fraction) {
		List<MakerGraph.Link> links = full.links();
		links.sort((a, b) -> a.product() != b.product() ? Integer.compare(a.product(), b.product()) : Integer.compare(a.enterprise(), b.enterprise()));
		Random random = new Random(seed);
		List<MakerGraph.Link> train = new ArrayList<>();
		List<MakerGraph.Link> test = new ArrayList<>();
		for (MakerGraph.Link l : links) {
			(random.nextDouble() < fraction ? test : train).add(l);
		}
		Map<Integer, Set<Integer>> heldByProduct = new HashMap<>();
		for (MakerGraph.Link l : test) {
			heldByProduct.computeIfAbsent(l.product(), k -> new HashSet<>()).add(l.enterprise());
		}
		return new Split(full.withLinks(train), test, heldByProduct, links.size());
	}

	/**
	 * @param fraction share of links held out
	 * @param maxQueries at most this many held-out links are ranked (a seeded sample), 0 for all
	 */
	public static Report run(MakerGraph full, long seed, double fraction, int maxQueries, List<Rankers.Ranker> rankers) {
		Split split = split(full, seed, fraction);
		MakerGraph g = split.train();
		List<MakerGraph.Link> test = split.test();
		Map<Integer, Set<Integer>> heldByProduct = split.heldByProduct();
		List<MakerGraph.Link> queries = new ArrayList<>(test);
		if (maxQueries > 0 && queries.size() > maxQueries) {
			java.util.Collections.shuffle(queries, new Random(seed + 1));
			queries = new ArrayList<>(queries.subList(0, maxQueries));
			queries.sort((a, b) -> Integer.compare(a.product(), b.product()));
		}
		List<Result> results = new ArrayList<>();
		for (Rankers.Ranker ranker : rankers) {
			long t0 = System.nanoTime();
			double h1 = 0, h10 = 0, h50 = 0, mrr = 0, wh10 = 0, wmrr = 0;
			int warm = 0;
			int lastProduct = -1;
			double[] scores = null;
			for (MakerGraph.Link q : queries) {
				if (q.product() != lastProduct) {
					scores = ranker.scores(g, q.product());
					for (int i = 0; i < scores.length; i++) {
						if (Double.isNaN(scores[i])) {
							// A score that is not a number ranks last, never first.
							scores[i] = Double.NEGATIVE_INFINITY;
						}
					}
					lastProduct = q.product();
				}
				double rank = rank(g, scores, q, heldByProduct.get(q.product()));
				h1 += rank <= 1 ? 1 : 0;
				h10 += rank <= 10 ? 1 : 0;
				h50 += rank <= 50 ? 1 : 0;
				mrr += 1 / rank;
				if (g.makers[q.product()].length > 0) {
					warm++;
					wh10 += rank <= 10 ? 1 : 0;
					wmrr += 1 / rank;
				}
			}
			int n = Math.max(1, queries.size());
			int w = Math.max(1, warm);
			results.add(new Result(ranker.name(), queries.size(), h1 / n, h10 / n, h50 / n, mrr / n, (System.nanoTime() - t0) / 1e9,
					wh10 / w, wmrr / w, warm));
		}
		return new Report(seed, fraction, split.links(), test.size(), queries.size(), results);
	}

	static double rank(MakerGraph g, double[] scores, MakerGraph.Link q, Set<Integer> held) {
		Set<Integer> skip = new HashSet<>(held);
		for (int m : g.makers[q.product()]) {
			skip.add(m);
		}
		double mine = scores[q.enterprise()];
		int greater = 0;
		int ties = 0;
		for (int e = 0; e < scores.length; e++) {
			if (e == q.enterprise() || skip.contains(e)) {
				continue;
			}
			if (scores[e] > mine) {
				greater++;
			}
			else if (scores[e] == mine) {
				ties++;
			}
		}
		return 1 + greater + ties / 2.0;
	}
}
