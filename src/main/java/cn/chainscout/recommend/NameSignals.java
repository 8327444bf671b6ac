package cn.chainscout.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Name signals of likely makers, built once per maker graph: character 1–3-grams of names.
 * <ul>
 * <li>BM25 of the product's name against each enterprise as one document: the names of its
 * products, and at half weight its full name and the names of its Shenwan industries (tf saturates,
 * long documents are discounted);</li>
 * <li>the product name's head, its last 2–4 characters (隔膜, 油墨): which enterprises make a
 * product with the same head, and how long the shared head is;</li>
 * <li>an industry prior from names: for each gram (and head) of a made product's name, how often
 * the makers are in each level-3 industry; a product's name then scores each industry;</li>
 * <li>the writing style of names: which enterprises write punctuation or Latin letters (“-”, “（”,
 * “CID”) in their product names. Product names come from each firm's own reports, so a firm's
 * habits recur in the names it lists.</li>
 * </ul>
 */
final class NameSignals {

	/** BM25 tf saturation and length normalisation. */
	static final double K1 = 1.2;

	static final double B = 0.75;

	/** Weight of a gram from the full name or the industry names, relative to one product name. */
	static final double SIDE_WEIGHT = 0.5;

	/** Heads are 2 to 4 characters and shorter than the name. */
	static final int MIN_HEAD = 2;

	static final int MAX_HEAD = 4;

	/** A head gram counts this much more than an inner gram in the industry prior. */
	static final double HEAD_BOOST = 2;

	private final Map<String, int[]> bm25Enterprises = new HashMap<>();

	private final Map<String, double[]> bm25Weights = new HashMap<>();

	private final Map<String, Double> bm25Idf = new HashMap<>();

	/** head → products with makers that end with it */
	private final Map<String, int[]> byHead = new HashMap<>();

	/** beginning (first 2–4 characters) → products with makers that start with it */
	private final Map<String, int[]> byStart = new HashMap<>();

	/** gram (or "$" + head) → industry → how many makers of products with that gram are in it */
	private final Map<String, Map<Integer, Double>> industryByGram = new HashMap<>();

	private final Map<String, Double> gramMakers = new HashMap<>();

	/** idf of grams over all product names */
	private final Map<String, Double> productIdf = new HashMap<>();

	private final double maxProductIdf;

	/** style character → enterprises that write it in a product name */
	private final Map<Character, int[]> styleUsers = new HashMap<>();

