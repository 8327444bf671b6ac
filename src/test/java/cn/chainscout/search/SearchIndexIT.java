package cn.chainscout.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import cn.chainscout.dataimport.ChainKgImporter;
import cn.chainscout.dataimport.DataSetLocation;
import cn.chainscout.dataimport.NonProductRules;
import cn.chainscout.region.Gazetteer;
import cn.chainscout.support.TestGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The index follows the graph: built from it, updated on writes, rebuilt when lost or damaged. */
class SearchIndexIT {

	static TestGraph db;

	static Path reports;

	@BeforeAll
	static void graph() throws Exception {
		db = new TestGraph();
		reports = Files.createTempDirectory("chainscout-reports");
		Path data = Path.of(SearchIndexIT.class.getResource("/dataimport/broken/companies.jsonl").toURI()).getParent();
		new ChainKgImporter(db.graph(), 100, Gazetteer.load(), NonProductRules.load(), (s, d, t) -> { })
			.importFrom(DataSetLocation.of(data.toString()), reports);
	}

	@AfterAll
	static void close() {
		db.close();
		TestGraph.deleteRecursively(reports);
	}

	static long hits(EnterpriseIndex index, String q) {
		return new EnterpriseSearch(index).search(SearchRequest.parse(q, null, null, null, null, null, null, null)).total();
	}

	@Test
	void aGraphWriteIsSearchableWithinASecond() throws Exception {
		Path dir = Files.createTempDirectory("chainscout-search");
		try (EnterpriseIndex index = EnterpriseIndex.open(dir, 100)) {
			SearchIndexer indexer = new SearchIndexer(index, new EnterpriseDocuments(db.graph()));
			indexer.rebuildIfStale();
			assertThat(index.size()).isEqualTo(2);
			db.graph().write(tx -> tx.run("""
					MERGE (e:Enterprise {code: 'T00009.LC'})
					SET e.name = '孔城羽绒', e.fullName = '桐城市孔城羽绒制品有限公司'""", Map.of()).consume());
			long written = System.nanoTime();
			indexer.on(EnterprisesChanged.of(Set.of("T00009.LC")));
			while (hits(index, "孔城羽绒") == 0 && System.nanoTime() - written < 1_000_000_000L) {
				Thread.sleep(10);
			}
			assertThat(hits(index, "孔城羽绒")).isEqualTo(1);
			assertThat(System.nanoTime() - written).isLessThan(1_000_000_000L);

			db.graph().write(tx -> tx.run("MATCH (e:Enterprise {code: 'T00009.LC'}) DETACH DELETE e").consume());
			indexer.on(EnterprisesChanged.of(Set.of("T00009.LC")));
			assertThat(hits(index, "孔城羽绒")).isZero();
		}
		finally {
			TestGraph.deleteRecursively(dir);
		}
	}

	@Test
	void reindexRightAfterTheStartUpRebuildDoesNotBuildTheIndexTwice() throws Exception {
		Path dir = Files.createTempDirectory("chainscout-search");
		try {
			try (EnterpriseIndex index = EnterpriseIndex.open(dir, 100)) {
				SearchIndexer indexer = new SearchIndexer(index, new EnterpriseDocuments(db.graph()));
				indexer.rebuildIfStale();
				// A firm the index has not heard of: a second rebuild would read it.
				db.graph().write(tx -> tx.run("MERGE (e:Enterprise {code: 'T00010.LC'}) SET e.name = '练潭米业', e.fullName = '桐城市练潭米业有限公司'")
					.consume());
				assertThat(indexer.rebuildOnce()).isEqualTo(2);
				assertThat(hits(index, "练潭米业")).isZero();
			}
			// In another process (the index already there), reindex does rebuild.
			try (EnterpriseIndex index = EnterpriseIndex.open(dir, 100)) {
				assertThat(new SearchIndexer(index, new EnterpriseDocuments(db.graph())).rebuildOnce()).isEqualTo(3);
				assertThat(hits(index, "练潭米业")).isEqualTo(1);
				assertThat(index.size()).as("a rebuild over an index adds each firm once").isEqualTo(3);
			}
		}
		finally {
			db.graph().write(tx -> tx.run("MATCH (e:Enterprise {code: 'T00010.LC'}) DETACH DELETE e").consume());
			TestGraph.deleteRecursively(dir);
		}
	}

