package cn.chainscout.referral;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.chainscout.chain.ChainLoader;
import cn.chainscout.chain.ChainMaps;
import cn.chainscout.dataimport.DataImportService;
import cn.chainscout.dataimport.DataSetLocation;
import cn.chainscout.localfirm.LocalFirmService;
import cn.chainscout.localfirm.TableRows;
import cn.chainscout.recommend.Feedback;
import cn.chainscout.recommend.LikelyMakerModel;
import cn.chainscout.recommend.Recommendations;
import cn.chainscout.support.TestGraph;
import cn.chainscout.system.ChainScoutProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/**
 * A planted graph: a small battery chain whose separator link is missing in the city, a local
 * battery maker that needs separators, five listed firms, and a referrer graph around the separator
 * maker. Everything below follows from those files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferralIT {

	static TestGraph db;

	static Path work;

	static ReferrerService referrers;

	static ReferrerReport report;

	static WarmPaths warmPaths;

	static Projects projects;

	static Recommendations recommendations;

	static ChainScoutProperties properties;

	@BeforeAll
	static void plant() throws Exception {
		db = new TestGraph();
		work = Files.createTempDirectory("chainscout-referral");
		Path data = copy("planted", List.of("companies.jsonl", "industries.jsonl", "company_industry.jsonl", "industry_upstream.jsonl",
				"products.jsonl", "company_product.jsonl", "product_relations.jsonl"));
		Path chains = copy("chains", List.of("battery.yaml"));
		properties = new ChainScoutProperties(
				new ChainScoutProperties.Neo4j(null, "neo4j", null, "neo4j", work.resolve("neo4j"), 0, "64m"),
				new ChainScoutProperties.Importing(false, data.toString(), work.resolve("reports"), 10_000, 2),
				new ChainScoutProperties.Search(work.resolve("search"), 200), new ChainScoutProperties.Chains(chains.toString(), 3, 100_000, true),
				new ChainScoutProperties.Home("340881", "桐城市", "", "", ""),
				new ChainScoutProperties.Recommend(ChainScoutProperties.Weights.defaults(), true));
		List<Object> events = new ArrayList<>();
		new DataImportService(db.graph(), properties, events::add).importFrom(DataSetLocation.of(data.toString()), (s, d, t) -> { });
		var chainLoad = new ChainLoader(db.graph(), properties, events::add).reload(false);
		assertThat(chainLoad.errors()).as(chainLoad.toString()).isZero();
		var firms = new LocalFirmService(db.graph(), properties, events::add).importList("local-firms.csv", resource("local-firms.csv"));
		assertThat(firms.firms()).as(firms.toString()).isEqualTo(1);
		referrers = new ReferrerService(db.graph(), properties);
		report = referrers.importList("referrers.csv", resource("referrers.csv"));
		warmPaths = new WarmPaths(db.graph());
		projects = new Projects(db.graph());
		recommendations = new Recommendations(db.graph(), new ChainMaps(db.graph(), properties), new Feedback(db.graph()), warmPaths,
				projects, ChainScoutProperties.Weights.defaults(), null, new LikelyMakerModel(db.graph()));
	}

	static byte[] resource(String name) throws Exception {
		try (var in = ReferralIT.class.getResourceAsStream("/referral/" + name)) {
			return in.readAllBytes();
		}
	}

	static Path copy(String dir, List<String> names) throws Exception {
		Path out = work.resolve(dir);
		Files.createDirectories(out);
		for (String n : names) {
			Files.write(out.resolve(n), resource(dir + "/" + n));
		}
		return out;
	}

	@AfterAll
	static void stop() {
		db.close();
		TestGraph.deleteRecursively(work);
	}

	@Test
	@Order(1)
	void importKeepsGoodRowsAndRejectsEachBadRowWithItsLineAndEveryReason() {
		assertThat(report.rows()).isEqualTo(12);
		assertThat(report.referrers()).isEqualTo(6);
		assertThat(report.ties()).containsExactlyInAnyOrderEntriesOf(Map.of("任职", 2, "会员", 1, "投资", 1, "校友", 1, "创办", 1, "供货", 1));
		assertThat(report.rejected()).extracting(ReferrerReport.Rejected::line).containsExactly(9, 10, 11, 12);
		assertThat(report.rejected().get(0).reasons()).containsExactly("引荐人为空");
		assertThat(report.rejected().get(1).reasons()).singleElement().asString().contains("专家");
		assertThat(report.rejected().get(2).reasons()).singleElement().asString().contains("999999.SZ");
		assertThat(report.rejected().get(3).reasons()).hasSize(3)
			.anySatisfy(r -> assertThat(r).contains("认识"))
			.anySatisfy(r -> assertThat(r).contains("起始年份").contains("20"))
			.anySatisfy(r -> assertThat(r).contains("2026-13-01"));
		assertThat(report.warnings()).singleElement().satisfies(w -> {
			assertThat(w.line()).isEqualTo(13);
			assertThat(w.message()).contains("火星");
		});
		assertThat(db.count("MATCH (r:Referrer {key: '王一'})-[:LOCATED_IN]->(:Region {code: '320500'}) RETURN count(r)")).isEqualTo(1);
		assertThat(db.count("MATCH (r:Referrer {key: '王一'})-[:NATIVE_OF]->(:Region {code: '340881'}) RETURN count(r)")).isEqualTo(1);
		assertThat(db.count("MATCH (:LocalFirm)-[t:SUPPLIES]->(:Enterprise {code: '900004.SZ'}) RETURN count(t)")).isEqualTo(1);
		assertThat(db.count("MATCH (r:Referrer {key: '吴七'}) WHERE NOT (r)-[:LOCATED_IN]->() RETURN count(r)")).isEqualTo(1);
	}

	@Test
	@Order(2)
	void importingTheSameFileAgainChangesNothing() throws Exception {
		String before = db.fingerprint();
		referrers.importList("referrers.csv", resource("referrers.csv"));
		assertThat(db.fingerprint()).isEqualTo(before);
	}

	@Test
	@Order(3)
	void warmPathsComeOutStrongestFirstWithEveryHopNamed() {
		List<WarmPaths.WarmPath> paths = warmPaths.to("900001.SZ", 10);
		assertThat(paths).extracting(p -> p.hops().stream().map(h -> h.from().name()).toList()).containsExactly(
				List.of("王一"), List.of("测试基金"), List.of("桐城测试商会", "王一"), List.of("赵三", "王一"));
		assertThat(paths).isSortedAccordingTo((a, b) -> Double.compare(b.strength(), a.strength()));
		WarmPaths.WarmPath chamber = paths.get(2);
		assertThat(chamber.text()).isEqualTo("桐城测试商会（商会） ←会员— 王一（桐城籍人士） —任职→ 示范隔膜（企业）");
		assertThat(chamber.hops().get(0).forward()).isFalse();
		assertThat(chamber.hops()).allSatisfy(h -> assertThat(h.strength()).isBetween(0.0, 1.0));
		assertThat(chamber.strength()).isCloseTo(chamber.hops().get(0).strength() * chamber.hops().get(1).strength(), offset(1e-3));
		// A fund's tie without a date counts 0.8 of its base strength.
		assertThat(paths.get(1).strength()).isCloseTo(0.85 * 0.8, offset(1e-4));
		assertThat(paths.get(1).hops().get(0).when()).isEqualTo("时间不详");
		// The local firm itself opens the door to the firm it supplies; nobody reaches 900005.
		assertThat(warmPaths.to("900004.SZ", 10)).singleElement()
			.satisfies(p -> assertThat(p.text()).startsWith("桐城市测试电池有限公司（本地企业） —供货→"));
		assertThat(warmPaths.to("900005.SZ", 10)).isEmpty();
		assertThat(warmPaths.to("900001.SZ", 2)).hasSize(2);
	}

	@Test
	@Order(4)
	void plantedGapAndSupplierPathGiveTheExpectedTopTargetAndExplanation() {
		Recommendations.Result result = recommendations.recommend("battery", null, null, 10).orElseThrow();
		Recommendations.Target top = result.targets().get(0);
		assertThat(top.code()).isEqualTo("900001.SZ");
		assertThat(top.parts()).extracting(Recommendations.Part::name).containsExactly("补链", "配套", "龙头", "引荐");
		assertThat(top.parts().get(0).evidence()).contains("湿法隔膜").contains("补链：隔膜");
		assertThat(top.parts().get(1).evidence()).contains("供应 湿法隔膜，桐城市测试电池有限公司 的 锂电池 需要");
		assertThat(top.parts().get(3).evidence()).startsWith("王一（桐城籍人士） —任职→ 示范隔膜");
		assertThat(top.warmPath()).isNotNull();
		assertThat(result.targets()).allSatisfy(t -> assertThat(t.parts().stream().mapToDouble(Recommendations.Part::value).sum())
			.isCloseTo(t.score(), offset(1e-3)));
		// The other separator maker is smaller, has no warm path, and ranks below.
		assertThat(result.targets()).extracting(Recommendations.Target::code).contains("900005.SZ");
		assertThat(result.rule()).contains("引荐 0.1").contains("补链/强链 0.35");
		// A lithium-salt maker the graph does not link to separators, but whose product separator makers
		// also make, comes in as a likely maker, said to be inferred, below the known makers.
		Recommendations.Target inferred = result.targets().stream().filter(t -> t.code().equals("900007.SZ")).findFirst().orElseThrow();
		assertThat(inferred.parts().get(0).name()).isEqualTo("补链");
		assertThat(inferred.parts().get(0).evidence()).contains("可能生产 湿法隔膜").contains("推测").contains("碳酸锂");
		assertThat(inferred.score()).isLessThan(result.targets().stream().filter(t -> t.code().equals("900005.SZ")).findFirst().orElseThrow().score());
		assertThat(db.count("MATCH (:Enterprise {code: '900007.SZ'})-[:MAKES]->(:Product {name: '湿法隔膜'}) RETURN count(*)")).isZero();
	}

	@Test
	@Order(5)
	void weightsAreConfigurationAndTheScoreStillAddsUp() {
		var heavyReferral = new Recommendations(db.graph(), new ChainMaps(db.graph(), properties), new Feedback(db.graph()), warmPaths, projects,
				new ChainScoutProperties.Weights(0.1, 0.1, 0.1, 0.1, 1.0, 0.1, 0.05), null, null);
		var result = heavyReferral.recommend("battery", null, null, 10).orElseThrow();
		assertThat(result.targets().get(0).code()).isEqualTo("900001.SZ");
		// 900002's founder tie now weighs more than its lack of a supplier link.
		var electrolyte = result.targets().stream().filter(t -> t.code().equals("900002.SZ")).findFirst().orElseThrow();
		assertThat(electrolyte.parts()).anySatisfy(p -> assertThat(p.name()).isEqualTo("引荐"));
		assertThat(result.targets()).allSatisfy(t -> assertThat(t.parts().stream().mapToDouble(Recommendations.Part::value).sum())
			.isCloseTo(t.score(), offset(1e-3)));
		assertThatThrownBy(() -> new ChainScoutProperties.Weights(1.5, 0, 0, 0, 0, 0, 0)).hasMessageContaining("1.5");
	}

	@Test
	@Order(6)
	void aLandedProjectCreditsItsReferrerAndLeavesTheList() {
		Projects.Project p = projects.create(new Projects.NewProject(null, "900001.SZ", "battery", null, 1.2e9, List.of("王一"), "招商一组",
				java.time.LocalDate.of(2026, 11, 2)));
		assertThat(p.stage()).isEqualTo("在谈");
		assertThat(p.name()).isEqualTo("示范隔膜项目");
		assertThat(p.credits()).isEmpty();
		assertThat(recommendations.recommend("battery", null, null, 10).orElseThrow().targets()).extracting(Recommendations.Target::code)
			.contains("900001.SZ");
		Projects.Project signed = projects.advance(p.id(), "签约", "招商一组", java.time.LocalDate.of(2026, 11, 20));
		assertThat(signed.credits()).singleElement().satisfies(c -> {
			assertThat(c.referrer()).isEqualTo("王一");
			assertThat(c.stage()).isEqualTo("签约");
		});
		assertThat(signed.moves()).extracting(Projects.Move::stage).containsExactly("在谈", "签约");
		projects.advance(p.id(), "开工", "招商一组", null);
		assertThat(projects.creditedTo("王一")).singleElement().satisfies(c -> {
			assertThat(c.stage()).isEqualTo("开工");
			assertThat(c.credits()).singleElement().satisfies(cr -> assertThat(cr.stage()).isEqualTo("签约"));
		});
		var after = recommendations.recommend("battery", null, null, 10).orElseThrow();
		assertThat(after.targets()).extracting(Recommendations.Target::code).doesNotContain("900001.SZ");
		assertThat(after.landed()).isEqualTo(1);
		assertThatThrownBy(() -> projects.advance(p.id(), "在谈", "招商一组", null)).hasMessageContaining("开工").hasMessageContaining("在谈");
		assertThatThrownBy(() -> projects.create(new Projects.NewProject(null, "900002.SZ", "battery", "洽谈", null, null, "x", null)))
			.hasMessageContaining("洽谈");
		assertThatThrownBy(() -> projects.create(new Projects.NewProject(null, "900002.SZ", null, null, null, List.of("无名氏"), "x", null)))
			.hasMessageContaining("无名氏");
		assertThatThrownBy(() -> projects.creditedTo("无名氏")).isInstanceOf(cn.chainscout.web.NotFoundException.class);
	}

	@Test
	@Order(7)
	void theLedgerFiltersCountsByStageAndExportsAWorkbookThatReadsBack() throws Exception {
		ProjectLedgers ledgers = new ProjectLedgers(projects, new ChainMaps(db.graph(), properties));
		Projects.Project talks = projects.create(new Projects.NewProject("电解液二期", "900002.SZ", "battery", null, 3.0e8, null, "招商二组",
				java.time.LocalDate.of(2026, 11, 10)));
		ProjectLedger all = ledgers.read(null, null, null);
		assertThat(all.projects()).extracting(Projects.Project::enterprise).as("newest first").containsExactly("900002.SZ", "900001.SZ");
		assertThat(all.projects()).extracting(Projects.Project::chainName).containsOnly("锂电池测试链");
		assertThat(all.stages()).extracting(ProjectLedger.StageTotal::stage).containsExactlyElementsOf(Projects.STAGES);
		assertThat(all.stages()).filteredOn(t -> t.projects() > 0)
			.extracting(ProjectLedger.StageTotal::stage, ProjectLedger.StageTotal::projects, ProjectLedger.StageTotal::investmentYi)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("在谈", 1, 3.0), org.assertj.core.groups.Tuple.tuple("开工", 1, 12.0));
		assertThat(all.landed()).isEqualTo(1);
		assertThat(all.investmentYi()).isEqualTo(15.0);
		assertThat(all.filters()).isEqualTo("全部项目");

		ProjectLedger inTalks = ledgers.read(null, "在谈", null);
		assertThat(inTalks.projects()).extracting(Projects.Project::id).containsExactly(talks.id());
		assertThat(inTalks.stages()).as("a stage filter picks the rows, not the totals").isEqualTo(all.stages());
		assertThat(inTalks.investmentYi()).isEqualTo(3.0);
		assertThat(ledgers.read("battery", null, "王一").projects()).extracting(Projects.Project::enterprise).containsExactly("900001.SZ");
		assertThat(ledgers.read(null, null, "电解液").projects()).extracting(Projects.Project::id).containsExactly(talks.id());
		assertThat(ledgers.read(null, null, "900001.sz").projects()).extracting(Projects.Project::enterprise).containsExactly("900001.SZ");
		ProjectLedger none = ledgers.read("battery", "达产", null);
		assertThat(none.projects()).isEmpty();
		assertThat(none.filters()).isEqualTo("产业链：锂电池测试链；当前阶段：达产");
		assertThatThrownBy(() -> ledgers.read("no-such-chain", null, null)).hasMessageContaining("'no-such-chain'")
			.hasMessageContaining("锂电池测试链（battery）");
		assertThatThrownBy(() -> ledgers.read(null, "洽谈", null)).hasMessageContaining("'洽谈'").hasMessageContaining("在谈");
		assertThatThrownBy(() -> ledgers.read(null, null, "长".repeat(51))).hasMessageContaining("51").hasMessageContaining("50");

		java.time.LocalDate nov1 = java.time.LocalDate.of(2026, 11, 1);
		ProjectLedger early = ledgers.read(null, null, null, nov1, java.time.LocalDate.of(2026, 11, 15));
		assertThat(early.projects()).as("both registered in the first half of November").hasSize(2);
		assertThat(early.stages()).filteredOn(t -> t.projects() > 0)
			.extracting(ProjectLedger.StageTotal::stage, ProjectLedger.StageTotal::projects, ProjectLedger.StageTotal::investmentYi)
			.as("stages reached within the period, not stages now").containsExactly(org.assertj.core.groups.Tuple.tuple("在谈", 2, 15.0));
		assertThat(early.filters()).isEqualTo("期间：2026-11-01 至 2026-11-15");
		ProjectLedger signedLater = ledgers.read(null, "签约", null, java.time.LocalDate.of(2026, 11, 16), java.time.LocalDate.of(2026, 11, 30));
		assertThat(signedLater.projects()).extracting(Projects.Project::enterprise).as("signed on 11-20, 开工 now").containsExactly("900001.SZ");
		assertThat(signedLater.filters()).isEqualTo("期间：2026-11-16 至 2026-11-30；期间内到达：签约");
		assertThat(signedLater.landed()).as("signed within the period, though 开工 now").isEqualTo(1);
		assertThat(early.landed()).as("neither signed in the first half of November").isZero();
		assertThat(ledgers.read(null, null, null, java.time.LocalDate.of(2026, 11, 21), java.time.LocalDate.of(2026, 11, 25)).projects())
			.as("nothing moved then").isEmpty();
		assertThat(ledgers.read(null, null, null, null, java.time.LocalDate.of(2026, 11, 5)).filters()).isEqualTo("期间：2026-11-05 止");
		assertThatThrownBy(() -> ledgers.read(null, null, null, java.time.LocalDate.of(2026, 11, 30), nov1)).hasMessageContaining("2026-11-30")
			.hasMessageContaining("晚于");
		assertThatThrownBy(() -> ProjectLedgers.date("2026/13/01", "from")).hasMessageContaining("from").hasMessageContaining("2026/13/01");
		try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(early.workbook()))) {
			assertThat(wb.getSheet("阶段汇总").getRow(0).getCell(0).getStringCellValue()).isEqualTo("期间内到达的阶段");
			assertThat(cells(wb.getSheet("阶段汇总").getRow(7))).containsExactly("期间内有进展的项目", "2", "15.00");
		}

		Projects.Project started = projects.list(null, "900001.SZ", null).get(0);
		try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(all.workbook()))) {
			assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2))).containsExactly("项目台账", "阶段汇总", "说明");
			var ledger = wb.getSheet("项目台账");
			assertThat(cells(ledger.getRow(0))).containsExactlyElementsOf(ProjectLedger.COLUMNS);
			assertThat(ledger.getLastRowNum()).isEqualTo(2);
			var row = ledger.getRow(2);
			int col = ProjectLedger.COLUMNS.indexOf("投资额（亿元）");
			assertThat(row.getCell(col).getNumericCellValue()).as("a number Excel can sum").isEqualTo(12.0);
			var cells = cells(row);
			assertThat(cells.get(ProjectLedger.COLUMNS.indexOf("企业"))).isEqualTo("示范隔膜");
			assertThat(cells.get(ProjectLedger.COLUMNS.indexOf("当前阶段"))).isEqualTo("开工");
			assertThat(cells.get(ProjectLedger.COLUMNS.indexOf("已记功引荐人"))).isEqualTo("王一");
			assertThat(cells.get(ProjectLedger.COLUMNS.indexOf("在谈"))).isEqualTo("2026-11-02");
			assertThat(cells.get(ProjectLedger.COLUMNS.indexOf("签约"))).isEqualTo("2026-11-20");
			assertThat(cells.get(ProjectLedger.COLUMNS.indexOf("开工"))).isEqualTo(started.reached("开工").orElseThrow().date().toString());
			var signedOn = row.getCell(ProjectLedger.COLUMNS.indexOf("签约"));
			assertThat(signedOn.getLocalDateTimeCellValue().toLocalDate()).as("a date Excel can filter and sort").isEqualTo("2026-11-20");
			assertThat(cells.get(col)).isEqualTo("12.00");
			assertThat(cells.get(ProjectLedger.COLUMNS.indexOf("入库"))).isEmpty();
			var totals = wb.getSheet("阶段汇总");
			assertThat(cells(totals.getRow(1))).containsExactly("在谈", "1", "3.00");
			assertThat(cells(totals.getRow(7))).containsExactly("合计", "2", "15.00");
			assertThat(cells(wb.getSheet("说明").getRow(2))).singleElement().asString().contains("全部项目").contains("共 2 个项目");
		}

		assertThatThrownBy(() -> projects.advance(talks.id(), "签约", "招商二组", java.time.LocalDate.of(2026, 11, 9)))
			.hasMessageContaining("2026-11-09").hasMessageContaining("2026-11-10").hasMessageContaining("在谈");
		java.time.LocalDate tomorrow = cn.chainscout.system.ChinaTime.today().plusDays(1);
		assertThatThrownBy(() -> projects.advance(talks.id(), "签约", "招商二组", tomorrow)).hasMessageContaining(tomorrow + " 晚于今天");
		assertThatThrownBy(() -> projects.create(new Projects.NewProject(null, "900003.SH", null, null, null, null, "x", tomorrow)))
			.hasMessageContaining("晚于今天");
		assertThat(projects.get(talks.id()).stage()).as("a refused move changes nothing").isEqualTo("在谈");
	}

	private static List<String> cells(org.apache.poi.ss.usermodel.Row row) {
		// as Excel shows them
		List<String> out = new ArrayList<>();
		for (int i = 0; i < row.getLastCellNum(); i++) {
			var cell = row.getCell(i);
			out.add(cell == null ? "" : new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(cell));
		}
		return out;
	}

	@Test
	@Order(8)
	void undoTakesBackTheLatestMoveKeepsItAsACorrectionAndTakesTheCreditBackBeforeSigning() {
		Projects.Project p = projects.list(null, "900001.SZ", null).get(0);
		assertThat(p.stage()).isEqualTo("开工");
		assertThat(p.credits()).isNotEmpty();
		assertThatThrownBy(() -> projects.undo(p.id(), "开工", "招商一组", " ")).hasMessageContaining("撤销原因");
		assertThatThrownBy(() -> projects.undo(p.id(), "开工", null, "误点")).hasMessageContaining("经办人");

		assertThatThrownBy(() -> projects.undo(p.id(), null, "招商一组", "误点")).hasMessageContaining("要撤销的阶段");
		Projects.Project signed = projects.undo(p.id(), "开工", "招商一组", "误点了开工");
		assertThatThrownBy(() -> projects.undo(p.id(), "开工", "招商一组", "误点了开工"))
			.as("a second click on the same undo takes back nothing more").hasMessageContaining("现在在“签约”阶段");
		assertThat(signed.stage()).isEqualTo("签约");
		assertThat(signed.moves()).extracting(Projects.Move::stage).containsExactly("在谈", "签约");
		assertThat(signed.corrections()).singleElement().satisfies(c -> {
			assertThat(c.stage()).isEqualTo("开工");
			assertThat(c.undoneBy()).isEqualTo("招商一组");
			assertThat(c.reason()).isEqualTo("误点了开工");
		});
		assertThat(signed.credits()).as("still signed: the credit stays").extracting(Projects.Credit::referrer).containsExactly("王一");

		Projects.Project talks = projects.undo(p.id(), "签约", "招商二组", "签约未成|改期");
		assertThat(talks.stage()).isEqualTo("在谈");
		assertThat(talks.corrections()).extracting(Projects.Correction::reason).containsExactly("误点了开工", "签约未成/改期");
		assertThat(talks.credits()).as("back before 签约: no credit").isEmpty();
		assertThat(projects.creditedTo("王一")).isEmpty();
		assertThat(recommendations.recommend("battery", null, null, 10).orElseThrow().targets()).extracting(Recommendations.Target::code)
			.as("no longer landed: recommended again").contains("900001.SZ");
		assertThatThrownBy(() -> projects.undo(p.id(), "在谈", "招商二组", "再撤")).hasMessageContaining("只有登记时的“在谈”");

		Projects.Project again = projects.advance(p.id(), "签约", "招商一组", null);
		assertThat(again.credits()).as("signed again: credited again").extracting(Projects.Credit::referrer).containsExactly("王一");
		assertThat(again.corrections()).hasSize(2);
		assertThatThrownBy(() -> projects.undo("P-NONE", "在谈", "x", "y")).isInstanceOf(cn.chainscout.web.NotFoundException.class);
	}

	@Test
	@Order(9)
	void anOfficesLedgerImportsItsGoodRowsRejectsEachBadOneWithItsLineAndReadsBackItsOwnExport() throws Exception {
		ProjectImport importer = new ProjectImport(db.graph(), projects, new ChainMaps(db.graph(), properties), properties);
		String csv = String.join("\n",
				"项目名称,企业代码,企业,产业链,当前阶段,投资额 (亿元),引荐人,登记人,在谈,签约,开工,入库,投产,达产,备注",
				"正极材料基地,900003,,锂电池测试链,开工,6.5,王一,招商三组,2026-01-05,2026/03/10,2026年5月8日,,,",
				",,样例电解液,battery,,0.8,,,2026-02-01,,,,,",
				"电解液二期,900002.SZ,,,在谈,,,,,,,,,",
				"坏日期,900003.SH,,,签约,,,,2026-05-01,2026-04-01,,,,",
				"未来,900003.SH,,,在谈,,,,2099-01-01,,,,,",
				"没阶段,900003.SH,,,,,,,,,,,,",
				"无名企业项目,,不存在的公司,,在谈,,,,,,,,,",
				"多问题,999999.SZ,,火星链,洽谈,-1,无名氏,,,,,,,",
				"阶段超前,900003.SH,,,签约,,,,,2026-03-01,2026-04-01,,,",
				"正极材料基地,900003.SH,,,在谈,,,,,,,,,",
				"负极项目,900003.SH,,,签约,1,,,,,,,,",
				"竖线|项目,900001.SZ,,,在谈,,,,2026-03-01 09:30,,,,,") + "\n";
		ProjectImport.Report report = importer.importLedger("台账.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(report.rows()).isEqualTo(12);
		assertThat(report.imported()).as(report.toString()).isEqualTo(4);
		assertThat(report.alreadyThere()).isEqualTo(1);
		assertThat(report.rejected()).extracting(ProjectImport.Rejected::line).containsExactly(5, 6, 7, 8, 9, 10, 11);
		Map<Integer, String> why = new java.util.HashMap<>();
		report.rejected().forEach(r -> why.put(r.line(), String.join("；", r.reasons())));
		assertThat(why.get(5)).contains("2026-04-01").contains("早于");
		assertThat(why.get(6)).contains("2099-01-01").contains("晚于今天");
		assertThat(why.get(7)).contains("当前阶段为空");
		assertThat(why.get(8)).contains("不存在的公司");
		assertThat(why.get(9)).contains("999999.SZ").contains("火星链").contains("洽谈").contains("-1").contains("无名氏");
		assertThat(why.get(10)).contains("开工").contains("当前阶段是“签约”");
		assertThat(why.get(11)).contains("第 2 行");
		assertThat(report.warnings()).extracting(ProjectImport.Warning::line).containsExactly(1, 12);
		assertThat(report.warnings().get(0).message()).contains("备注").doesNotContain("投资额");
		assertThat(report.warnings().get(1).message()).contains("签约").contains("导入当天");
		assertThat(report.summary()).contains("新导入 4 个项目").contains("1 个已在台账中").contains("7 行有错误");
		assertThat(projects.list(null, "900003.SH", null)).filteredOn(p -> p.name().equals("负极项目")).singleElement()
			.satisfies(p -> assertThat(p.investmentYuan()).as("read from 投资额 (亿元)").isEqualTo(1e8));
		assertThat(projects.list(null, "900001.SZ", null)).filteredOn(p -> p.name().equals("竖线|项目")).singleElement()
			.satisfies(p -> assertThat(p.moves().get(0).date()).isEqualTo("2026-03-01"));

		Projects.Project cathode = projects.list(null, "900003.SH", null).stream().filter(p -> p.name().equals("正极材料基地")).findFirst()
			.orElseThrow();
		assertThat(cathode.stage()).isEqualTo("开工");
		assertThat(cathode.chain()).isEqualTo("battery");
		assertThat(cathode.investmentYuan()).isEqualTo(6.5e8);
		assertThat(cathode.moves()).extracting(Projects.Move::stage, m -> m.date().toString()).containsExactly(
				org.assertj.core.groups.Tuple.tuple("在谈", "2026-01-05"), org.assertj.core.groups.Tuple.tuple("签约", "2026-03-10"),
				org.assertj.core.groups.Tuple.tuple("开工", "2026-05-08"));
		assertThat(cathode.moves()).extracting(Projects.Move::by).containsOnly("招商三组");
		assertThat(cathode.credits()).singleElement().satisfies(c -> {
			assertThat(c.referrer()).isEqualTo("王一");
			assertThat(c.stage()).as("credited at its first landed stage").isEqualTo("签约");
		});
		assertThat(projects.list(null, "900002.SZ", null)).extracting(Projects.Project::name).contains("样例电解液项目", "电解液二期");
		try (var files = Files.list(properties.importing().reportDir())) {
			assertThat(files.map(f -> f.getFileName().toString())).anyMatch(f -> f.startsWith("projects-import-") && f.endsWith(".json"));
		}

		int before = projects.list(null, null, null).size();
		ProjectImport.Report again = importer.importLedger("台账.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(again.imported()).as("importing the same file twice changes nothing").isZero();
		assertThat(again.alreadyThere()).as("a name with | too").isEqualTo(5);
		assertThat(again.rejected()).extracting(ProjectImport.Rejected::line).containsExactly(5, 6, 7, 8, 9, 10, 11);
		assertThat(projects.list(null, null, null)).hasSize(before);

		byte[] exported = new ProjectLedgers(projects, new ChainMaps(db.graph(), properties)).read(null, null, null).workbook();
		ProjectImport.Report roundTrip = importer.importLedger("招商项目台账.xlsx", exported);
		assertThat(roundTrip.rejected()).as(roundTrip.toString()).isEmpty();
		assertThat(roundTrip.imported()).isZero();
		assertThat(roundTrip.alreadyThere()).isEqualTo(before);

		assertThatThrownBy(() -> importer.importLedger("x.csv", "名称,阶段\n甲,在谈\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.hasMessageContaining("x.csv").hasMessageContaining("企业代码");
		try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(ProjectImport.template()))) {
			assertThat(cells(wb.getSheetAt(0).getRow(0))).containsExactlyElementsOf(ProjectImport.COLUMNS);
		}
		assertThat(TableRows.read("t.xlsx", ProjectImport.template()).header()).containsExactlyElementsOf(ProjectImport.COLUMNS);
	}

	@Test
	@Order(10)
	void templatesReadBackWithTheImportersOwnReaderAndTheirExampleRowsAreSkipped() throws Exception {
		TableRows.Table csv = TableRows.read("t.csv", ReferrerTemplates.csv());
		assertThat(csv.header()).containsExactlyElementsOf(ReferrerService.COLUMNS);
		try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(ReferrerTemplates.xlsx()))) {
			assertThat(wb.getSheet("引荐人名单").getRow(0).getCell(6).getStringCellValue()).isEqualTo("关系对象");
			assertThat(wb.getSheet("填写说明").getLastRowNum()).isPositive();
		}
		String before = db.fingerprint();
		assertThatThrownBy(() -> referrers.importList("wrong.csv", "名称,地址\r\n甲,乙\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.hasMessageContaining("wrong.csv").hasMessageContaining("引荐人").hasMessageContaining("关系对象");
		assertThat(db.fingerprint()).isEqualTo(before);
		ReferrerReport empty = referrers.importList("template.csv", ReferrerTemplates.csv());
		assertThat(empty.referrers()).isZero();
		assertThat(empty.warnings()).hasSize(ReferrerTemplates.EXAMPLES.size());
		assertThat(db.count("MATCH (r:Referrer) RETURN count(r)")).isZero();
		assertThat(db.count("MATCH (:LocalFirm)-[t:SUPPLIES]->() RETURN count(t)")).isZero();
	}
}
