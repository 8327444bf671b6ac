package cn.chainscout.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The features the learned ranker reads for one (product, candidate enterprise) pair: the linear
 * ranker's signals (each scaled to 0..1 for the product), how the candidate ranks by them among all
 * enterprises, what kind of product it is, and a few facts about the enterprise. Computed the same
 * way for training and for answering.
 */
final class MakerFeatures {

	static final List<String> NAMES;

	static {
		List<String> names = new ArrayList<>(Arrays.asList(LikelyMakers.Signals.NAMES));
		names.addAll(List.of("linear", "linearPosition", "bm25Rank", "profileRank", "coProductionRank", "headRank", "productMakers",
				"nameLength", "enterpriseProducts", "enterpriseSoleShare", "bm25Raw", "bm25Max", "coProductionRaw", "shortNameOverlap",
				"fullNameOverlap", "bestProductSimilarity", "productRelations", "industrySize", "styleRaw", "linearGapToFirst"));
		NAMES = List.copyOf(names);
	}

	private MakerFeatures() {
	}

	/**
	 * @param candidates enterprises in the linear ranker's order
	 * @param linear the linear scores of all enterprises
	 */
	static float[][] of(MakerGraph g, int product, LikelyMakers.Signals s, double[] linear, int[] candidates) {
		double[][] signals = s.all();
		EnterpriseFacts facts = EnterpriseFacts.of(g);
		String name = NameSignals.clean(g.productNames[product]);
		Map<Integer, Double> similar = Rankers.names(g).similar(product);
		double[] sortedBm25 = ascending(s.bm25());
		double[] sortedProfile = ascending(s.profile());
		double[] sortedCo = ascending(s.coProduction());
		double[] sortedHead = ascending(s.head());
		double first = candidates.length == 0 ? 0 : linear[candidates[0]];
		float[][] out = new float[candidates.length][NAMES.size()];
		for (int c = 0; c < candidates.length; c++) {
			int e = candidates[c];
			float[] x = out[c];
			int k = 0;
			for (double[] signal : signals) {
				x[k++] = (float) signal[e];
			}
			x[k++] = (float) linear[e];
			x[k++] = c;
			x[k++] = rank(sortedBm25, s.bm25()[e]);
			x[k++] = rank(sortedProfile, s.profile()[e]);
			x[k++] = rank(sortedCo, s.coProduction()[e]);
			x[k++] = rank(sortedHead, s.head()[e]);
			x[k++] = g.makers[product].length;
			x[k++] = name.length();
			x[k++] = g.products[e].length;
			x[k++] = (float) facts.soleShare[e];
			x[k++] = (float) (s.bm25()[e] * s.max()[2]);
			x[k++] = (float) s.max()[2];
			x[k++] = (float) (s.coProduction()[e] * s.max()[0]);
			x[k++] = commonSubstring(name, NameSignals.clean(g.enterpriseNames[e]));
			x[k++] = g.enterpriseFullNames == null ? 0 : commonSubstring(name, NameSignals.clean(g.enterpriseFullNames[e]));
			double best = 0;
			for (int q : g.products[e]) {
				best = Math.max(best, similar.getOrDefault(q, 0.0));
			}
			x[k++] = (float) best;
			x[k++] = g.related[product].length;
			x[k++] = facts.industrySize[e];
			x[k++] = (float) (s.style()[e] * s.max()[10]);
			x[k++] = (float) (first - linear[e]);
		}
		return out;
	}

	private static double[] ascending(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		return s;
	}

	/** How many values are above v (0 for the highest), read from the values sorted ascending. */
	private static float rank(double[] ascending, double v) {
		int i = Arrays.binarySearch(ascending, v);
		if (i < 0) {
			i = -i - 1;
		}
		else {
			while (i + 1 < ascending.length && ascending[i + 1] == v) {
				i++;
			}
			i++;
		}
		return ascending.length - i;
	}

	/** Length of the longest common substring of two strings. */
	static int commonSubstring(String a, String b) {
		int best = 0;
		int[] prev = new int[b.length() + 1];
		int[] cur = new int[b.length() + 1];
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				cur[j] = a.charAt(i - 1) == b.charAt(j - 1) ? prev[j - 1] + 1 : 0;
				best = Math.max(best, cur[j]);
			}
			int[] t = prev;
			prev = cur;
			cur = t;
		}
		return best;
	}

	/** Facts about each enterprise that do not depend on the product, computed once per graph. */
	static final class EnterpriseFacts {

		/** share of its products that no other enterprise makes */
		final double[] soleShare;

		/** how many enterprises share its level-3 industry */
		final int[] industrySize;

		private EnterpriseFacts(MakerGraph g) {
			int n = g.enterprises();
			soleShare = new double[n];
			industrySize = new int[n];
			Map<Integer, Integer> byIndustry = new java.util.HashMap<>();
			for (int e = 0; e < n; e++) {
				int sole = 0;
				for (int q : g.products[e]) {
					sole += g.makers[q].length == 1 ? 1 : 0;
				}
				soleShare[e] = g.products[e].length == 0 ? 0 : sole / (double) g.products[e].length;
				if (g.enterpriseIndustry[e] >= 0) {
					byIndustry.merge(g.enterpriseIndustry[e], 1, Integer::sum);
				}
			}
			for (int e = 0; e < n; e++) {
				industrySize[e] = g.enterpriseIndustry[e] < 0 ? 0 : byIndustry.get(g.enterpriseIndustry[e]);
			}
		}

		private static final Map<MakerGraph, EnterpriseFacts> CACHE = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

		static EnterpriseFacts of(MakerGraph g) {
			return CACHE.computeIfAbsent(g, EnterpriseFacts::new);
		}
	}
}
