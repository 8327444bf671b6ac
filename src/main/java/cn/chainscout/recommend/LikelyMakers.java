package cn.chainscout.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * ChainScout's likely-makers ranking: who probably makes a product although the graph has no such
 * link. It adds up, each scaled to 0..1 for the product asked about:
 * <ul>
 * <li>co-production (协同生产): the enterprise makes products whose makers overlap the product's
 * makers (sum of cosine similarities of maker sets), and the share of one unit that reaches it
 * from those makers through their products (resource allocation);</li>
 * <li>name (名称相近): the product's name against the names of the enterprise's products, its full
 * name and its industries: BM25 of character 1–3-grams, plus the TF-IDF profile of character
 * pairs;</li>
 * <li>head (品类词相同): the enterprise makes a product whose name ends the same way (the last 2–4
 * characters, 隔膜 of 湿法隔膜), the longer the better;</li>
 * <li>start (名称开头相同): the enterprise makes a product whose name begins the same way (the first
 * 2–4 characters, 保健品 of 保健品胶囊);</li>
 * <li>industry (行业): the share of the product's makers (or, for a product nobody makes, of the
 * makers of similarly named products) in the enterprise's industry;</li>
 * <li>industry by name (行业常产同类): how often makers in the enterprise's level-3 industry make
 * products whose names share the product's characters and head;</li>
 * <li>relations (上下游关联): the enterprise makes a product the graph relates to this one
 * (upstream material, downstream product, subclass), or, less, one related to such a product;</li>
 * <li>style (名称写法相同): the enterprise writes the same punctuation or Latin letters in its
 * product names;</li>
 * <li>a little size (规模): how many products the enterprise makes.</li>
 * </ul>
 * The weights depend on the product: one set when it has other known makers, one when it has
 * none. Both were tuned on held-out splits of seeds 1 and 2 (see BENCHMARKS.md).
 */
public final class LikelyMakers implements Rankers.Ranker {

	/**
	 * Weights of the parts, each applied to a signal scaled to 0..1 for the product; they sum to 1.
	 * Co-production adds two signals (cosine of maker sets, and resource allocation over the
	 * enterprise–product graph), the name part two (BM25 and the pair profile), relations two (one
	 * hop and two hops).
	 */
	public record Weights(double coProduction, double allocation, double name, double nameProfile, double head, double start,
			double industry, double industryByName, double relations, double relations2, double style, double size) {

		/** For a product with other known makers; tuned on seeds 1 and 2 (not on the reported seeds 42 and 7). */
		public static final Weights KNOWN_MAKERS = new Weights(1.5360, 0.0420, 0.0981, 0, 0.0574, 0.0392, 0.0240, 0.0280, 0.0028, 0.0300, 0,
				0.0213).normalised();

		/** For a product nobody else makes: only names, relations and industry can find its makers. */
		public static final Weights NO_MAKERS = new Weights(0, 0, 0.1145, 0.0030, 0.0410, 0.0400, 0.0060, 0.0240, 0.0020, 0.0100, 0.0600,
				0.0213).normalised();

		double sum() {
			return coProduction + allocation + name + nameProfile + head + start + industry + industryByName + relations + relations2 + style + size;
		}

		/** The same weights scaled to sum to 1 (the ranking does not change). */
		Weights normalised() {
			double t = sum();
			return new Weights(coProduction / t, allocation / t, name / t, nameProfile / t, head / t, start / t, industry / t, industryByName / t,
					relations / t, relations2 / t, style / t, size / t);
		}
	}

	private final Weights knownMakers;

	private final Weights noMakers;

	/** Weights conditioned on the product: one set when it has other known makers, one when it has none. */
	public LikelyMakers(Weights knownMakers, Weights noMakers) {
		this.knownMakers = knownMakers;
		this.noMakers = noMakers;
	}

	public LikelyMakers(Weights w) {
		this(w, w);
	}

	public LikelyMakers() {
		this(Weights.KNOWN_MAKERS, Weights.NO_MAKERS);
	}

	@Override
	public String name() {
		return "ChainScout likely makers, weighted sum";
	}

