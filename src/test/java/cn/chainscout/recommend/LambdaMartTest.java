package cn.chainscout.recommend;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree learner on synthetic rankings, and the stored model. */
class LambdaMartTest {

	/**
	 * Queries of 20 candidates with two features in 0..1 and a noise feature; exactly one candidate
	 * is relevant, the one in the corner where both features are high or both are low (an exclusive
	 * or): no weighted sum of the features puts it first.
	 */
	static List<LambdaMart.Query> xorQueries(long seed, int count) {
		Random r = new Random(seed);
		List<LambdaMart.Query> out = new ArrayList<>();
		for (int q = 0; q < count; q++) {
			float[][] x = new float[20][3];
			boolean[] relevant = new boolean[20];
			int truth = r.nextInt(20);
			for (int i = 0; i < 20; i++) {
				boolean same = i == truth;
				boolean a = r.nextBoolean();
				boolean b = same == a;
				x[i][0] = (a ? 0.55f : 0.05f) + 0.4f * r.nextFloat();
				x[i][1] = (b ? 0.05f : 0.55f) + 0.4f * r.nextFloat();
				x[i][2] = r.nextFloat();
				relevant[i] = same;
			}
			out.add(new LambdaMart.Query(x, relevant));
		}
		return out;
	}

	static double hits1(List<LambdaMart.Query> queries, java.util.function.ToDoubleFunction<float[]> score) {
		int hits = 0;
		for (LambdaMart.Query q : queries) {
			int best = 0;
			for (int i = 1; i < q.x().length; i++) {
				if (score.applyAsDouble(q.x()[i]) > score.applyAsDouble(q.x()[best])) {
					best = i;
				}
			}
			hits += q.relevant()[best] ? 1 : 0;
		}
		return hits / (double) queries.size();
	}

	static final List<String> FEATURES = List.of("a", "b", "noise");

	@Test
	void treesLearnARankingThatNoWeightedSumOfTheFeaturesCanGive() {
		LambdaMart.Params p = new LambdaMart.Params(60, 3, 0.2, 5, 1.0);
		BoostedTrees trees = LambdaMart.fit(FEATURES, xorQueries(1, 300), p, "test");
		List<LambdaMart.Query> fresh = xorQueries(2, 300);
		assertThat(hits1(fresh, trees::score)).isGreaterThan(0.9);
		double bestLinear = 0;
		for (int degrees = 0; degrees < 360; degrees += 5) {
			double w0 = Math.cos(Math.toRadians(degrees));
			double w1 = Math.sin(Math.toRadians(degrees));
			bestLinear = Math.max(bestLinear, hits1(fresh, x -> w0 * x[0] + w1 * x[1]));
		}
		assertThat(bestLinear).isLessThan(0.6);
	}

	@Test
	void theSameDataGiveTheSameTreesAndTheStoredModelScoresAsTheLearnedOne() {
		LambdaMart.Params p = new LambdaMart.Params(20, 3, 0.2, 5, 1.0);
		BoostedTrees a = LambdaMart.fit(FEATURES, xorQueries(1, 100), p, "test");
		BoostedTrees b = LambdaMart.fit(FEATURES, xorQueries(1, 100), p, "test");
		assertThat(a.toJson()).isEqualTo(b.toJson());
		BoostedTrees read = BoostedTrees.read(new ByteArrayInputStream(a.toJson().getBytes(StandardCharsets.UTF_8)));
		assertThat(read.features()).isEqualTo(FEATURES);
		assertThat(read.size()).isEqualTo(20);
		for (LambdaMart.Query q : xorQueries(3, 10)) {
			for (float[] x : q.x()) {
				assertThat(read.score(x)).isCloseTo(a.score(x), org.assertj.core.data.Offset.offset(1e-9));
			}
		}
	}

	@Test
	void aFeatureThatTakesOneValueIsNeverSplitOn() {
		List<LambdaMart.Query> queries = xorQueries(1, 50);
		for (LambdaMart.Query q : queries) {
			for (float[] x : q.x()) {
				x[2] = 7;
			}
		}
		BoostedTrees trees = LambdaMart.fit(FEATURES, queries, new LambdaMart.Params(10, 3, 0.2, 5, 1.0), "test");
		assertThat(trees.trees()).isNotEmpty().allSatisfy(t -> assertThat(t.feature()).doesNotContain(2));
		assertThat(LambdaMart.thresholds(new float[] { 7, 7, 7 })).isEmpty();
	}
}
