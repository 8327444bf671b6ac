package cn.chainscout.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.chainscout.support.TestGraph;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Lucene index in a temp directory with more matches than the facets count one by one: the
 * counts are then estimated from a sample, close to the truth.
 */
class FacetSamplingIT {

	@Test
	void withMoreMatchesThanTheSampleTheFacetsAreEstimatedCloseToTheTruthAndStable() throws Exception {
		Path dir = Files.createTempDirectory("chainscout-facets");
		try (EnterpriseIndex index = EnterpriseIndex.open(dir, 50)) {
			List<EnterpriseDocument> docs = new ArrayList<>();
			int n = EnterpriseSearch.FACET_SAMPLE * 3;
			for (int i = 0; i < n; i++) {
				// A third in 安徽省, two thirds in 江苏省; every one makes 包装材料.
				String province = i % 3 == 0 ? "安徽省" : "江苏省";
				docs.add(new EnterpriseDocument("%06d.SZ".formatted(i), "测试包装" + i, "测试包装" + i + "有限公司", List.of(), "SZSE", province,
						null, null, List.of(), List.of(new EnterpriseDocument.ProductShare("包装材料", 0.5))));
			}
			index.index(docs);
			index.commit();
			EnterpriseSearch search = new EnterpriseSearch(index);
			SearchResult all = search.search(SearchRequest.parse("包装材料", null, null, null, null, null, null, null));
			assertThat(all.total()).isEqualTo(n);
			assertThat(all.facetsEstimated()).isTrue();
			long anhui = count(all, "安徽省");
			long jiangsu = count(all, "江苏省");
			assertThat(anhui).isBetween((long) (n / 3 * 0.95), (long) (n / 3 * 1.05));
			assertThat(jiangsu).isBetween((long) (n * 2 / 3 * 0.95), (long) (n * 2 / 3 * 1.05));
			// Asked again, the estimate is as close.
			SearchResult again = search.search(SearchRequest.parse("包装材料", null, null, null, null, null, null, null));
			assertThat(count(again, "安徽省")).isBetween((long) (n / 3 * 0.95), (long) (n / 3 * 1.05));
			// Under the sample size every match is counted.
			SearchResult few = search.search(SearchRequest.parse("包装材料", "安徽省", null, null, null, null, null, null));
			assertThat(few.total()).isEqualTo(n / 3);
			assertThat(few.facetsEstimated()).isFalse();
			assertThat(count(few, "安徽省")).isEqualTo(n / 3);
		}
		finally {
			TestGraph.deleteRecursively(dir);
		}
	}

	private static long count(SearchResult r, String province) {
		return r.facets().get(Fields.PROVINCE).stream().filter(f -> f.value().equals(province)).mapToLong(SearchResult.FacetValue::count)
			.findFirst().orElse(0);
	}
}