	@Test
	void theEvaluationWarmsBothSystemsUpBeforeMeasuringEither() throws Exception {
		Path dir = Files.createTempDirectory("chainscout-search");
		try (EnterpriseIndex index = EnterpriseIndex.open(dir, 100)) {
			new SearchIndexer(index, new EnterpriseDocuments(db.graph())).rebuildIfStale();
			SearchEvaluation evaluation = new SearchEvaluation(new EnterpriseSearch(index), db.graph(), 30);
			List<SearchEvaluation.LabelledQuery> queries = List.of(
					new SearchEvaluation.LabelledQuery("name", "测试乙", List.of("000002.SZ")),
					new SearchEvaluation.LabelledQuery("code", "000001", List.of("000001.SZ")),
					new SearchEvaluation.LabelledQuery("pinyin", "ceshiyi", List.of("000002.SZ")));
			SearchEvaluation.Evaluation result = evaluation.run(queries, java.time.Duration.ofMillis(300));
			assertThat(result.warmUpPasses()).isGreaterThanOrEqualTo(1);
			assertThat(result.warmUpSeconds()).isGreaterThanOrEqualTo(0.3);
			assertThat(result.warmUpSummary()).contains(result.warmUpPasses() + " passes of each system");
			List<SearchEvaluation.Scores> scores = result.scores();
			assertThat(scores).extracting(SearchEvaluation.Scores::system).containsExactly("ChainScout (Lucene)", "Neo4j full-text (baseline)");
			// Names and codes are found by both; pinyin only by ChainScout.
			assertThat(scores.get(0).mrr()).isEqualTo(1.0);
			assertThat(scores.get(1).mrrByKind()).containsEntry("name", 1.0).containsEntry("pinyin", 0.0);
			// No warm-up asked for: none given, as before the common warm-up existed.
			assertThat(evaluation.run(queries, java.time.Duration.ZERO).warmUpPasses()).isZero();
		}
		finally {
			TestGraph.deleteRecursively(dir);
		}
	}

	@Test
	void aDeletedIndexIsRebuiltFromTheGraph() throws Exception {
		Path dir = Files.createTempDirectory("chainscout-search");
		try {
			try (EnterpriseIndex index = EnterpriseIndex.open(dir, 100)) {
				new SearchIndexer(index, new EnterpriseDocuments(db.graph())).rebuildIfStale();
				assertThat(hits(index, "测试乙")).isEqualTo(1);
			}
			TestGraph.deleteRecursively(dir);
			try (EnterpriseIndex index = EnterpriseIndex.open(dir, 100)) {
				assertThat(index.isFresh()).isTrue();
				assertThat(hits(index, "测试乙")).isZero();
				new SearchIndexer(index, new EnterpriseDocuments(db.graph())).rebuildIfStale();
				assertThat(hits(index, "测试乙")).isEqualTo(1);
			}
		}
		finally {
			TestGraph.deleteRecursively(dir);
		}
	}

	@Test
	void aDamagedIndexIsRebuiltNotServed() throws Exception {
		Path dir = Files.createTempDirectory("chainscout-search");
		try {
			try (EnterpriseIndex index = EnterpriseIndex.open(dir, 100)) {
				new SearchIndexer(index, new EnterpriseDocuments(db.graph())).rebuildIfStale();
			}
			try (Stream<Path> files = Files.list(dir)) {
				for (Path f : files.filter(p -> !p.getFileName().toString().startsWith("segments")
						&& !p.getFileName().toString().equals("write.lock")).toList()) {
					corrupt(f);
				}
			}
			try (EnterpriseIndex index = EnterpriseIndex.open(dir, 100)) {
				assertThat(index.isFresh()).isTrue();
				new SearchIndexer(index, new EnterpriseDocuments(db.graph())).rebuildIfStale();
				assertThat(hits(index, "测试甲")).isEqualTo(1);
			}
		}
		finally {
			TestGraph.deleteRecursively(dir);
		}
	}

	private static void corrupt(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		for (int i = bytes.length / 2; i < Math.min(bytes.length, bytes.length / 2 + 16); i++) {
			bytes[i] = (byte) ~bytes[i];
		}
		Files.write(file, bytes);
	}
}