	/** The parts of one enterprise's score, each already weighted, and what they rest on. */
	record Parts(double[] coProduction, double[] name, double[] head, double[] start, double[] industry, double[] industryByName,
			double[] relations, double[] style, double[] size) {

		double total(int e) {
			return coProduction[e] + name[e] + head[e] + start[e] + industry[e] + industryByName[e] + relations[e] + style[e] + size[e];
		}
	}

	@Override
	public double[] scores(MakerGraph g, int product) {
		Parts parts = parts(g, product);
		double[] s = new double[g.enterprises()];
		for (int e = 0; e < s.length; e++) {
			s[e] = parts.total(e);
		}
		return s;
	}

	/**
	 * The signals of every enterprise for one product, each scaled to 0..1 for the product (divided
	 * by its highest value, kept in {@code max}), before any weight. The learned ranker reads them as
	 * features; the weights below turn them into the explained parts.
	 */
	record Signals(double[] coProduction, double[] allocation, double[] bm25, double[] profile, double[] head, double[] start,
			double[] industry, double[] industryByName, double[] relations, double[] relations2, double[] style, double[] size,
			double[] max) {

		static final String[] NAMES = { "coProduction", "allocation", "bm25", "profile", "head", "start", "industry", "industryByName",
				"relations", "relations2", "style", "size" };

		double[][] all() {
			return new double[][] { coProduction, allocation, bm25, profile, head, start, industry, industryByName, relations, relations2, style,
					size };
		}
	}

	Signals signals(MakerGraph g, int product) {
		int n = g.enterprises();
		int pm = g.makers[product].length;
		NameSignals signals = NameSignals.of(g);
		double[] cf = new double[n];
		double[] allocation = new double[n];
		if (pm > 0) {
			Rankers.cooccurrence(g, product).forEach((q, inter) -> {
				double cos = inter / Math.sqrt((double) pm * g.makers[q].length);
				for (int e : g.makers[q]) {
					cf[e] += cos;
				}
			});
			allocate(g, product, allocation);
		}
		double[] bm25 = signals.bm25(g, product);
		double[] profile = Rankers.profiles(g).cosine(g, product);
		Map<Integer, Double> similar = Rankers.names(g).similar(product);
		int[] headLength = signals.headLength(g, product);
		int[] startLength = signals.startLength(g, product);
		double[] head = new double[n];
		double[] start = new double[n];
		for (int e = 0; e < n; e++) {
			head[e] = headLength[e];
			start[e] = startLength[e];
		}
		double[] rel = new double[n];
		double[] rel2 = new double[n];
		for (int r : g.related[product]) {
			double weight = 1 / Math.log(2 + g.makers[r].length);
			for (int e : g.makers[r]) {
				rel[e] += weight;
			}
			for (int r2 : g.related[r]) {
				if (r2 != product) {
					double weight2 = 1 / Math.log(2 + g.makers[r2].length) / Math.log(2 + g.related[r].length);
					for (int e : g.makers[r2]) {
						rel2[e] += weight2;
					}
				}
			}
		}
		double[] style = signals.style(g, product);
		Map<Integer, Double> industryShare = new HashMap<>();
		double total = 0;
		if (pm > 0) {
			for (int m : g.makers[product]) {
				if (g.enterpriseIndustry[m] >= 0) {
					industryShare.merge(g.enterpriseIndustry[m], 1.0, Double::sum);
				}
				total += 1;
			}
		}
		else {
			for (Map.Entry<Integer, Double> s : similar.entrySet()) {
				for (int m : g.makers[s.getKey()]) {
					if (g.enterpriseIndustry[m] >= 0) {
						industryShare.merge(g.enterpriseIndustry[m], s.getValue(), Double::sum);
					}
					total += s.getValue();
				}
			}
		}
		Map<Integer, Double> byName = signals.industriesByName(g, product);
		double[] ind = new double[n];
		double[] indName = new double[n];
		double[] size = new double[n];
		for (int e = 0; e < n; e++) {
			int i = g.enterpriseIndustry[e];
			ind[e] = i < 0 || total == 0 ? 0 : industryShare.getOrDefault(i, 0.0) / total;
			indName[e] = i < 0 ? 0 : byName.getOrDefault(i, 0.0);
			size[e] = Math.log(1 + g.products[e].length);
		}
		Signals s = new Signals(cf, allocation, bm25, profile, head, start, ind, indName, rel, rel2, style, size, new double[12]);
		double[][] all = s.all();
		for (int k = 0; k < all.length; k++) {
			s.max()[k] = scale(all[k], 1);
		}
		return s;
	}

