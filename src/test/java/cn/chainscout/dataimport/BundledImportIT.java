package cn.chainscout.dataimport;

import java.nio.file.Files;
import java.nio.file.Path;

import cn.chainscout.region.Gazetteer;
import cn.chainscout.support.TestGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled data set imported into a real embedded database: counts agree with the data README. */
class BundledImportIT {

	static TestGraph db;

	static ImportReport report;

	static Path reports;

	@BeforeAll
	static void importBundled() throws Exception {
		db = new TestGraph();
		reports = Files.createTempDirectory("chainscout-reports");
		report = importer().importFrom(DataSetLocation.of("classpath:data/chainkg"), reports);
	}

	static ChainKgImporter importer() {
		return new ChainKgImporter(db.graph(), 10_000, Gazetteer.load(), NonProductRules.load(), (s, d, t) -> { });
	}

	@AfterAll
	static void stop() {
		db.close();
		TestGraph.deleteRecursively(reports);
	}

	@Test
	void countsMatchTheDataReadme() {
		assertThat(report.files().get("companies.jsonl").rows()).isEqualTo(4654);
		assertThat(db.count("MATCH (e:Enterprise) RETURN count(e)")).isEqualTo(4586);
		assertThat(report.conflicts()).hasSize(53);
		assertThat(db.count("MATCH (e:Enterprise {needsReview: true}) RETURN count(e)")).isEqualTo(53);
		assertThat(db.count("MATCH (i:Industry) RETURN count(i)")).isEqualTo(511);
		assertThat(db.count("MATCH (p:Product) RETURN count(p)")).isEqualTo(95_559);
		assertThat(report.quirks()).containsEntry("company_industry rows naming an unknown company", 104L)
			.containsEntry("company_industry rows naming an unknown industry", 168L)
			.containsEntry("company rows without a listing date", 86L)
			.containsEntry("enterprises without a listing date (kept missing)", 84L);
		assertThat(db.count("MATCH (e:Enterprise) WHERE e.listedOn IS NULL RETURN count(e)")).isEqualTo(84);
		// 104 + 168 dangling, 4 of them both: 268 rows rejected, each with file and line.
		assertThat(report.files().get("company_industry.jsonl").rejectedTotal()).isEqualTo(268);
		assertThat(db.count("MATCH ()-[r:IN_INDUSTRY]->() RETURN count(r)")).isEqualTo(4430 - 268);
		// 3 company_product rows and 10 product relations name a product products.jsonl lacks.
		assertThat(report.files().get("company_product.jsonl").rejected()).containsEntry("unknown product", 3L);
		assertThat(report.files().get("product_relations.jsonl").rejected()).containsEntry("unknown product", 10L);
		assertThat(report.files().get("product_relations.jsonl").rejected()).containsEntry("self relation", 108L);
		assertThat(db.count("MATCH ()-[r:MAKES]->() RETURN count(r)")).isEqualTo(53_187 - 3 - 565);
	}

	@Test
	void conflictingCodesKeepOneEnterpriseWithEveryVariantForReview() {
		var record = db.graph().read(tx -> tx.run("MATCH (e:Enterprise {code: '688078.SH'}) RETURN e.nameVariants AS v, e.fullName AS f").single());
		assertThat(record.get("v").asList()).hasSize(10);
		var conflict = report.conflicts().stream().filter(c -> c.code().equals("688096.SH")).findFirst().orElseThrow();
		assertThat(String.join("|", conflict.variants())).contains("江苏京源环保股份有限公司").contains("大连港股份有限公司");
	}

	@Test
	void accountingArtefactsAreMarkedAsNonProducts() {
		assertThat(db.count("MATCH (p:Product {name: '平衡项目', nonProduct: true, nonProductReason: 'accounting'}) RETURN count(p)")).isEqualTo(1);
		assertThat(db.count("MATCH (p:Product {name: '分部间抵销', nonProduct: true}) RETURN count(p)")).isEqualTo(1);
		assertThat(db.count("MATCH (p:Product {name: '服务', nonProduct: true, nonProductReason: 'generic'}) RETURN count(p)")).isEqualTo(1);
		assertThat(db.count("MATCH (p:Product {name: '其他制造业', nonProduct: true, nonProductReason: 'residual'}) RETURN count(p)")).isEqualTo(1);
		assertThat(db.count("MATCH (p:Product {name: '锂电池隔膜'}) WHERE p.nonProduct IS NULL RETURN count(p)")).isEqualTo(1);
	}

	@Test
	void regionsAreReadFromFullNamesWithMethodAndConfidence() {
		var r = db.graph().read(tx -> tx.run("""
				MATCH (:Enterprise {code: '301086.SZ'})-[l:LOCATED_IN]->(r:Region)
				RETURN r.name AS name, l.confidence AS c, l.method AS m""").single());
		assertThat(r.get("name").asString()).isEqualTo("深圳市");
		assertThat(r.get("c").asDouble()).isBetween(0.8, 1.0);
		assertThat(r.get("m").asString()).contains("深圳市");
		assertThat(db.count("MATCH (:Enterprise {code: '301079.SZ'})-[:LOCATED_IN]->(:Region {name: '邵阳市'}) RETURN count(*)")).isEqualTo(1);
		assertThat(db.count("""
				MATCH (e:Enterprise) WHERE e.fullName STARTS WITH '中国' AND NOT e.fullName STARTS WITH '中国(' 
				AND NOT (e)-[:LOCATED_IN]->() RETURN count(e)""")).isGreaterThan(0);
	}

	@Test
	void everyFactCarriesItsSourceFileAndLine() {
		var r = db.graph().read(tx -> tx.run("""
				MATCH (:Enterprise {code: '300750.SZ'})-[m:MAKES]->(:Product {name: '动力电池系统'})
				MATCH (s:Source {id: m.src})
				RETURN s.dataset AS dataset, s.file AS file, m.sourceLine AS line, s.loadedAt IS NOT NULL AS dated""").single());
		assertThat(r.get("dataset").asString()).isEqualTo("chainkg");
		assertThat(r.get("file").asString()).isEqualTo("company_product.jsonl");
		assertThat(r.get("line").asLong()).isEqualTo(28167);
		assertThat(r.get("dated").asBoolean()).isTrue();
		assertThat(db.count("MATCH (e:Enterprise) WHERE e.src IS NULL OR e.sourceLine IS NULL RETURN count(e)")).isZero();
		assertThat(db.count("MATCH ()-[r:UPSTREAM_MATERIAL]->() WHERE r.src IS NULL RETURN count(r)")).isZero();
		assertThat(db.count("MATCH ()-[r:LOCATED_IN]->() WHERE r.src IS NULL OR r.method IS NULL OR r.confidence IS NULL RETURN count(r)")).isZero();
	}

	@Test
	void secondImportChangesNothing() {
		String before = fingerprint();
		ImportReport again = importer().importFrom(DataSetLocation.of("classpath:data/chainkg"), reports);
		assertThat(again.nodesCreated()).isZero();
		assertThat(again.relationshipsCreated()).isZero();
		assertThat(fingerprint()).isEqualTo(before);
	}

	/** Every domain node and relationship with all its properties, hashed; Dataset metadata excluded. */
	static String fingerprint() {
		return db.fingerprint();
	}
}
