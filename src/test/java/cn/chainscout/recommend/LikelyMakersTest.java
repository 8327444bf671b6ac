package cn.chainscout.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Likely makers on small planted graphs, and the evaluation's determinism. */
class LikelyMakersTest {

	static MakerGraph graph(String[] products, int[][] makes, List<int[]> relations, int[] industry) {
		int n = makes.length;
		String[] codes = new String[n];
		String[] names = new String[n];
		for (int e = 0; e < n; e++) {
			codes[e] = "E" + e;
			names[e] = "企业" + (char) ('甲' + e);
		}
		List<MakerGraph.Link> links = new ArrayList<>();
		for (int e = 0; e < n; e++) {
			for (int p : makes[e]) {
				links.add(new MakerGraph.Link(e, p));
			}
		}
		return new MakerGraph(codes, names, industry, products, links, relations);
	}

	@Test
	void aFirmThatMakesWhatTheMakersMakeIsTheTopLikelyMaker() {
		String[] products = { "湿法隔膜", "锂电池电解液", "钢材", "水泥", "面粉" };
		// E0..E2 make 隔膜 and 电解液; E3 makes only 电解液: it is the planted likely maker of 隔膜.
		int[][] makes = { { 0, 1 }, { 0, 1 }, { 0, 1 }, { 1 }, { 2 }, { 3 }, { 2, 3 }, { 4 } };
		MakerGraph g = graph(products, makes, List.of(), new int[] { 1, 1, 1, 1, 2, 3, 2, 4 });
		List<LikelyMakers.Candidate> top = new LikelyMakers().top(g, 0, 5);
		assertThat(top).isNotEmpty();
		assertThat(top.get(0).code()).isEqualTo("E3");
		assertThat(top).extracting(LikelyMakers.Candidate::code).doesNotContain("E0", "E1", "E2");
		assertThat(top.get(0).parts()).extracting(LikelyMakers.Part::name).contains("协同生产", "行业");
		for (LikelyMakers.Candidate c : top) {
			assertThat(c.parts().stream().mapToDouble(LikelyMakers.Part::value).sum()).isCloseTo(c.score(), org.assertj.core.data.Offset.offset(1e-3));
		}
	}

	@Test
	void aProductNobodyMakesFindsMakersOfSimilarlyNamedOrRelatedProducts() {
		String[] products = { "干法隔膜", "湿法隔膜", "隔膜涂覆", "水泥", "钢材" };
		int[][] makes = { { 1 }, { 2 }, { 3 }, { 4 } };
		List<int[]> relations = List.<int[]>of(new int[] { 0, 4 });
		MakerGraph g = graph(products, makes, relations, new int[] { 1, 1, 2, 3 });
		List<LikelyMakers.Candidate> top = new LikelyMakers().top(g, 0, 4);
		assertThat(top).extracting(LikelyMakers.Candidate::code).startsWith("E0").contains("E3");
		assertThat(top.get(0).parts()).anySatisfy(p -> {
			assertThat(p.name()).isEqualTo("名称相近");
			assertThat(p.evidence()).contains("湿法隔膜");
		});
		assertThat(top).filteredOn(c -> c.code().equals("E3")).singleElement()
			.satisfies(c -> assertThat(c.parts()).anySatisfy(p -> assertThat(p.evidence()).contains("钢材")));
	}

	@Test
	void aFirmThatWritesNamesTheSameWayRanksAboveAnEqualMatchThatDoesNot() {
		// The product 贸易-乙二醇 is made by nobody; E0 and E1 make products whose names match it equally
		// (贸易锌锭 and 贸易-锌锭), but only E1 writes the hyphen, as the product is written (a tie
		// would put E0 first).
		String[] products = { "贸易-乙二醇", "贸易-锌锭", "贸易锌锭", "水泥", "钢材" };
		int[][] makes = { { 2, 3 }, { 1, 4 } };
		MakerGraph g = graph(products, makes, List.of(), new int[] { 1, 1 });
		List<LikelyMakers.Candidate> top = new LikelyMakers().top(g, 0, 2);
		assertThat(top).extracting(LikelyMakers.Candidate::code).containsExactly("E1", "E0");
		assertThat(top.get(0).parts()).anySatisfy(p -> {
			assertThat(p.name()).isEqualTo("名称写法相同");
			assertThat(p.evidence()).contains("“-”").contains("贸易-锌锭");
		});
		assertThat(top.get(1).parts()).extracting(LikelyMakers.Part::name).doesNotContain("名称写法相同");
	}

	@Test
	void aFirmThatMakesAProductTwoRelationsAwayIsFoundAndTheEvidenceSaysThroughWhich() {
		String[] products = { "正极材料", "锂电池", "电动汽车", "面粉" };
		// 正极材料 → 锂电池 → 电动汽车; E0 makes only 电动汽车, E1 only 面粉.
		List<int[]> relations = List.of(new int[] { 0, 1 }, new int[] { 1, 2 });
		MakerGraph g = graph(products, new int[][] { { 2 }, { 3 } }, relations, new int[] { 1, 2 });
		List<LikelyMakers.Candidate> top = new LikelyMakers().top(g, 0, 2);
		assertThat(top.get(0).code()).isEqualTo("E0");
		assertThat(top.get(0).parts()).anySatisfy(p -> {
			assertThat(p.name()).isEqualTo("上下游关联");
			assertThat(p.evidence()).contains("电动汽车").contains("经 锂电池");
		});
	}