	NameSignals(MakerGraph g) {
		int n = g.enterprises();
		int pc = g.productCount();
		Map<String, Integer> df = new HashMap<>();
		for (int p = 0; p < pc; p++) {
			for (String x : grams(g.productNames[p])) {
				df.merge(x, 1, Integer::sum);
			}
		}
		maxProductIdf = Math.log(1 + pc);
		df.forEach((x, d) -> productIdf.put(x, Math.log(1 + pc / (double) d)));
		Map<String, List<Integer>> heads = new HashMap<>();
		Map<String, List<Integer>> starts = new HashMap<>();
		for (int p = 0; p < pc; p++) {
			if (g.makers[p].length == 0) {
				continue;
			}
			List<String> hs = heads(g.productNames[p]);
			for (String h : hs) {
				heads.computeIfAbsent(h, k -> new ArrayList<>()).add(p);
			}
			for (String b : starts(g.productNames[p])) {
				starts.computeIfAbsent(b, k -> new ArrayList<>()).add(p);
			}
			Set<String> keys = grams(g.productNames[p]);
			for (String h : hs) {
				keys.add("$" + h);
			}
			for (int e : g.makers[p]) {
				int ind = g.enterpriseIndustry[e];
				if (ind < 0) {
					continue;
				}
				for (String x : keys) {
					industryByGram.computeIfAbsent(x, k -> new HashMap<>()).merge(ind, 1.0, Double::sum);
					gramMakers.merge(x, 1.0, Double::sum);
				}
			}
		}
		heads.forEach((h, l) -> byHead.put(h, l.stream().mapToInt(Integer::intValue).toArray()));
		Map<Character, Postings> users = new HashMap<>();
		for (int e = 0; e < n; e++) {
			Set<Character> cs = new HashSet<>();
			for (int p : g.products[e]) {
				cs.addAll(styleCharacters(g.productNames[p]));
			}
			for (char c : cs) {
				users.computeIfAbsent(c, k -> new Postings()).add(e, 1);
			}
		}
		users.forEach((c, l) -> styleUsers.put(c, java.util.Arrays.copyOf(l.enterprises, l.size)));
		starts.forEach((h, l) -> byStart.put(h, l.stream().mapToInt(Integer::intValue).toArray()));
		// One enterprise's document at a time, into per-gram growable arrays (no per-posting objects:
		// the graph may hold a million enterprises); tf becomes the BM25 weight once lengths are known.
		Map<String, Postings> post = new HashMap<>();
		double[] length = new double[n];
		double total = 0;
		for (int e = 0; e < n; e++) {
			Map<String, Double> d = new HashMap<>();
			for (int p : g.products[e]) {
				for (String x : grams(g.productNames[p])) {
					d.merge(x, 1.0, Double::sum);
				}
			}
			if (g.enterpriseFullNames != null) {
				for (String x : grams(g.enterpriseFullNames[e])) {
					d.merge(x, SIDE_WEIGHT, Double::sum);
				}
			}
			if (g.enterpriseIndustryNames != null && g.enterpriseIndustryNames[e] != null) {
				for (String x : grams(g.enterpriseIndustryNames[e])) {
					d.merge(x, SIDE_WEIGHT, Double::sum);
				}
			}
			for (Map.Entry<String, Double> x : d.entrySet()) {
				post.computeIfAbsent(x.getKey(), k -> new Postings()).add(e, x.getValue());
				length[e] += x.getValue();
			}
			total += length[e];
		}
		double avg = n == 0 ? 1 : Math.max(1e-9, total / n);
		post.forEach((x, l) -> {
			int[] es = java.util.Arrays.copyOf(l.enterprises, l.size);
			double[] ws = new double[l.size];
			for (int i = 0; i < ws.length; i++) {
				double tf = l.tf[i];
				ws[i] = tf * (K1 + 1) / (tf + K1 * (1 - B + B * length[es[i]] / avg));
			}
			bm25Enterprises.put(x, es);
			bm25Weights.put(x, ws);
			bm25Idf.put(x, Math.log(1 + (n - es.length + 0.5) / (es.length + 0.5)));
		});
	}

	/** A growable list of (enterprise, tf). */
	private static final class Postings {

		int[] enterprises = new int[2];

		float[] tf = new float[2];

		int size;

		void add(int e, double w) {
			if (size == enterprises.length) {
				enterprises = java.util.Arrays.copyOf(enterprises, size * 2);
				tf = java.util.Arrays.copyOf(tf, size * 2);
			}
			enterprises[size] = e;
			tf[size++] = (float) w;
		}
	}

	/** The name without spaces and punctuation. */
	static String clean(String name) {
		return name == null ? "" : name.replaceAll("[\\s\"'“”‘’()（）\\-—_/、,，.;；:：]", "");
	}

	/** Distinct character 1-, 2- and 3-grams of a name. */
	static Set<String> grams(String name) {
		String c = clean(name);
		Set<String> out = new HashSet<>();
		for (int k = 1; k <= 3; k++) {
			for (int i = 0; i + k <= c.length(); i++) {
				out.add(c.substring(i, i + k));
			}
		}
		return out;
	}

	/** The name's heads: its last 2, 3 and 4 characters, each shorter than the name (隔膜 of 湿法隔膜). */
	static List<String> heads(String name) {
		String c = clean(name);
		List<String> out = new ArrayList<>();
		for (int k = MIN_HEAD; k <= MAX_HEAD && k < c.length(); k++) {
			out.add(c.substring(c.length() - k));
		}
		return out;
	}

	/** The name's beginnings: its first 2, 3 and 4 characters, each shorter than the name (保健品 of 保健品胶囊). */
	static List<String> starts(String name) {
		String c = clean(name);
		List<String> out = new ArrayList<>();
		for (int k = MIN_HEAD; k <= MAX_HEAD && k < c.length(); k++) {
			out.add(c.substring(0, k));
		}
		return out;
	}

	/** The characters of a name that are punctuation, spaces or Latin letters, as written (not cleaned). */
	static Set<Character> styleCharacters(String name) {
		Set<Character> out = new HashSet<>();
		for (char c : name.toCharArray()) {
			if (!Character.isLetterOrDigit(c) || (c >= 'A' && c <= 'z')) {
				out.add(c);
			}
		}
		return out;
	}

