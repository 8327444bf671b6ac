package cn.chainscout.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.chainscout.dataimport.ChainKgImporter;
import cn.chainscout.dataimport.DataSetLocation;
import cn.chainscout.dataimport.NonProductRules;
import cn.chainscout.region.Gazetteer;
import cn.chainscout.support.TestGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import into empty labels sets their indexes aside and builds them again at the end: the graph and
 * the schema come out as with the indexes kept, and an import killed while they were aside gets them
 * back when the next import starts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeferredIndexesIT {

	static TestGraph db;

	static Path reports;

	static Path data;

	static List<String> schema;

	@BeforeAll
	static void start() throws Exception {
		db = new TestGraph();
		reports = Files.createTempDirectory("chainscout-reports");
		data = Path.of(DeferredIndexesIT.class.getResource("/dataimport/broken/companies.jsonl").toURI()).getParent();
		schema = schema(db.graph());
	}

	@AfterAll
	static void stop() {
		db.close();
		TestGraph.deleteRecursively(reports);
	}

	/** Every constraint and index as the database describes it. */
	static List<String> schema(Graph graph) {
		return graph.read(tx -> tx.run("""
				SHOW INDEXES YIELD name, type, labelsOrTypes, properties, owningConstraint
				RETURN name + ' ' + type + ' [' + reduce(t = '', l IN coalesce(labelsOrTypes, []) | t + l) + '] ['
				       + reduce(t = '', p IN coalesce(properties, []) | t + p) + '] ' + coalesce(owningConstraint, '-') AS s
				ORDER BY s""").list(r -> r.get("s").asString()));
	}

	/** Imports with every node step deferring its indexes; returns the schema seen after each batch of enterprises. */
	private static List<List<String>> importWithEveryStepDeferred() {
		List<List<String>> seen = new ArrayList<>();
		new ChainKgImporter(db.graph(), new BatchWriter(db.graph(), 2, 2, 1), Gazetteer.load(), NonProductRules.load(), (step, done, total) -> {
			if (step.equals("enterprises") && total > 0) {
				seen.add(schema(db.graph()));
			}
		}).importFrom(DataSetLocation.of(data.toString()), reports);
		return seen;
	}

	@Test
	@Order(1)
	void theIndexesAreAsideWhileTheNodesAreCreatedAndComeBackAsTheyWere() {
		assertThat(schema).anyMatch(s -> s.startsWith("enterprise_code_unique RANGE [Enterprise] [code] enterprise_code_unique"))
			.noneMatch(s -> s.startsWith("enterprise_name "))
			.anyMatch(s -> s.startsWith("product_name_unique RANGE [Product] [name] product_name_unique"));
		List<List<String>> during = importWithEveryStepDeferred();
		assertThat(during).isNotEmpty().allSatisfy(s -> assertThat(s).noneMatch(i -> i.contains("[Enterprise]")));
		assertThat(schema(db.graph())).isEqualTo(schema);
		assertThat(db.count("MATCH (d:DeferredIndexes) RETURN count(d)")).isZero();
		assertThat(db.count("MATCH (e:Enterprise) RETURN count(e)")).isEqualTo(2);
		assertThat(db.count("MATCH (p:Product) RETURN count(p)")).isEqualTo(4);
		assertThat(db.count("MATCH ()-[r:MAKES]->() RETURN count(r)")).isEqualTo(3);
		String first = db.fingerprint();
		// The labels are no longer empty: MERGE, with the indexes in place all along.
		during = importWithEveryStepDeferred();
		assertThat(during).isNotEmpty().allSatisfy(s -> assertThat(s).isEqualTo(schema));
		assertThat(db.fingerprint()).isEqualTo(first);
	}

	@Test
	@Order(2)
	void anImportKilledWhileTheIndexesWereAsideGetsThemBackWhenTheNextStarts() {
		// As a kill after the drop would leave it: the indexes gone, the way back recorded.
		DeferredIndexes.drop(db.graph(), "Enterprise");
		assertThat(schema(db.graph())).noneMatch(s -> s.contains("[Enterprise]"));
		assertThat(db.count("MATCH (d:DeferredIndexes {label: 'Enterprise'}) RETURN count(d)")).isEqualTo(1);
		importWithEveryStepDeferred();
		assertThat(schema(db.graph())).isEqualTo(schema);
		assertThat(db.count("MATCH (d:DeferredIndexes) RETURN count(d)")).isZero();
		assertThat(db.count("MATCH (e:Enterprise) RETURN count(e)")).isEqualTo(2);
	}

	@Test
	void aStatementFromTheDatabaseIsMadeSafeToRunAgain() {
		assertThat(DeferredIndexes.ifNotExists("CREATE CONSTRAINT `enterprise_code_unique` FOR (n:`Enterprise`) REQUIRE (n.`code`) IS UNIQUE OPTIONS {}"))
			.isEqualTo("CREATE CONSTRAINT `enterprise_code_unique` IF NOT EXISTS FOR (n:`Enterprise`) REQUIRE (n.`code`) IS UNIQUE OPTIONS {}");
		assertThat(DeferredIndexes.ifNotExists("CREATE RANGE INDEX `enterprise_name` FOR (n:`Enterprise`) ON (n.`name`)"))
			.isEqualTo("CREATE RANGE INDEX `enterprise_name` IF NOT EXISTS FOR (n:`Enterprise`) ON (n.`name`)");
		assertThat(DeferredIndexes.ifNotExists("CREATE FULLTEXT INDEX `a``b` FOR (n:`X`) ON EACH [n.`t`]"))
			.isEqualTo("CREATE FULLTEXT INDEX `a``b` IF NOT EXISTS FOR (n:`X`) ON EACH [n.`t`]");
	}
}
