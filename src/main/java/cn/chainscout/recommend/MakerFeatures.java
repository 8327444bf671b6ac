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
				"fullNameOverlap", "bestProductSimilarity", "productRelations", "industrySize", "styleRaw", "linearGapToFirst", "bestProductOverlap", "productsSharingPair", "enterpriseNameLength", "enterpriseStyleShare", "lastCharacterProducts",
				"lastCharacterRarity", "coProductionOfSimilar"));
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
		char last = name.isEmpty() ? 0 : name.charAt(name.length() - 1);
		int lastCount = facts.endingWith.getOrDefault(last, 0);
		float lastRarity = (float) Math.log(1 + g.productCount() / (1.0 + lastCount));
		Map<Integer, Double> onProducts = similarMakersProducts(g, product, similar);
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
			x[k++] = commonSubstring(name, facts.shortNames[e]);
			x[k++] = commonSubstring(name, facts.fullNames[e]);
			double best = 0;
			for (int q : g.products[e]) {
				best = Math.max(best, similar.getOrDefault(q, 0.0));
			}
			x[k++] = (float) best;
			x[k++] = g.related[product].length;
			x[k++] = facts.industrySize[e];
			x[k++] = (float) (s.style()[e] * s.max()[10]);
			x[k++] = (float) (first - linear[e]);
			int overlap = 0;
			int sharing = 0;
			for (int q : g.products[e]) {
				int common = commonSubstring(name, facts.productNames[q]);
				overlap = Math.max(overlap, common);
				sharing += common >= 2 ? 1 : 0;
			}
			x[k++] = name.isEmpty() ? 0 : overlap / (float) name.length();
			x[k++] = sharing;
			x[k++] = (float) facts.nameLength[e];
			x[k++] = (float) facts.styleShare[e];
			int ending = 0;
			double co = 0;
			for (int q : g.products[e]) {
				String other = facts.productNames[q];
				ending += !other.isEmpty() && other.charAt(other.length() - 1) == last ? 1 : 0;
				co += onProducts.getOrDefault(q, 0.0) / Math.sqrt(g.makers[q].length);
			}
			x[k++] = ending;
			x[k++] = ending > 0 ? lastRarity : 0;
			x[k++] = (float) co;
		}
		return out;
	}

	/** How many products there are at most in the similarly named set. */
	static final int SIMILAR_PRODUCTS = 30;

	/**
	 * Co-production from the makers of the most similarly named products (by character pairs): each
	 * passes its similarity, shared among its makers, to their other products. Gives a product nobody
	 * makes the collaborative signal of its namesakes.
	 */
	static Map<Integer, Double> similarMakersProducts(MakerGraph g, int product, Map<Integer, Double> similar) {
		List<Map.Entry<Integer, Double>> best = new ArrayList<>(similar.entrySet());
		best.removeIf(x -> g.makers[x.getKey()].length == 0);
		best.sort((a, b) -> !a.getValue().equals(b.getValue()) ? Double.compare(b.getValue(), a.getValue()) : Integer.compare(a.getKey(), b.getKey()));
		Map<Integer, Double> out = new java.util.HashMap<>();
		for (Map.Entry<Integer, Double> r : best.subList(0, Math.min(SIMILAR_PRODUCTS, best.size()))) {
			int[] makers = g.makers[r.getKey()];
			for (int m : makers) {
				double w = r.getValue() / makers.length / g.products[m].length;
				for (int q : g.products[m]) {
					if (q != product && q != r.getKey()) {
						out.merge(q, w, Double::sum);
					}
				}
			}
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

		/** last character of a product name → how many products with makers end with it */
		final Map<Character, Integer> endingWith = new java.util.HashMap<>();

		/** names without spaces and punctuation (cleaned once: a query reads those of 150 enterprises and their products) */
		final String[] productNames;

		final String[] shortNames;

		final String[] fullNames;

		/** mean length of its product names */
		final double[] nameLength;

		/** share of its product names written with punctuation or Latin letters */
		final double[] styleShare;

		private EnterpriseFacts(MakerGraph g) {
			int n = g.enterprises();
			soleShare = new double[n];
			industrySize = new int[n];
			nameLength = new double[n];
			styleShare = new double[n];
			productNames = new String[g.productCount()];
			for (int p = 0; p < productNames.length; p++) {
				productNames[p] = NameSignals.clean(g.productNames[p]);
			}
			shortNames = new String[n];
			fullNames = new String[n];
			for (int e = 0; e < n; e++) {
				shortNames[e] = NameSignals.clean(g.enterpriseNames[e]);
				fullNames[e] = g.enterpriseFullNames == null ? "" : NameSignals.clean(g.enterpriseFullNames[e]);
			}
			Map<Integer, Integer> byIndustry = new java.util.HashMap<>();
			for (int p = 0; p < g.productCount(); p++) {
				String c = productNames[p];
				if (g.makers[p].length > 0 && !c.isEmpty()) {
					endingWith.merge(c.charAt(c.length() - 1), 1, Integer::sum);
				}
			}
			for (int e = 0; e < n; e++) {
				int sole = 0;
				for (int q : g.products[e]) {
					sole += g.makers[q].length == 1 ? 1 : 0;
				}
				soleShare[e] = g.products[e].length == 0 ? 0 : sole / (double) g.products[e].length;
				int styled = 0;
				for (int q : g.products[e]) {
					nameLength[e] += productNames[q].length();
					styled += NameSignals.styleCharacters(g.productNames[q]).isEmpty() ? 0 : 1;
				}
				if (g.products[e].length > 0) {
					nameLength[e] /= g.products[e].length;
					styleShare[e] = styled / (double) g.products[e].length;
				}
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
