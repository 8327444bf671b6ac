package cn.chainscout.recommend;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The learned ranker's features on small planted graphs. */
class MakerFeaturesTest {

	@ParameterizedTest(name = "{0} / {1} → {2}")
	@CsvSource(delimiter = '|', value = {
			"湿法隔膜 | 干法隔膜 | 3",
			"光圆钢筋 | 光面圆钢 | 2",
			"膏剂 | 滴耳剂 | 1",
			"钢材 | 水泥 | 0",
			"'' | 水泥 | 0", })
	void theOverlapIsTheLongestCommonPiece(String a, String b, int length) {
		assertThat(MakerFeatures.commonSubstring(a, b)).isEqualTo(length);
	}

	@Test
	void aProductNobodyMakesGetsTheCoProductionOfItsNamesakesMakers() {
		// Nobody makes 水性油墨 (0). E0 makes 溶剂型油墨 (1) and 胶粘剂 (2); E1 makes only 胶粘剂, E2 only 钢材 (3).
		String[] products = { "水性油墨", "溶剂型油墨", "胶粘剂", "钢材" };
		MakerGraph g = LikelyMakersTest.graph(products, new int[][] { { 1, 2 }, { 2 }, { 3 } }, List.of(), new int[] { 1, 1, 2 });
		Map<Integer, Double> similar = Rankers.names(g).similar(0);
		Map<Integer, Double> onProducts = MakerFeatures.similarMakersProducts(g, 0, similar);
		assertThat(onProducts).containsOnlyKeys(2);
		float[][] x = MakerFeatures.of(g, 0, new LikelyMakers().signals(g, 0), new double[3], new int[] { 1, 2 });
		int co = MakerFeatures.NAMES.indexOf("coProductionOfSimilar");
		assertThat(x[0][co]).isPositive();
		assertThat(x[1][co]).isZero();
		assertThat(x[0]).hasSize(MakerFeatures.NAMES.size());
	}
}