	@Test
	void theLearnedOrderFindsThePlantedMakerAndExplainsItWithTheLinearParts() {
		String[] products = { "湿法隔膜", "锂电池电解液", "钢材", "水泥", "面粉" };
		int[][] makes = { { 0, 1 }, { 0, 1 }, { 0, 1 }, { 1 }, { 2 }, { 3 }, { 2, 3 }, { 4 } };
		MakerGraph g = graph(products, makes, List.of(), new int[] { 1, 1, 1, 1, 2, 3, 2, 4 });
		LearnedLikelyMakers learned = LearnedLikelyMakers.bundled();
		List<LikelyMakers.Candidate> top = learned.top(g, 0, 5);
		assertThat(top).hasSize(5);
		assertThat(top.get(0).code()).isEqualTo("E3");
		assertThat(top).extracting(LikelyMakers.Candidate::code).doesNotContain("E0", "E1", "E2");
		for (int i = 0; i < top.size(); i++) {
			LikelyMakers.Candidate c = top.get(i);
			assertThat(c.parts().stream().mapToDouble(LikelyMakers.Part::value).sum()).isCloseTo(c.score(), org.assertj.core.data.Offset.offset(1e-3));
			assertThat(c.rankScore()).isNotNull();
			if (i > 0) {
				assertThat(c.rankScore()).isLessThanOrEqualTo(top.get(i - 1).rankScore());
			}
		}
		double[] scores = learned.scores(g, 0);
		assertThat(scores[3]).isGreaterThan(scores[7]);
	}

	@Test
	void belowTheDepthTheTreesReorderTheLinearOrderFollows() {
		MakerGraph g = randomGraph(3);
		LearnedLikelyMakers shallow = new LearnedLikelyMakers(new LikelyMakers(), LearnedLikelyMakers.bundledTrees(), 5);
		List<LikelyMakers.Candidate> top = shallow.top(g, 0, 12);
		assertThat(top).hasSize(12);
		assertThat(top.subList(0, 5)).allSatisfy(c -> assertThat(c.rankScore()).isNotNull());
		assertThat(top.subList(5, 12)).allSatisfy(c -> assertThat(c.rankScore()).isNull());
		for (int i = 6; i < 12; i++) {
			assertThat(top.get(i).score()).isLessThanOrEqualTo(top.get(i - 1).score());
		}
	}

	@Test
	void theWeightsOfEachKindOfProductSumToOneAndOnlyAProductWithMakersLeansOnCoProduction() {
		for (LikelyMakers.Weights w : List.of(LikelyMakers.Weights.KNOWN_MAKERS, LikelyMakers.Weights.NO_MAKERS)) {
			assertThat(w.sum()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
		}
		assertThat(LikelyMakers.Weights.KNOWN_MAKERS.coProduction()).isGreaterThan(0.5);
		assertThat(LikelyMakers.Weights.NO_MAKERS.coProduction()).isZero();
		assertThat(LikelyMakers.Weights.NO_MAKERS.name()).isGreaterThan(LikelyMakers.Weights.KNOWN_MAKERS.name());
	}

	static MakerGraph randomGraph(long seed) {
		Random r = new Random(seed);
		String[] products = new String[60];
		for (int p = 0; p < products.length; p++) {
			products[p] = "产品" + (char) ('一' + p % 20) + (char) ('丁' + p / 20);
		}
		int[][] makes = new int[80][];
		int[] industry = new int[80];
		for (int e = 0; e < makes.length; e++) {
			int group = e % 6;
			industry[e] = group;
			makes[e] = r.ints(4, group * 10, group * 10 + 10).distinct().toArray();
		}
		return graph(products, makes, List.of(), industry);
	}

	@Test
	void theEvaluationIsDeterministicForASeedAndBeatsPopularityOnStructuredData() {
		MakerGraph g = randomGraph(3);
		List<Rankers.Ranker> rankers = List.of(Rankers.POPULARITY, Rankers.CO_OCCURRENCE, new LikelyMakers());
		Evaluation.Report a = Evaluation.run(g, 42, 0.2, 0, rankers);
		Evaluation.Report b = Evaluation.run(g, 42, 0.2, 0, rankers);
		Evaluation.Report c = Evaluation.run(g, 43, 0.2, 0, rankers);
		assertThat(a.heldOut()).isPositive();
		assertThat(a.results()).extracting(Evaluation.Result::mrr).isEqualTo(b.results().stream().map(Evaluation.Result::mrr).toList());
		assertThat(a.heldOut() != c.heldOut() || !a.results().get(2).equals(c.results().get(2))).isTrue();
		// Firms make products within their group: co-production recovers held-out links, popularity does not.
		assertThat(a.results().get(2).hits10()).isGreaterThan(a.results().get(0).hits10() + 0.2);
		assertThat(a.table()).contains("hits@10").contains("ChainScout likely makers");
	}

	@Test
	void aScoreThatIsNotANumberRanksLastNotFirst() {
		MakerGraph g = randomGraph(5);
		Rankers.Ranker nan = new Rankers.Ranker() {
			public String name() {
				return "nan";
			}

			public double[] scores(MakerGraph graph, int product) {
				double[] s = new double[graph.enterprises()];
				java.util.Arrays.fill(s, Double.NaN);
				return s;
			}
		};
		Evaluation.Report r = Evaluation.run(g, 1, 0.2, 0, List.of(nan));
		assertThat(r.results().get(0).hits1()).isLessThan(0.2);
	}
}
