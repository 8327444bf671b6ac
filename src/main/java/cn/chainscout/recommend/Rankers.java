package cn.chainscout.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ways to score every enterprise as a possible maker of a product: ChainScout's and the baselines
 * the evaluation compares it with. Each returns one score per enterprise; known makers are left to
 * the caller to exclude.
 */
public final class Rankers {

	/** Scores every enterprise for one product. */
	public interface Ranker {

		String name();

		double[] scores(MakerGraph g, int product);
	}

	private Rankers() {
	}

	/** Character pairs of a name (and single characters for one-character names). */
	static int[] bigrams(String name) {
		String n = name.replaceAll("[\\s\"'“”‘’()（）\\-—_/、,，.;；:：]", "");
		if (n.length() < 2) {
			return n.isEmpty() ? new int[0] : new int[] { n.charAt(0) };
		}
		int[] out = new int[n.length() - 1];
		for (int i = 0; i + 1 < n.length(); i++) {
			out[i] = (n.charAt(i) << 16) | n.charAt(i + 1);
		}
		return Arrays.stream(out).distinct().sorted().toArray();
	}

	/** Inverted index of product-name bigrams, built once per graph (names are not labels). */
	static final class NameIndex {

		final int[][] grams;

		final Map<Integer, int[]> postings = new HashMap<>();

		NameIndex(MakerGraph g) {
			grams = new int[g.productNames.length][];
			Map<Integer, List<Integer>> lists = new HashMap<>();
			for (int p = 0; p < grams.length; p++) {
				grams[p] = bigrams(g.productNames[p]);
				for (int b : grams[p]) {
					lists.computeIfAbsent(b, k -> new ArrayList<>()).add(p);
				}
			}
			lists.forEach((b, l) -> postings.put(b, l.stream().mapToInt(Integer::intValue).toArray()));
		}

		/** Jaccard similarity of bigram sets to every product sharing one, except the product itself. */
		Map<Integer, Double> similar(int p) {
			Map<Integer, Integer> shared = new HashMap<>();
			for (int b : grams[p]) {
				int[] post = postings.get(b);
				if (post == null || post.length > 5000) {
					continue;
				}
				for (int q : post) {
					if (q != p) {
						shared.merge(q, 1, Integer::sum);
					}
				}
			}
			Map<Integer, Double> sim = new HashMap<>();
			shared.forEach((q, s) -> sim.put(q, s / (double) (grams[p].length + grams[q].length - s)));
			return sim;
		}
	}

	/**
	 * Each enterprise as a TF-IDF vector of the character pairs of the names of the products it
	 * makes (and, weighted by half, of its own short name), L2-normalised, with postings by pair.
	 */
	/** Weight of a pair from the enterprise's full name, relative to one product name. */
	static final double FULL_NAME_WEIGHT = 0.5;

	/** Weight of a pair from the names of its Shenwan industries (all three levels). */
	static final double INDUSTRY_NAME_WEIGHT = 0.5;

	static final class Profiles {

		final Map<Integer, int[]> enterprisesByGram = new HashMap<>();

		final Map<Integer, double[]> weightsByGram = new HashMap<>();

		final Map<Integer, Double> idf = new HashMap<>();

		Profiles(MakerGraph g) {
			NameIndex names = names(g);
			int n = g.enterprises();
			Map<Integer, Integer> df = new HashMap<>();
			List<Map<Integer, Double>> tf = new ArrayList<>(n);
			for (int e = 0; e < n; e++) {
				Map<Integer, Double> v = new HashMap<>();
				for (int q : g.products[e]) {
					for (int b : names.grams[q]) {
						v.merge(b, 1.0, Double::sum);
					}
				}
				for (int b : bigrams(g.enterpriseNames[e])) {
					v.merge(b, 0.5, Double::sum);
				}
				if (g.enterpriseFullNames != null) {
					for (int b : bigrams(g.enterpriseFullNames[e])) {
						v.merge(b, FULL_NAME_WEIGHT, Double::sum);
					}
				}
				if (g.enterpriseIndustryNames != null && g.enterpriseIndustryNames[e] != null) {
					for (int b : bigrams(g.enterpriseIndustryNames[e])) {
						v.merge(b, INDUSTRY_NAME_WEIGHT, Double::sum);
					}
				}
				tf.add(v);
				for (int b : v.keySet()) {
					df.merge(b, 1, Integer::sum);
				}
			}
			df.forEach((b, d) -> idf.put(b, Math.log(1 + n / (double) d)));
			Map<Integer, List<double[]>> post = new HashMap<>();
			for (int e = 0; e < n; e++) {
				Map<Integer, Double> v = tf.get(e);
				double norm = 0;
				for (Map.Entry<Integer, Double> x : v.entrySet()) {
					double w = Math.log(1 + x.getValue()) * idf.get(x.getKey());
					x.setValue(w);
					norm += w * w;
				}
				double len = Math.sqrt(norm);
				for (Map.Entry<Integer, Double> x : v.entrySet()) {
					post.computeIfAbsent(x.getKey(), k -> new ArrayList<>()).add(new double[] { e, x.getValue() / len });
				}
			}
			post.forEach((b, l) -> {
				int[] es = new int[l.size()];
				double[] ws = new double[l.size()];
				for (int i = 0; i < es.length; i++) {
					es[i] = (int) l.get(i)[0];
					ws[i] = l.get(i)[1];
				}
				enterprisesByGram.put(b, es);
				weightsByGram.put(b, ws);
			});
		}

