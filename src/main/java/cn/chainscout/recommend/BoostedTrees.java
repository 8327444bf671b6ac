package cn.chainscout.recommend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A learned ranking function: the sum of regression trees over named features. A node sends a
 * value to the left when it is at most the node's threshold; a node whose feature is -1 is a leaf
 * holding its value (the learning rate is already in it). Stored as JSON: the feature names, the
 * hyper-parameters it was trained with, and the trees.
 */
public final class BoostedTrees {

	/** One tree as parallel arrays over its nodes; node 0 is the root. */
	record Tree(int[] feature, float[] threshold, int[] left, int[] right, double[] value) {

		double score(float[] x) {
			int node = 0;
			while (feature[node] >= 0) {
				node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
			}
			return value[node];
		}
	}

	private final List<String> features;

	private final List<Tree> trees;

	private final String trainedWith;

	BoostedTrees(List<String> features, List<Tree> trees, String trainedWith) {
		this.features = List.copyOf(features);
		this.trees = List.copyOf(trees);
		this.trainedWith = trainedWith;
	}

	List<String> features() {
		return features;
	}

	List<Tree> trees() {
		return trees;
	}

	int size() {
		return trees.size();
	}

	String trainedWith() {
		return trainedWith;
	}

	/** The model's score of one feature vector (higher ranks first). */
	double score(float[] x) {
		double s = 0;
		for (Tree t : trees) {
			s += t.score(x);
		}
		return s;
	}

	/** The first {@code n} trees alone (to pick the number of trees on a validation split). */
	BoostedTrees first(int n) {
		return new BoostedTrees(features, trees.subList(0, Math.min(n, trees.size())), trainedWith);
	}

	String toJson() {
		var root = JsonMapper.shared().createObjectNode();
		root.put("model", "LambdaMART: gradient-boosted regression trees, pairwise lambdas weighted by the change in NDCG");
		root.put("trainedWith", trainedWith);
		var names = root.putArray("features");
		features.forEach(names::add);
		var ts = root.putArray("trees");
		for (Tree t : trees) {
			var o = ts.addObject();
			var f = o.putArray("feature");
			var th = o.putArray("threshold");
			var l = o.putArray("left");
			var r = o.putArray("right");
			var v = o.putArray("value");
			for (int i = 0; i < t.feature().length; i++) {
				f.add(t.feature()[i]);
				th.add(t.threshold()[i]);
				l.add(t.left()[i]);
				r.add(t.right()[i]);
				v.add(t.value()[i]);
			}
		}
		return JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(root).replaceAll("\n\\s+(-?[0-9])", " $1")
			.replaceAll("\n\\s+]", " ]") + "\n";
	}

	static BoostedTrees read(InputStream in) {
		try (in) {
			JsonNode root = JsonMapper.shared().readTree(in);
			List<String> names = new ArrayList<>();
			root.get("features").forEach(n -> names.add(n.asString()));
			List<Tree> trees = new ArrayList<>();
			for (JsonNode t : root.get("trees")) {
				int n = t.get("feature").size();
				int[] f = new int[n];
				float[] th = new float[n];
				int[] l = new int[n];
				int[] r = new int[n];
				double[] v = new double[n];
				for (int i = 0; i < n; i++) {
					f[i] = t.get("feature").get(i).asInt();
					th[i] = (float) t.get("threshold").get(i).asDouble();
					l[i] = t.get("left").get(i).asInt();
					r[i] = t.get("right").get(i).asInt();
					v[i] = t.get("value").get(i).asDouble();
				}
				trees.add(new Tree(f, th, l, r, v));
			}
			return new BoostedTrees(names, trees, root.path("trainedWith").asString(""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
