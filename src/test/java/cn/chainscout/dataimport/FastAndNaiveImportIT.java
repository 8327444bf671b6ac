package cn.chainscout.dataimport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.chainscout.graph.BatchWriter;
import cn.chainscout.region.Gazetteer;
import cn.chainscout.support.TestGraph;
import cn.chainscout.synth.SyntheticGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast import (CREATE on an empty graph, relationship ends found by internal id, indexes built
 * after the nodes, two writers) leaves exactly the graph the plain one does (MERGE, ends found by key,
 * one writer), fact by fact.
 */
class FastAndNaiveImportIT {

	@Test
	void bothWritersLeaveTheSameFacts() throws Exception {
		Path data = Files.createTempDirectory("chainscout-fast-naive");
		Path reports = Files.createTempDirectory("chainscout-fast-naive-reports");
		try {
			new SyntheticGenerator(7).generate(400, data);
			List<String> naive = importWith(data, reports, graph -> BatchWriter.naive(graph, 500));
			// Small batches and a low threshold, so that there are several batches in flight and the
			// enterprise and product indexes are set aside and built again, as in a large import.
			List<String> fast = importWith(data, reports, graph -> new BatchWriter(graph, 100, 2, 50));

			assertThat(fast).hasSameSizeAs(naive);
			assertThat(fast).isEqualTo(naive);
			// Every kind of step took part: nodes, and relationships found by id from enterprises to regions,
			// industries and products, and between products.
			for (String type : List.of(" LOCATED_IN ", " IN_INDUSTRY ", " MAKES ", " UPSTREAM_MATERIAL ", " PART_OF ")) {
				assertThat(fast).as(type).anyMatch(f -> f.startsWith("R ") && f.contains(type));
			}
			assertThat(fast.stream().filter(f -> f.startsWith("N [\"Enterprise\"]"))).hasSize(400);
		}
		finally {
			TestGraph.deleteRecursively(data);
			TestGraph.deleteRecursively(reports);
		}
	}

	private static List<String> importWith(Path data, Path reports, java.util.function.Function<cn.chainscout.graph.Graph, BatchWriter> writer)
			throws Exception {
		try (TestGraph db = new TestGraph()) {
			new ChainKgImporter(db.graph(), writer.apply(db.graph()), Gazetteer.load(), NonProductRules.load(), (s, d, t) -> { })
				.importFrom(DataSetLocation.of(data.toString()), reports);
			return db.facts(false);
		}
	}
}