	/** Per enterprise: the style characters of the product's name that it also writes, each by its rarity (idf). */
	double[] style(MakerGraph g, int product) {
		double[] s = new double[g.enterprises()];
		for (char c : styleCharacters(g.productNames[product])) {
			int[] es = styleUsers.get(c);
			if (es == null) {
				continue;
			}
			double idf = Math.log(1 + g.enterprises() / (double) es.length);
			for (int e : es) {
				s[e] += idf;
			}
		}
		return s;
	}

	/** BM25 of the product's name against every enterprise. */
	double[] bm25(MakerGraph g, int product) {
		double[] s = new double[g.enterprises()];
		for (String x : grams(g.productNames[product])) {
			int[] es = bm25Enterprises.get(x);
			if (es == null) {
				continue;
			}
			double idf = bm25Idf.get(x);
			double[] ws = bm25Weights.get(x);
			for (int i = 0; i < es.length; i++) {
				s[es[i]] += idf * ws[i];
			}
		}
		return s;
	}

	/** Per enterprise, the longest head it shares with the product through one of its products (0 if none). */
	int[] headLength(MakerGraph g, int product) {
		return shared(g, product, heads(g.productNames[product]), byHead);
	}

	/** Per enterprise, the longest beginning it shares with the product through one of its products (0 if none). */
	int[] startLength(MakerGraph g, int product) {
		return shared(g, product, starts(g.productNames[product]), byStart);
	}

	private static int[] shared(MakerGraph g, int product, List<String> pieces, Map<String, int[]> index) {
		int[] s = new int[g.enterprises()];
		for (int i = 0; i < pieces.size(); i++) {
			int[] ps = index.get(pieces.get(i));
			if (ps == null) {
				continue;
			}
			int k = MIN_HEAD + i;
			for (int q : ps) {
				if (q != product) {
					for (int e : g.makers[q]) {
						s[e] = Math.max(s[e], k);
					}
				}
			}
		}
		return s;
	}

	/** The enterprise's product that shares the longest head (or, with {@code start}, beginning) with the product, or -1. */
	static int sharingProduct(MakerGraph g, int product, int e, boolean start) {
		String name = g.productNames[product];
		List<String> ps = start ? starts(name) : heads(name);
		int best = -1;
		int bestLen = 0;
		for (int q : g.products[e]) {
			if (q == product) {
				continue;
			}
			List<String> qs = start ? starts(g.productNames[q]) : heads(g.productNames[q]);
			for (int i = 0; i < ps.size(); i++) {
				if (qs.contains(ps.get(i)) && MIN_HEAD + i > bestLen) {
					bestLen = MIN_HEAD + i;
					best = q;
				}
			}
		}
		return best;
	}

	private double gramWeight(String key) {
		boolean head = key.startsWith("$");
		double idf = productIdf.getOrDefault(head ? key.substring(1) : key, maxProductIdf);
		return head ? HEAD_BOOST * idf : idf;
	}

	private Set<String> keys(MakerGraph g, int product) {
		Set<String> keys = grams(g.productNames[product]);
		for (String h : heads(g.productNames[product])) {
			keys.add("$" + h);
		}
		return keys;
	}

	/** Per industry: how strongly the product's name points to it (makers of products with its grams and heads). */
	Map<Integer, Double> industriesByName(MakerGraph g, int product) {
		Map<Integer, Double> out = new HashMap<>();
		for (String x : keys(g, product)) {
			Map<Integer, Double> d = industryByGram.get(x);
			if (d == null) {
				continue;
			}
			double w = gramWeight(x) / (gramMakers.get(x) + 1);
			d.forEach((ind, c) -> out.merge(ind, w * c, Double::sum));
		}
		return out;
	}

	/** The gram or head of the product's name that points most to the industry, for the evidence. */
	String strongestGram(MakerGraph g, int product, int industry) {
		String best = "";
		double bestValue = 0;
		for (String x : keys(g, product)) {
			Map<Integer, Double> d = industryByGram.get(x);
			if (d == null || !d.containsKey(industry)) {
				continue;
			}
			double v = gramWeight(x) * d.get(industry) / (gramMakers.get(x) + 1);
			String shown = x.startsWith("$") ? x.substring(1) : x;
			if (v > bestValue || (v == bestValue && shown.length() > best.length())) {
				bestValue = v;
				best = shown;
			}
		}
		return best;
	}

	private static final Map<MakerGraph, NameSignals> CACHE = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

	static NameSignals of(MakerGraph g) {
		return CACHE.computeIfAbsent(g, NameSignals::new);
	}
}
