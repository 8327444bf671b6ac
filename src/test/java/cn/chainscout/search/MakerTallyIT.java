package cn.chainscout.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.chainscout.dataimport.DataImportService;
import cn.chainscout.dataimport.DataSetLocation;
import cn.chainscout.support.TestGraph;
import cn.chainscout.system.ChainScoutProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild makes the product index from the enterprises it reads: on the bundled data those documents
 * are exactly the ones read from the graph product by product (makers, their order, counts).
 */
class MakerTallyIT {

	@Test
	void productsFromTheEnterprisesAreTheProductsFromTheGraph() throws Exception {
		Path work = Files.createTempDirectory("chainscout-tally");
		try (TestGraph db = new TestGraph()) {
			var properties = new ChainScoutProperties(
					new ChainScoutProperties.Neo4j(null, "neo4j", null, "neo4j", work.resolve("neo4j"), 0, "64m"),
					new ChainScoutProperties.Importing(false, "classpath:data/chainkg", work.resolve("reports"), 10_000, 2),
					new ChainScoutProperties.Search(work.resolve("search"), 200),
					new ChainScoutProperties.Chains("classpath:graph-schema/chains", 3, 100_000, false),
					new ChainScoutProperties.Home("340881", "桐城市", "", "", ""),
					new ChainScoutProperties.Recommend(ChainScoutProperties.Weights.defaults(), false));
			new DataImportService(db.graph(), properties, event -> { })
				.importFrom(DataSetLocation.of("classpath:data/chainkg"), (s, d, t) -> { });

			List<ProductDocument> fromGraph = new ArrayList<>();
			new ProductDocuments(db.graph()).forEachPage(fromGraph::addAll);
			MakerTally tally = new MakerTally();
			new EnterpriseDocuments(db.graph()).forEachPage(page -> page.forEach(tally::add));
			List<ProductDocument> fromFirms = new ArrayList<>();
			tally.forEachPage(fromFirms::addAll);

			// The graph gives a page's products in the order of their top share; the tally, by name.
			fromGraph.sort(java.util.Comparator.comparing(ProductDocument::name));
			assertThat(fromFirms).extracting(ProductDocument::name).isSorted();
			assertThat(fromGraph).hasSizeGreaterThan(30_000);
			assertThat(fromFirms).hasSameSizeAs(fromGraph);
			for (int i = 0; i < fromGraph.size(); i++) {
				assertThat(fromFirms.get(i)).as("product %d", i).isEqualTo(fromGraph.get(i));
			}
			assertThat(fromGraph).as("products with more makers than are kept").anyMatch(p -> p.makerCount() > ProductDocuments.TOP_MAKERS);
			assertThat(fromGraph).as("makers without a share").anyMatch(p -> p.makers().stream().anyMatch(m -> m.share() == null));
		}
		finally {
			TestGraph.deleteRecursively(work);
		}
	}
}