	Parts parts(MakerGraph g, int product) {
		return parts(g, product, signals(g, product));
	}

	/** The weighted parts from the signals (which it leaves unchanged). */
	Parts parts(MakerGraph g, int product, Signals s) {
		int n = g.enterprises();
		// The two kinds of product behave differently (a held-out maker of a product with other makers
		// is found by co-production, one of a product nobody else makes by its name alone).
		Weights w = g.makers[product].length > 0 ? knownMakers : noMakers;
		double[] cf = new double[n];
		double[] name = new double[n];
		double[] head = new double[n];
		double[] start = new double[n];
		double[] ind = new double[n];
		double[] indName = new double[n];
		double[] rel = new double[n];
		double[] style = new double[n];
		double[] size = new double[n];
		for (int e = 0; e < n; e++) {
			cf[e] = s.coProduction()[e] * w.coProduction() + s.allocation()[e] * w.allocation();
			name[e] = s.bm25()[e] * w.name() + s.profile()[e] * w.nameProfile();
			head[e] = s.head()[e] * w.head();
			start[e] = s.start()[e] * w.start();
			ind[e] = s.industry()[e] * w.industry();
			indName[e] = s.industryByName()[e] * w.industryByName();
			rel[e] = s.relations()[e] * w.relations() + s.relations2()[e] * w.relations2();
			style[e] = s.style()[e] * w.style();
			size[e] = s.size()[e] * w.size();
		}
		return new Parts(cf, name, head, start, ind, indName, rel, style, size);
	}

	/**
	 * Resource allocation from the product's makers: each passes an equal share of one unit to each
	 * of its products, and each product on to each of its makers. Unlike the cosine it discounts
	 * makers of many products and products of many makers.
	 */
	private static void allocate(MakerGraph g, int product, double[] into) {
		Map<Integer, Double> onProduct = new HashMap<>();
		int pm = g.makers[product].length;
		for (int m : g.makers[product]) {
			double share = 1.0 / pm / g.products[m].length;
			for (int q : g.products[m]) {
				if (q != product) {
					onProduct.merge(q, share, Double::sum);
				}
			}
		}
		onProduct.forEach((q, v) -> {
			double share = v / g.makers[q].length;
			for (int e : g.makers[q]) {
				into[e] += share;
			}
		});
	}

	/** Scales the values so that the highest is {@code weight}; returns the highest before (0 leaves them unchanged). */
	private static double scale(double[] v, double weight) {
		double max = 0;
		for (double x : v) {
			max = Math.max(max, x);
		}
		if (max == 0) {
			return 0;
		}
		for (int i = 0; i < v.length; i++) {
			v[i] = v[i] / max * weight;
		}
		return max;
	}

	/**
	 * A ranked likely maker with its score's parts in words. The parts add up to {@code score};
	 * {@code rankScore} is what the list is ordered by: the learned model's score, or for the linear
	 * ranker the same as {@code score}; null below the depth the model re-orders (those follow in the
	 * linear order).
	 */
	public record Candidate(String code, String name, double score, @Nullable Double rankScore, List<Part> parts) {
	}

	/** One part of a score: its name, its weighted value, and the evidence. */
	public record Part(String name, double value, String evidence) {
	}

	/** The top enterprises not known to make the product, each explained; the parts add up to the score. */
	public List<Candidate> top(MakerGraph g, int product, int limit) {
		Parts parts = parts(g, product);
		double[] total = new double[g.enterprises()];
		for (int e = 0; e < total.length; e++) {
			total[e] = parts.total(e);
		}
		int[] order = topByScore(g, product, total, limit, parts.size());
		return explain(g, product, parts, order, total);
	}

