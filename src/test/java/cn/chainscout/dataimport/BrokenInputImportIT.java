package cn.chainscout.dataimport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.chainscout.region.Gazetteer;
import cn.chainscout.support.TestGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A data set with broken lines imports its good lines and reports each bad one with file and line. */
class BrokenInputImportIT {

	static TestGraph db;

	static Path reports;

	static ImportReport report;

	@BeforeAll
	static void importBroken() throws Exception {
		db = new TestGraph();
		reports = Files.createTempDirectory("chainscout-reports");
		Path data = Path.of(BrokenInputImportIT.class.getResource("/dataimport/broken/companies.jsonl").toURI()).getParent();
		report = new ChainKgImporter(db.graph(), 2, Gazetteer.load(), NonProductRules.load(), (s, d, t) -> { })
			.importFrom(DataSetLocation.of(data.toString()), reports);
	}

	@AfterAll
	static void stop() {
		db.close();
		TestGraph.deleteRecursively(reports);
	}

	@Test
	void importsTheGoodLinesAndRejectsTheBadOnesWithFileLineAndReason() {
		assertThat(db.count("MATCH (e:Enterprise) RETURN count(e)")).isEqualTo(2);
		assertThat(db.count("MATCH (p:Product) RETURN count(p)")).isEqualTo(4);
		assertThat(db.count("MATCH ()-[r:MAKES]->() RETURN count(r)")).isEqualTo(3);
		assertThat(db.count("MATCH ()-[r:IN_INDUSTRY]->() RETURN count(r)")).isEqualTo(1);
		assertThat(db.count("MATCH ()-[r:UPSTREAM_MATERIAL]->() RETURN count(r)")).isEqualTo(1);

		List<String> rejects = report.rejects().stream().map(Reject::describe).toList();
		assertThat(rejects).contains(
				"companies.jsonl:3: malformed JSON (" + report.rejects().stream().filter(r -> r.line() == 3 && r.file().equals("companies.jsonl")).findFirst().orElseThrow().detail() + ")",
				"companies.jsonl:4: missing field ('name' is absent)",
				"companies.jsonl:7: malformed JSON (not a JSON object)",
				"products.jsonl:5: malformed JSON (" + report.rejects().stream().filter(r -> r.file().equals("products.jsonl")).findFirst().orElseThrow().detail() + ")",
				"company_product.jsonl:5: unknown product (product '不存在的产品' is not in products.jsonl)",
				"company_product.jsonl:6: unknown company (company '999999.SZ' is not in companies.jsonl)",
				"company_industry.jsonl:2: unknown industry (industry '640401' is not in industries.jsonl)",
				"product_relations.jsonl:2: self relation ('锂电池' UPSTREAM_MATERIAL itself)");
		assertThat(rejects).anyMatch(r -> r.startsWith("companies.jsonl:5: wrong type ('code' must be a string"));
		assertThat(rejects).anyMatch(r -> r.startsWith("companies.jsonl:6: wrong type ('listedOn' must be an ISO date"));
		assertThat(rejects).anyMatch(r -> r.startsWith("company_product.jsonl:3: wrong type ('share' must be a number"));
		assertThat(rejects).anyMatch(r -> r.startsWith("product_relations.jsonl:3: unknown relation type"));
		assertThat(report.rejects()).hasSize(14);
		assertThat(report.files().get("companies.jsonl").rejectedTotal()).isEqualTo(5);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theReportSaysHowLongEachWriteStepTookAndTheRatesOfNodeAndRelationshipSteps() {
		Map<String, Object> written = (Map<String, Object>) report.toMap().get("written");
		Map<String, Long> millis = (Map<String, Long>) written.get("millisByStep");
		assertThat(millis).containsKeys("enterprises", "products", "enterprise industries", "enterprise products")
			.allSatisfy((step, ms) -> assertThat(ms).isNotNegative());
		assertThat(report.nodeRowsWritten()).isEqualTo((Long) written.get("nodeRowsWritten")).isGreaterThanOrEqualTo(6);
		assertThat(report.relationshipRowsWritten()).isEqualTo((Long) written.get("relationshipRowsWritten")).isGreaterThanOrEqualTo(5);
		assertThat((Long) written.get("nodeRowsPerStepSecond")).isEqualTo(Math.round(report.nodeRowsPerStepSecond())).isPositive();
		assertThat((Long) written.get("relationshipRowsPerStepSecond")).isEqualTo(Math.round(report.relationshipRowsPerStepSecond())).isPositive();
	}

	@Test
	void rejectedRowsAreKeptInAFileWithTheirRawText() throws Exception {
		List<String> lines = Files.readAllLines(reports.resolve("broken-rejects.jsonl"));
		assertThat(lines).hasSize(14);
		assertThat(lines).anyMatch(l -> l.contains("\"line\":4") && l.contains("缺简称股份有限公司"));
		assertThat(reports.resolve("broken-import-report.json")).exists();
	}

	@Test
	void quirksAreKeptNotDropped() {
		assertThat(db.count("MATCH (e:Enterprise {code: '000001.SZ', needsReview: true}) RETURN count(e)")).isEqualTo(1);
		assertThat(db.count("MATCH (e:Enterprise {code: '000002.SZ'}) WHERE e.listedOn IS NULL RETURN count(e)")).isEqualTo(1);
		assertThat(db.count("MATCH (:Enterprise {code: '000001.SZ'})-[r:MAKES]->(:Product {name: '平衡项目', nonProduct: true}) WHERE r.share IS NULL AND r.shareRaw = -0.2 RETURN count(r)")).isEqualTo(1);
		assertThat(db.count("MATCH (:Enterprise {code: '000001.SZ'})-[:LOCATED_IN]->(r:Region {code: '340881'}) RETURN count(r)")).isEqualTo(1);
		assertThat(report.quirks()).containsEntry("industries with an unknown parent (kept without parent)", 1L);
	}
}
