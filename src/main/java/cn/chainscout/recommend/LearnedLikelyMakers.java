package cn.chainscout.recommend;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Likely makers ordered by a learned model: the linear ranker ({@link LikelyMakers}) picks the best
 * {@link #DEPTH} enterprises that are not known makers, and gradient-boosted trees
 * ({@link BoostedTrees}, trained by {@link LambdaMart} on the held-out links of seeds 1 to 4, settings chosen on 1 and 2) put
 * them in order from the linear signals and a few more facts ({@link MakerFeatures}). Enterprises
 * below that depth keep the linear order after them. The explanation stays the linear parts and
 * their evidence.
 */
public final class LearnedLikelyMakers implements Rankers.Ranker {

	/** The trees shipped in the jar, written by {@code evaluate --train-trees}. */
	static final String RESOURCE = "recommend/likely-makers-trees.json";

	/** How many of the linear ranker's best the trees re-order. */
	static final int DEPTH = 150;

	private final LikelyMakers linear;

	private final BoostedTrees trees;

	private final int depth;

	LearnedLikelyMakers(LikelyMakers linear, BoostedTrees trees, int depth) {
		if (!trees.features().equals(MakerFeatures.NAMES)) {
			throw new IllegalStateException("排序模型的特征与代码不一致：模型 " + trees.features() + "，代码 " + MakerFeatures.NAMES);
		}
		this.linear = linear;
		this.trees = trees;
		this.depth = depth;
	}

	/** The bundled trees over the tuned linear ranker. */
	public static LearnedLikelyMakers bundled() {
		return new LearnedLikelyMakers(new LikelyMakers(), bundledTrees(), DEPTH);
	}

	static BoostedTrees bundledTrees() {
		InputStream in = LearnedLikelyMakers.class.getClassLoader().getResourceAsStream(RESOURCE);
		if (in == null) {
			throw new IllegalStateException("缺少排序模型 " + RESOURCE + "（用 evaluate --train-trees 生成）");
		}
		return BoostedTrees.read(in);
	}

	@Override
	public String name() {
		return "ChainScout likely makers, learned order";
	}

	/** The linear ranker's best enterprises for a product, with their features and the linear parts. */
	record Candidates(int[] enterprises, float[][] features, LikelyMakers.Parts parts, double[] linear) {
	}

	static Candidates candidates(LikelyMakers linear, MakerGraph g, int product, int depth) {
		LikelyMakers.Signals signals = linear.signals(g, product);
		LikelyMakers.Parts parts = linear.parts(g, product, signals);
		double[] total = new double[g.enterprises()];
		for (int e = 0; e < total.length; e++) {
			total[e] = parts.total(e);
		}
		int[] top = LikelyMakers.topByScore(g, product, total, depth, null);
		return new Candidates(top, MakerFeatures.of(g, product, signals, total, top), parts, total);
	}

	/** The linear scores, with the re-ordered candidates above all others (linear scores are at most 1). */
	@Override
	public double[] scores(MakerGraph g, int product) {
		Candidates c = candidates(linear, g, product, depth);
		double[] s = c.linear().clone();
		for (int i = 0; i < c.enterprises().length; i++) {
			s[c.enterprises()[i]] = 1000 + trees.score(c.features()[i]);
		}
		return s;
	}

	/** The top enterprises in the learned order, each explained by the linear parts (which add up to its score). */
	public List<LikelyMakers.Candidate> top(MakerGraph g, int product, int limit) {
		Candidates c = candidates(linear, g, product, depth);
		int n = c.enterprises().length;
		double[] learned = new double[n];
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) {
			learned[i] = trees.score(c.features()[i]);
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> learned[a] != learned[b] ? Double.compare(learned[b], learned[a]) : Integer.compare(a, b));
		int[] ranked = new int[Math.min(limit, n)];
		double[] rankScore = new double[g.enterprises()];
		for (int i = 0; i < ranked.length; i++) {
			ranked[i] = c.enterprises()[order[i]];
			rankScore[ranked[i]] = learned[order[i]];
		}
		List<LikelyMakers.Candidate> out = new ArrayList<>(linear.explain(g, product, c.parts(), ranked, rankScore));
		if (limit > n) {
			// Below the model's depth: the linear order, after the re-ordered ones.
			int[] more = LikelyMakers.topByScore(g, product, c.linear(), limit, null);
			int[] rest = Arrays.copyOfRange(more, Math.min(n, more.length), more.length);
			for (LikelyMakers.Candidate x : linear.explain(g, product, c.parts(), rest, c.linear())) {
				out.add(new LikelyMakers.Candidate(x.code(), x.name(), x.score(), null, x.parts()));
			}
		}
		return out;
	}
}