	/**
	 * The best {@code limit} enterprises by score that are not known makers, ties by enterprise index,
	 * kept in a bounded heap: a large graph has hundreds of thousands of scored enterprises, and sorting
	 * them all costs seconds. With {@code floor}, only those scoring above it.
	 */
	static int[] topByScore(MakerGraph g, int product, double[] total, int limit, double @Nullable [] floor) {
		java.util.Set<Integer> known = new java.util.HashSet<>();
		for (int m : g.makers[product]) {
			known.add(m);
		}
		java.util.Comparator<Integer> worstFirst = (a, b) -> total[a] != total[b] ? Double.compare(total[a], total[b]) : Integer.compare(b, a);
		java.util.PriorityQueue<Integer> heap = new java.util.PriorityQueue<>(Math.max(1, limit + 1), worstFirst);
		for (int e = 0; e < g.enterprises(); e++) {
			if (known.contains(e) || (floor != null && !(total[e] > floor[e]))) {
				continue;
			}
			heap.add(e);
			if (heap.size() > limit) {
				heap.poll();
			}
		}
		List<Integer> order = new ArrayList<>(heap);
		order.sort(worstFirst.reversed());
		return order.stream().mapToInt(Integer::intValue).toArray();
	}

	/** The enterprises in the given order, each with its parts and their evidence. */
	List<Candidate> explain(MakerGraph g, int product, Parts parts, int[] order, double[] rankScore) {
		Map<Integer, Double> similar = Rankers.names(g).similar(product);
		Map<Integer, Integer> coMade = Rankers.cooccurrence(g, product);
		List<Candidate> out = new ArrayList<>();
		for (int e : order) {
			List<Part> ps = new ArrayList<>();
			if (parts.coProduction()[e] > 0) {
				int q = best(g.products[e], coMade);
				ps.add(new Part("协同生产", round(parts.coProduction()[e]), q < 0 ? ""
						: "生产 " + g.productNames[q] + "（" + coMade.get(q) + " 家共同生产企业），与该产品的生产企业有共同产品"));
			}
			if (parts.name()[e] > 0) {
				int q = best(g.products[e], similar);
				ps.add(new Part("名称相近", round(parts.name()[e]), q >= 0 ? "生产 " + g.productNames[q] : nameEvidence(g, product, e)));
			}
			if (parts.head()[e] > 0) {
				int q = NameSignals.sharingProduct(g, product, e, false);
				ps.add(new Part("品类词相同", round(parts.head()[e]),
						q < 0 ? "" : "生产 " + g.productNames[q] + "，与该产品同以“" + commonHead(g.productNames[q], g.productNames[product]) + "”结尾"));
			}
			if (parts.start()[e] > 0) {
				int q = NameSignals.sharingProduct(g, product, e, true);
				ps.add(new Part("名称开头相同", round(parts.start()[e]),
						q < 0 ? "" : "生产 " + g.productNames[q] + "，与该产品同以“" + commonStart(g.productNames[q], g.productNames[product]) + "”开头"));
			}
			if (parts.relations()[e] > 0) {
				ps.add(new Part("上下游关联", round(parts.relations()[e]), relationEvidence(g, product, e)));
			}
			if (parts.style()[e] > 0) {
				ps.add(new Part("名称写法相同", round(parts.style()[e]), styleEvidence(g, product, e)));
			}
			if (parts.industry()[e] > 0) {
				ps.add(new Part("行业", round(parts.industry()[e]), "同行业企业常生产该产品"));
			}
			if (parts.industryByName()[e] > 0) {
				String gram = NameSignals.of(g).strongestGram(g, product, g.enterpriseIndustry[e]);
				ps.add(new Part("行业常产同类", round(parts.industryByName()[e]),
						gram.isEmpty() ? "同行业企业常生产名称相近的产品" : "同行业企业常生产名称含“" + gram + "”的产品"));
			}
			if (parts.size()[e] > 0) {
				ps.add(new Part("规模", round(parts.size()[e]), "生产 " + g.products[e].length + " 种产品"));
			}
			double score = ps.stream().mapToDouble(Part::value).sum();
			out.add(new Candidate(g.enterpriseCodes[e], g.enterpriseNames[e], round(score), round(rankScore[e]), ps));
		}
		return out;
	}

