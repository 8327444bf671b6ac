package cn.chainscout.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.chainscout.support.TestGraph;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A rebuild in bulk mode: searches keep the old index until the rebuild commits, then see all of the new one. */
class IndexBulkModeIT {

	@Test
	void searchesDoNotSeeAHalfBuiltIndexAndSeeWritesAgainAfterwards() throws Exception {
		Path dir = Files.createTempDirectory("chainscout-bulk");
		try (EnterpriseIndex index = EnterpriseIndex.open(dir, 20)) {
			EnterpriseSearch search = new EnterpriseSearch(index);
			index.index(List.of(firm("T10001.LC", "旧甲科技"), firm("T10002.LC", "旧乙科技")));
			index.commit();
			assertThat(index.size()).isEqualTo(2);

			index.bulk(true);
			try {
				index.deleteAll();
				index.index(List.of(firm("T10003.LC", "新丙材料")));
				// Many refresh periods go by: the old index is still what searches see.
				Thread.sleep(400);
				assertThat(index.size()).isEqualTo(2);
				assertThat(codes(search, "旧甲科技")).containsExactly("T10001.LC");
				assertThat(codes(search, "新丙材料")).isEmpty();
				index.compact();
			}
			finally {
				index.bulk(false);
			}
			assertThat(index.size()).isEqualTo(1);
			assertThat(codes(search, "新丙材料")).containsExactly("T10003.LC");
			assertThat(codes(search, "旧甲科技")).isEmpty();

			// Out of bulk mode, a write becomes visible through the background refresh again.
			index.index(List.of(firm("T10004.LC", "新丁能源")));
			long end = System.nanoTime() + 2_000_000_000L;
			while (codes(search, "新丁能源").isEmpty() && System.nanoTime() < end) {
				Thread.sleep(20);
			}
			assertThat(codes(search, "新丁能源")).containsExactly("T10004.LC");
		}
		finally {
			TestGraph.deleteRecursively(dir);
		}
	}

	private static EnterpriseDocument firm(String code, String name) {
		return new EnterpriseDocument(code, name, "安徽" + name + "股份有限公司", List.of(), null, "安徽省", "安庆市", "桐城市", List.of(), List.of());
	}

	private static List<String> codes(EnterpriseSearch search, String q) {
		return search.search(SearchRequest.parse(q, null, null, null, null, "1", "10", null)).hits().stream()
			.map(SearchResult.Hit::code).toList();
	}
}