		/** Cosine of the product name's pairs with every enterprise's profile. */
		double[] cosine(MakerGraph g, int product) {
			double[] s = new double[g.enterprises()];
			int[] grams = names(g).grams[product];
			double qn = 0;
			for (int b : grams) {
				double w = idf.getOrDefault(b, 0.0);
				qn += w * w;
			}
			if (qn == 0) {
				return s;
			}
			double ql = Math.sqrt(qn);
			for (int b : grams) {
				int[] es = enterprisesByGram.get(b);
				if (es == null) {
					continue;
				}
				double qw = idf.get(b) / ql;
				double[] ws = weightsByGram.get(b);
				for (int i = 0; i < es.length; i++) {
					s[es[i]] += qw * ws[i];
				}
			}
			return s;
		}
	}

	private static final Map<MakerGraph, Profiles> PROFILES = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

	static Profiles profiles(MakerGraph g) {
		return PROFILES.computeIfAbsent(g, Profiles::new);
	}

	private static final Map<MakerGraph, NameIndex> NAME_INDEXES = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

	static NameIndex names(MakerGraph g) {
		return NAME_INDEXES.computeIfAbsent(g, NameIndex::new);
	}

	/** Baseline: enterprises with more products first. */
	public static final Ranker POPULARITY = new Ranker() {
		public String name() {
			return "popularity";
		}

		public double[] scores(MakerGraph g, int product) {
			double[] s = new double[g.enterprises()];
			for (int e = 0; e < s.length; e++) {
				s[e] = g.products[e].length;
			}
			return s;
		}
	};

	/** Baseline: the share of the product's makers in the enterprise's industry. */
	public static final Ranker INDUSTRY = new Ranker() {
		public String name() {
			return "industry-of-makers";
		}

		public double[] scores(MakerGraph g, int product) {
			Map<Integer, Integer> byIndustry = new HashMap<>();
			for (int m : g.makers[product]) {
				if (g.enterpriseIndustry[m] >= 0) {
					byIndustry.merge(g.enterpriseIndustry[m], 1, Integer::sum);
				}
			}
			double[] s = new double[g.enterprises()];
			int n = Math.max(1, g.makers[product].length);
			for (int e = 0; e < s.length; e++) {
				int ind = g.enterpriseIndustry[e];
				s[e] = (ind < 0 ? 0 : byIndustry.getOrDefault(ind, 0) / (double) n) + 1e-6 * g.products[e].length;
			}
			return s;
		}
	};

	/** Baseline: the best Jaccard overlap between the product's makers and the makers of one of the enterprise's products. */
	public static final Ranker CO_OCCURRENCE = new Ranker() {
		public String name() {
			return "co-occurrence (Jaccard)";
		}

		public double[] scores(MakerGraph g, int product) {
			double[] s = new double[g.enterprises()];
			cooccurrence(g, product).forEach((q, inter) -> {
				double j = inter / (double) (g.makers[product].length + g.makers[q].length - inter);
				for (int e : g.makers[q]) {
					s[e] = Math.max(s[e], j);
				}
			});
			return s;
		}
	};

	/** Baseline: the best name similarity (character pairs) between the product and one of the enterprise's products. */
	public static final Ranker NAME_BIGRAMS = new Ranker() {
		public String name() {
			return "name bigrams";
		}

		public double[] scores(MakerGraph g, int product) {
			double[] s = new double[g.enterprises()];
			names(g).similar(product).forEach((q, sim) -> {
				for (int e : g.makers[q]) {
					s[e] = Math.max(s[e], sim);
				}
			});
			return s;
		}
	};

	/** For each product sharing a maker with {@code product}: how many makers they share. */
	static Map<Integer, Integer> cooccurrence(MakerGraph g, int product) {
		Map<Integer, Integer> inter = new HashMap<>();
		for (int m : g.makers[product]) {
			for (int q : g.products[m]) {
				if (q != product) {
					inter.merge(q, 1, Integer::sum);
				}
			}
		}
		return inter;
	}

	/** Not a baseline of the issue: TF-IDF cosine of the product's name with each enterprise's product names. */
	public static final Ranker PROFILE = new Ranker() {
		public String name() {
			return "name profile (TF-IDF)";
		}

		public double[] scores(MakerGraph g, int product) {
			return profiles(g).cosine(g, product);
		}
	};

	public static List<Ranker> baselines() {
		return List.of(POPULARITY, INDUSTRY, CO_OCCURRENCE, NAME_BIGRAMS);
	}
}