	/** The related products the enterprise makes (up to three), or else those two relations away. */
	static String relationEvidence(MakerGraph g, int product, int e) {
		java.util.Set<String> direct = new java.util.LinkedHashSet<>();
		java.util.Set<String> twoHops = new java.util.LinkedHashSet<>();
		for (int r : g.related[product]) {
			if (makes(g, e, r)) {
				direct.add(g.productNames[r]);
			}
			for (int r2 : g.related[r]) {
				if (r2 != product && twoHops.size() < 3 && makes(g, e, r2)) {
					twoHops.add(g.productNames[r2] + "（经 " + g.productNames[r] + "）");
				}
			}
		}
		return direct.isEmpty() ? "生产关联产品的关联产品 " + String.join("、", twoHops)
				: "生产关联产品 " + String.join("、", direct.stream().limit(3).toList());
	}

	private static boolean makes(MakerGraph g, int e, int product) {
		for (int q : g.products[e]) {
			if (q == product) {
				return true;
			}
		}
		return false;
	}

	/** The style characters of the product's name that the enterprise also writes, and one of its names that has them. */
	static String styleEvidence(MakerGraph g, int product, int e) {
		java.util.Set<Character> mine = NameSignals.styleCharacters(g.productNames[product]);
		for (int q : g.products[e]) {
			java.util.Set<Character> shared = new java.util.TreeSet<>(NameSignals.styleCharacters(g.productNames[q]));
			shared.retainAll(mine);
			if (!shared.isEmpty()) {
				StringBuilder chars = new StringBuilder();
				shared.forEach(c -> chars.append(c == ' ' ? "空格" : String.valueOf(c)));
				return "产品名称同样写有“" + chars + "”：" + g.productNames[q];
			}
		}
		return "";
	}

	/** Evidence of the name part when no product of the enterprise shares a character pair: the longest shared piece. */
	static String nameEvidence(MakerGraph g, int product, int e) {
		String name = NameSignals.clean(g.productNames[product]);
		String[] places = { null, "企业全称", "所属行业" };
		String[] texts = { null, g.enterpriseFullNames == null ? "" : NameSignals.clean(g.enterpriseFullNames[e]),
				g.enterpriseIndustryNames == null || g.enterpriseIndustryNames[e] == null ? "" : NameSignals.clean(g.enterpriseIndustryNames[e]) };
		StringBuilder all = new StringBuilder();
		for (int q : g.products[e]) {
			all.append(NameSignals.clean(g.productNames[q])).append('|');
		}
		places[0] = "所产产品名称";
		texts[0] = all.toString();
		for (int k = Math.min(3, name.length()); k >= 1; k--) {
			for (int i = 0; i + k <= name.length(); i++) {
				String piece = name.substring(i, i + k);
				for (int t = 0; t < texts.length; t++) {
					if (texts[t].contains(piece)) {
						return places[t] + "含“" + piece + "”";
					}
				}
			}
		}
		return "";
	}

	/** The longest common beginning (2–4 characters) of two names. */
	static String commonStart(String a, String b) {
		String x = NameSignals.clean(a);
		String y = NameSignals.clean(b);
		String best = "";
		for (int k = NameSignals.MIN_HEAD; k <= NameSignals.MAX_HEAD && k <= x.length() && k <= y.length(); k++) {
			if (x.startsWith(y.substring(0, k))) {
				best = y.substring(0, k);
			}
		}
		return best;
	}

	/** The longest common ending (2–4 characters) of two names. */
	static String commonHead(String a, String b) {
		String x = NameSignals.clean(a);
		String y = NameSignals.clean(b);
		String best = "";
		for (int k = NameSignals.MIN_HEAD; k <= NameSignals.MAX_HEAD && k <= x.length() && k <= y.length(); k++) {
			if (x.endsWith(y.substring(y.length() - k))) {
				best = y.substring(y.length() - k);
			}
		}
		return best;
	}

	/** Of an enterprise's products, the one with the highest positive value in the map, or -1. */
	private static int best(int[] products, Map<Integer, ? extends Number> value) {
		int best = -1;
		double bestValue = 0;
		for (int q : products) {
			Number v = value.get(q);
			if (v != null && v.doubleValue() > bestValue) {
				bestValue = v.doubleValue();
				best = q;
			}
		}
		return best;
	}

	static double round(double d) {
		return Math.round(d * 10000) / 10000.0;
	}
}
