package cn.chainscout.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Learns {@link BoostedTrees} that rank (LambdaMART, after Burges, "From RankNet to LambdaRank to
 * LambdaMART", 2010): each round computes, for every query, a pairwise logistic gradient for each
 * pair of a relevant and an irrelevant candidate, weighted by how much swapping the two would change
 * the query's NDCG, and fits one regression tree to those gradients (Newton steps in the leaves).
 * Features are binned once into at most 255 quantile bins; trees grow level by level to a fixed
 * depth. Nothing is random, so the same data and parameters give the same trees.
 */
final class LambdaMart {

	/** Hyper-parameters. */
	record Params(int trees, int depth, double learningRate, int minLeaf, double l2) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "trees %d, depth %d, learning rate %.3f, min leaf %d, L2 %.1f", trees, depth, learningRate, minLeaf,
					l2);
		}
	}

	/** One query: the candidates' feature vectors and which of them are relevant. */
	record Query(float[][] x, boolean[] relevant) {
	}

	private static final int MAX_BINS = 255;

	private LambdaMart() {
	}

	static BoostedTrees fit(List<String> featureNames, List<Query> queries, Params p, String trainedWith) {
		int f = featureNames.size();
		int rows = 0;
		for (Query q : queries) {
			rows += q.x().length;
		}
		int[] start = new int[queries.size() + 1];
		for (int i = 0; i < queries.size(); i++) {
			start[i + 1] = start[i] + queries.get(i).x().length;
		}
		float[][] thresholds = new float[f][];
		byte[][] bins = new byte[f][rows];
		for (int k = 0; k < f; k++) {
			float[] column = new float[rows];
			int r = 0;
			for (Query q : queries) {
				for (float[] x : q.x()) {
					column[r++] = x[k];
				}
			}
			thresholds[k] = thresholds(column);
			for (r = 0; r < rows; r++) {
				bins[k][r] = (byte) bin(thresholds[k], column[r]);
			}
		}
		double[] score = new double[rows];
		double[] grad = new double[rows];
		double[] hess = new double[rows];
		List<BoostedTrees.Tree> trees = new ArrayList<>();
		for (int t = 0; t < p.trees(); t++) {
			Arrays.fill(grad, 0);
			Arrays.fill(hess, 0);
			for (int q = 0; q < queries.size(); q++) {
				lambdas(queries.get(q).relevant(), score, start[q], grad, hess);
			}
			BoostedTrees.Tree tree = grow(bins, thresholds, grad, hess, p);
			for (int q = 0, r = 0; q < queries.size(); q++) {
				for (float[] x : queries.get(q).x()) {
					score[r++] += tree.score(x);
				}
			}
			trees.add(tree);
		}
		return new BoostedTrees(featureNames, trees, trainedWith);
	}

	/** Bin boundaries: up to 254 distinct quantiles of the column (a value at most boundary i falls in bin i). */
	static float[] thresholds(float[] column) {
		float[] sorted = column.clone();
		Arrays.sort(sorted);
		List<Float> out = new ArrayList<>();
		int n = sorted.length;
		for (int b = 1; b < MAX_BINS; b++) {
			float v = sorted[(int) ((long) b * (n - 1) / MAX_BINS)];
			if (out.isEmpty() || v > out.get(out.size() - 1)) {
				out.add(v);
			}
		}
		if (n > 0 && !out.isEmpty() && out.get(out.size() - 1) >= sorted[n - 1]) {
			out.remove(out.size() - 1);
		}
		float[] t = new float[out.size()];
		for (int i = 0; i < t.length; i++) {
			t[i] = out.get(i);
		}
		return t;
	}

	static int bin(float[] thresholds, float v) {
		int i = Arrays.binarySearch(thresholds, v);
		return i >= 0 ? i : -i - 1;
	}

	/** Adds the query's lambdas (gradients of the NDCG-weighted pairwise logistic loss, to ascend) and their second derivatives. */
	static void lambdas(boolean[] relevant, double[] score, int from, double[] grad, double[] hess) {
		int n = relevant.length;
		int positives = 0;
		for (boolean r : relevant) {
			positives += r ? 1 : 0;
		}
		if (positives == 0 || positives == n) {
			return;
		}
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		// Ties by index, so that the positions (and the gradients) do not depend on the sort.
		Arrays.sort(order, (a, b) -> score[from + a] != score[from + b] ? Double.compare(score[from + b], score[from + a]) : Integer.compare(a, b));
		int[] position = new int[n];
		for (int i = 0; i < n; i++) {
			position[order[i]] = i;
		}
		double ideal = 0;
		for (int i = 0; i < positives; i++) {
			ideal += 1 / log2(i + 2);
		}
		for (int i = 0; i < n; i++) {
			if (!relevant[i]) {
				continue;
			}
			for (int j = 0; j < n; j++) {
				if (relevant[j]) {
					continue;
				}
				double delta = Math.abs(1 / log2(position[i] + 2) - 1 / log2(position[j] + 2)) / ideal;
				double rho = 1 / (1 + Math.exp(score[from + i] - score[from + j]));
				grad[from + i] += rho * delta;
				grad[from + j] -= rho * delta;
				double h = rho * (1 - rho) * delta;
				hess[from + i] += h;
				hess[from + j] += h;
			}
		}
	}

	private static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}

	/** One tree grown level by level: each node takes the split with the best gain in the Newton objective. */
	static BoostedTrees.Tree grow(byte[][] bins, float[][] thresholds, double[] grad, double[] hess, Params p) {
		int rows = grad.length;
		int f = bins.length;
		List<int[]> nodeRows = new ArrayList<>();
		int[] all = new int[rows];
		for (int r = 0; r < rows; r++) {
			all[r] = r;
		}
		List<Integer> feature = new ArrayList<>();
		List<Float> threshold = new ArrayList<>();
		List<Integer> left = new ArrayList<>();
		List<Integer> right = new ArrayList<>();
		List<Double> value = new ArrayList<>();
		addLeaf(all, nodeRows, feature, threshold, left, right, value);
		List<Integer> level = List.of(0);
		double[] hg = new double[MAX_BINS + 1];
		double[] hh = new double[MAX_BINS + 1];
		int[] hc = new int[MAX_BINS + 1];
		for (int depth = 0; depth <= p.depth(); depth++) {
			List<Integer> next = new ArrayList<>();
			for (int node : level) {
				int[] rs = nodeRows.get(node);
				double g = 0;
				double h = 0;
				for (int r : rs) {
					g += grad[r];
					h += hess[r];
				}
				value.set(node, p.learningRate() * g / (h + p.l2()));
				if (depth == p.depth() || rs.length < 2 * p.minLeaf()) {
					continue;
				}
				double parent = g * g / (h + p.l2());
				double bestGain = 1e-12;
				int bestFeature = -1;
				int bestBin = -1;
				for (int k = 0; k < f; k++) {
					int nb = thresholds[k].length + 1;
					if (nb < 2) {
						continue;
					}
					Arrays.fill(hg, 0, nb, 0);
					Arrays.fill(hh, 0, nb, 0);
					Arrays.fill(hc, 0, nb, 0);
					byte[] column = bins[k];
					for (int r : rs) {
						int b = column[r] & 0xff;
						hg[b] += grad[r];
						hh[b] += hess[r];
						hc[b]++;
					}
					double gl = 0;
					double hl = 0;
					int cl = 0;
					for (int b = 0; b < nb - 1; b++) {
						gl += hg[b];
						hl += hh[b];
						cl += hc[b];
						int cr = rs.length - cl;
						if (cl < p.minLeaf() || cr < p.minLeaf()) {
							continue;
						}
						double gr = g - gl;
						double hr = h - hl;
						double gain = gl * gl / (hl + p.l2()) + gr * gr / (hr + p.l2()) - parent;
						if (gain > bestGain) {
							bestGain = gain;
							bestFeature = k;
							bestBin = b;
						}
					}
				}
				if (bestFeature < 0) {
					continue;
				}
				byte[] column = bins[bestFeature];
				int nl = 0;
				for (int r : rs) {
					if ((column[r] & 0xff) <= bestBin) {
						nl++;
					}
				}
				int[] lr = new int[nl];
				int[] rr = new int[rs.length - nl];
				int a = 0;
				int c = 0;
				for (int r : rs) {
					if ((column[r] & 0xff) <= bestBin) {
						lr[a++] = r;
					}
					else {
						rr[c++] = r;
					}
				}
				feature.set(node, bestFeature);
				threshold.set(node, thresholds[bestFeature][bestBin]);
				for (int[] child : List.of(lr, rr)) {
					addLeaf(child, nodeRows, feature, threshold, left, right, value);
					next.add(nodeRows.size() - 1);
				}
				left.set(node, nodeRows.size() - 2);
				right.set(node, nodeRows.size() - 1);
			}
			level = next;
		}
		int n = feature.size();
		int[] fa = new int[n];
		float[] ta = new float[n];
		int[] la = new int[n];
		int[] ra = new int[n];
		double[] va = new double[n];
		for (int i = 0; i < n; i++) {
			fa[i] = feature.get(i);
			ta[i] = threshold.get(i);
			la[i] = left.get(i);
			ra[i] = right.get(i);
			va[i] = fa[i] >= 0 ? 0 : value.get(i);
		}
		return new BoostedTrees.Tree(fa, ta, la, ra, va);
	}

	/** A new leaf over {@code rows}, not split yet, at the end of the tree's node lists. */
	private static void addLeaf(int[] rows, List<int[]> nodeRows, List<Integer> feature, List<Float> threshold, List<Integer> left,
			List<Integer> right, List<Double> value) {
		nodeRows.add(rows);
		feature.add(-1);
		threshold.add(0f);
		left.add(-1);
		right.add(-1);
		value.add(0.0);
	}
}
