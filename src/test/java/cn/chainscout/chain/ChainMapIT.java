package cn.chainscout.chain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.chainscout.dataimport.DataImportService;
import cn.chainscout.localfirm.LocalFirmReport;
import cn.chainscout.localfirm.LocalFirmService;
import cn.chainscout.localfirm.TableRows;
import cn.chainscout.support.TestGraph;
import cn.chainscout.system.ChainScoutProperties;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seven chain files and the sample local-firm list loaded into a real embedded database with
 * the bundled data: every node matches, statuses and gaps come out as the sample was designed, and
 * reloading an edited file changes exactly what was edited.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChainMapIT {

	static TestGraph db;

	static Path work;

	static Path chainsDir;

	static ChainLoader loader;

	static LocalFirmService firms;

	static ChainMaps maps;

	static ChainLoadReport firstLoad;

	static LocalFirmReport sampleReport;

	static final List<Object> events = new ArrayList<>();

	@BeforeAll
	static void load() throws Exception {
		db = new TestGraph();
		work = Files.createTempDirectory("chainscout-chains");
		chainsDir = work.resolve("chains");
		Files.createDirectories(chainsDir);
		for (ChainFiles.File f : ChainFiles.list("classpath:graph-schema/chains")) {
			Files.writeString(chainsDir.resolve(f.name()), f.content());
		}
		ChainScoutProperties properties = properties(chainsDir.toString());
		new DataImportService(db.graph(), properties, events::add).importFrom(
				cn.chainscout.dataimport.DataSetLocation.of("classpath:data/chainkg"), (s, d, t) -> { });
		loader = new ChainLoader(db.graph(), properties, events::add);
		firstLoad = loader.reload(false);
		firms = new LocalFirmService(db.graph(), properties, events::add);
		firms.loadCarriers();
		sampleReport = firms.importConfigured();
		maps = new ChainMaps(db.graph(), properties);
	}

	static ChainScoutProperties properties(String chains) {
		return new ChainScoutProperties(
				new ChainScoutProperties.Neo4j(null, "neo4j", null, "neo4j", work.resolve("neo4j"), 0, "64m"),
				new ChainScoutProperties.Importing(false, "classpath:data/chainkg", work.resolve("reports"), 10_000, 2),
				new ChainScoutProperties.Search(work.resolve("search"), 200),
				new ChainScoutProperties.Chains(chains, 3, 100_000, true),
				new ChainScoutProperties.Home("340881", "桐城市", "classpath:data/tongcheng/carriers.csv",
						"classpath:data/tongcheng/local-firms.sample.csv", "classpath:data/tongcheng/referrers.sample.csv"),
				new ChainScoutProperties.Recommend(ChainScoutProperties.Weights.defaults(), true));
	}

	static cn.chainscout.recommend.Recommendations recommendations(cn.chainscout.recommend.Feedback feedback) {
		return new cn.chainscout.recommend.Recommendations(db.graph(), maps, feedback, new cn.chainscout.referral.WarmPaths(db.graph()),
				new cn.chainscout.referral.Projects(db.graph()), ChainScoutProperties.Weights.defaults(), null,
				new cn.chainscout.recommend.LikelyMakerModel(db.graph()));
	}

	@AfterAll
	static void stop() {
		db.close();
		TestGraph.deleteRecursively(work);
	}

	static ChainMap.Node node(ChainMap map, String id) {
		List<ChainMap.Node> found = new ArrayList<>();
		ChainMaps.walk(map.nodes(), n -> {
			if (n.id().equals(id)) {
				found.add(n);
			}
		});
		assertThat(found).as("node %s", id).hasSize(1);
		return found.get(0);
	}

	/**
	 * During a start the start-up tasks change the graph one after another (chains, local firms,
	 * referrers): the chain maps are computed in the background only once the service is ready, not
	 * again at every change, where they took CPU from the index builds of a first start.
	 */
	@Test
	@Order(0)
	void theWarmUpWaitsUntilTheServiceIsReady() throws Exception {
		var ready = new org.springframework.boot.context.event.ApplicationReadyEvent(new org.springframework.boot.SpringApplication(),
				new String[0], null, java.time.Duration.ZERO);
		ChainMaps fresh = new ChainMaps(db.graph(), properties(chainsDir.toString()));
		// Its own chain maps, so that its warm-up leaves the maps of the other tests alone.
		var recommendations = new cn.chainscout.recommend.Recommendations(db.graph(), fresh,
				new cn.chainscout.recommend.Feedback(db.graph()), new cn.chainscout.referral.WarmPaths(db.graph()),
				new cn.chainscout.referral.Projects(db.graph()), ChainScoutProperties.Weights.defaults(), null,
				new cn.chainscout.recommend.LikelyMakerModel(db.graph()));
		ChainScoutProperties p = properties(chainsDir.toString());
		ChainMaps off = new ChainMaps(db.graph(), new ChainScoutProperties(p.neo4j(), p.importing(), p.search(),
				new ChainScoutProperties.Chains(chainsDir.toString(), 3, 100_000, false), p.home(), p.recommend()));
		try {
			fresh.on(new ChainsChanged("chains loaded"));
			fresh.on(cn.chainscout.search.EnterprisesChanged.of(Set.of("300750.SZ")));
			assertThat(fresh.warmUps()).as("warm-ups started while the service is starting").isZero();
			fresh.on(ready);
			assertThat(fresh.warmUps()).isEqualTo(1);
			long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
			while (fresh.mapsKept() == 0 && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertThat(fresh.mapsKept()).as("chain maps computed by the warm-up").isPositive();
			fresh.on(new ChainsChanged("a chain file edited"));
			assertThat(fresh.warmUps()).as("once ready, a change starts the warm-up again").isEqualTo(2);

			off.on(ready);
			off.on(new ChainsChanged("chains loaded"));
			assertThat(off.warmUps()).as("warm-ups with chainscout.chains.warm-up=false").isZero();

			recommendations.on(new ChainsChanged("chains loaded"));
			assertThat(cn.chainscout.recommend.Warmups.started(recommendations)).as("recommendation warm-ups while starting").isZero();
			cn.chainscout.recommend.Warmups.ready(recommendations);
			recommendations.on(new ChainsChanged("a chain file edited"));
			assertThat(cn.chainscout.recommend.Warmups.started(recommendations)).isEqualTo(2);
		}
		finally {
			cn.chainscout.recommend.Warmups.stop(recommendations);
			fresh.stop();
			off.stop();
		}
	}

	@Test
	@Order(1)
	void allSevenChainsLoadAndEveryNodeMatchesSomething() {
		assertThat(firstLoad.files()).hasSize(7)
			.allSatisfy(f -> assertThat(f.outcome()).isEqualTo(ChainLoadReport.Outcome.LOADED));
		assertThat(firstLoad.errors()).isZero();
		List<ChainMaps.NodeMapping> mapping = maps.mapping();
		assertThat(mapping).hasSize(19 + 21 + 14 + 16 + 20 + 21 + 21);
		assertThat(mapping).as("nodes that match nothing").noneMatch(ChainMaps.NodeMapping::empty);
		assertThat(mapping).allSatisfy(n -> assertThat(n.matched()).as(n.chain() + "/" + n.nodeId()).isPositive());
		// The totals the chains README gives for 绿色包装: 483 distinct products, 374 of them made.
		assertThat(db.count("MATCH (:ChainNode {chain: 'green-packaging'})-[:COVERS]->(p) RETURN count(DISTINCT p)")).isEqualTo(483);
		assertThat(db.count("""
				MATCH (:ChainNode {chain: 'green-packaging'})-[:COVERS]->(p) WHERE EXISTS { (p)<-[:MAKES]-(:Enterprise) }
				RETURN count(DISTINCT p)""")).isEqualTo(374);
		ChainMaps.NodeMapping ink = mapping.stream().filter(n -> n.nodeId().equals("upstream-ink")).findFirst().orElseThrow();
		assertThat(ink.byRule()).containsKeys("*油墨", "油墨*");
		assertThat(db.count("MATCH (:ChainNode {key: 'green-packaging/upstream-ink'})-[:COVERS]->(p:Product) WHERE p.name IN ['PCB油墨', '电子油墨'] RETURN count(p)"))
			.as("excluded inks").isZero();
		assertThat(db.count("MATCH (n:ChainNode)-[:COVERS]->(p:Product) WHERE p.nonProduct IS NOT NULL RETURN count(p)")).isZero();
	}

	@Test
	@Order(2)
	void sampleListImportsWithEntityResolutionAndNoRejects() {
		assertThat(sampleReport.sample()).isTrue();
		assertThat(sampleReport.rows()).isEqualTo(78);
		assertThat(sampleReport.rejected()).isEmpty();
		assertThat(sampleReport.firms()).isEqualTo(78);
		assertThat(sampleReport.matches()).extracting(LocalFirmReport.Match::code).containsExactlyInAnyOrder("002014.SZ", "600761.SH");
		assertThat(sampleReport.matches()).allSatisfy(m -> assertThat(m.method()).isEqualTo("fullName"));
		assertThat(db.count("MATCH (:LocalFirm)-[:SAME_AS]->(e:Enterprise {code: '002014.SZ'}) RETURN count(e)")).isEqualTo(1);
		assertThat(db.count("MATCH (f:LocalFirm) WHERE NOT (f)-[:IN_NODE]->() RETURN count(f)")).isZero();
		assertThat(db.count("MATCH (f:LocalFirm)-[:AT]->(:Carrier {name: '双港镇'}) RETURN count(f)")).isPositive();
		assertThat(db.count("MATCH (c:Carrier {region: '340881'}) RETURN count(c)")).isEqualTo(22);
	}

	@Test
	@Order(3)
	void greenPackagingStatusesFollowTheLocalFirms() {
		ChainMap map = maps.map("green-packaging").orElseThrow();
		assertThat(map.sample()).isTrue();
		assertThat(node(map, "midstream-soft-packaging").status()).isEqualTo(ChainMap.Status.STRONG);
		assertThat(node(map, "midstream-soft-packaging").localFirms()).hasSize(7);
		assertThat(node(map, "midstream-color-printing").status()).isEqualTo(ChainMap.Status.STRONG);
		assertThat(node(map, "midstream-paper-packaging").status()).isEqualTo(ChainMap.Status.WEAK);
		assertThat(node(map, "midstream-packaging-machinery").status()).isEqualTo(ChainMap.Status.WEAK);
		assertThat(node(map, "upstream-base-film").status()).isEqualTo(ChainMap.Status.WEAK);
		assertThat(node(map, "upstream-base-film").localFirms()).hasSize(1);
		for (String missing : List.of("upstream-ink", "upstream-adhesive", "upstream-aluminum-foil", "upstream-resin")) {
			assertThat(node(map, missing).status()).as(missing).isEqualTo(ChainMap.Status.MISSING);
			assertThat(node(map, missing).localFirms()).isEmpty();
		}
		assertThat(map.counts()).isEqualTo(new ChainMap.StatusCounts(3, 4, 9));
		// A parent takes its status from everything below it.
		assertThat(node(map, "midstream").status()).isEqualTo(ChainMap.Status.STRONG);
		ChainMap.Node ink = node(map, "upstream-ink");
		assertThat(ink.makers()).isPositive();
		assertThat(ink.heads()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
		assertThat(ink.heads()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
		assertThat(ink.provinces()).isNotEmpty();
		assertThat(ink.provinces().get(0).name()).endsWith("省").doesNotMatch("\\d+");
		// The listed company matched from the local list is marked local among the makers.
		ChainMaps.NodeMakers soft = maps.makers("green-packaging", "midstream-soft-packaging", 20).orElseThrow();
		assertThat(soft.makers().get(0).code()).isEqualTo("002014.SZ");
		assertThat(soft.makers().get(0).local()).isTrue();
	}

	@Test
	@Order(4)
	void inkIsAFillGapWithTheLocalFirmsThatBuyIt() {
		List<ChainGap> gaps = maps.gaps("green-packaging").orElseThrow();
		assertThat(gaps).isSortedAccordingTo((a, b) -> Double.compare(b.weight(), a.weight()));
		ChainGap ink = gaps.stream().filter(g -> "upstream-ink".equals(g.nodeId())).findFirst().orElseThrow();
		assertThat(ink.type()).isEqualTo(ChainGap.FILL);
		assertThat(ink.buyers()).extracting(ChainGap.Buyer::firm)
			.contains("桐城市澜岳软包装有限公司", "桐城市墨川印务有限公司");
		assertThat(ink.buyers()).anySatisfy(b -> {
			assertThat(b.firm()).isEqualTo("桐城市澜岳软包装有限公司");
			assertThat(b.product()).isEqualTo("纸塑铝包装");
			assertThat(b.input()).isEqualTo("油墨");
		});
		assertThat(ink.makers()).isEqualTo(node(maps.map("green-packaging").orElseThrow(), "upstream-ink").makers());
		assertThat(ink.provinces()).isNotEmpty();
		assertThat(ink.topMakers()).isNotEmpty();
		long buyers = ink.buyers().stream().map(ChainGap.Buyer::firm).distinct().count();
		assertThat(ink.weight()).isEqualTo(ChainMaps.round(3 * buyers + 1.5 * ChainMaps.log2(1 + ink.makers()) + 2));
		assertThat(gaps).anySatisfy(g -> {
			assertThat(g.type()).isEqualTo(ChainGap.STRENGTHEN);
			assertThat(g.nodeId()).isEqualTo("upstream-base-film");
		});
		assertThat(gaps).filteredOn(g -> g.type().equals(ChainGap.EXTEND)).isNotEmpty().allSatisfy(g -> {
			assertThat(g.linkedFrom()).isNotEmpty();
			assertThat(g.makers()).isPositive();
			assertThat(db.count("MATCH (n:ChainNode {chain: 'green-packaging'})-[:COVERS]->(p:Product {name: '" + g.name().replace("'", "\\'") + "'}) RETURN count(p)"))
				.as("延链 %s lies outside the chain", g.name()).isZero();
		});
		// No 强 node is a gap.
		assertThat(gaps).noneMatch(g -> "midstream-soft-packaging".equals(g.nodeId()));
	}

	@Test
	@Order(5)
	void reloadingTheSameFilesChangesNothing() {
		List<String> before = db.facts(false);
		ChainLoadReport again = loader.reload(false);
		assertThat(again.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(ChainLoadReport.Outcome.UNCHANGED));
		ChainLoadReport forced = loader.reload(true);
		assertThat(forced.files()).allSatisfy(f -> {
			assertThat(f.outcome()).isEqualTo(ChainLoadReport.Outcome.LOADED);
			assertThat(f.changes().any()).as(f.file()).isFalse();
		});
		LocalFirmReport sameList = firms.importConfigured();
		assertThat(sameList.firms()).isEqualTo(78);
		assertThat(db.facts(false)).isEqualTo(before);
	}

	@Test
	@Order(6)
	void reloadAfterAnEditChangesExactlyWhatWasEdited() throws Exception {
		Path file = chainsDir.resolve("green-packaging.yaml");
		String original = Files.readString(file);
		List<String> before = db.facts(false);
		// Rename the 铝箔 node and drop one product from its list, on the same lines.
		String edited = original.replace("        name: 铝箔\n", "        name: 铝箔材料\n")
			.replace(", 铝箔复合膜, 铝箔袋]", ", 铝箔复合膜]");
		assertThat(edited).isNotEqualTo(original);
		Files.writeString(file, edited);
		ChainLoadReport report = loader.reload(false);
		ChainLoadReport.FileResult green = report.files().stream().filter(f -> f.chain().equals("green-packaging")).findFirst().orElseThrow();
		assertThat(green.outcome()).isEqualTo(ChainLoadReport.Outcome.LOADED);
		assertThat(green.changes()).isEqualTo(new ChainLoadReport.Changes(0, 1, 0, 0, 0, 1, 0, 0, false));
		assertThat(report.files()).filteredOn(f -> !f.chain().equals("green-packaging"))
			.allSatisfy(f -> assertThat(f.outcome()).isEqualTo(ChainLoadReport.Outcome.UNCHANGED));
		Set<String> after = new HashSet<>(db.facts(false));
		Set<String> beforeSet = new HashSet<>(before);
		Set<String> removed = new HashSet<>(beforeSet);
		removed.removeIf(after::contains);
		Set<String> added = new HashSet<>(after);
		added.removeIf(beforeSet::contains);
		// Gone: the node as it was, its COVERS to 铝箔袋, the chain's old file hash.
		assertThat(removed).hasSize(3);
		assertThat(removed).anyMatch(f -> f.startsWith("N [\"ChainNode\"]") && f.contains("name=铝箔,"));
		assertThat(removed).anyMatch(f -> f.startsWith("R \"green-packaging/upstream-aluminum-foil\" COVERS \"铝箔袋\""));
		assertThat(removed).anyMatch(f -> f.startsWith("N [\"Chain\"]") && f.contains("id=green-packaging"));
		// New: the node renamed (with the new file version as its source), the chain's new hash, the new file version.
		assertThat(added).hasSize(3);
		assertThat(added).anyMatch(f -> f.startsWith("N [\"ChainNode\"]") && f.contains("name=铝箔材料,"));
		assertThat(added).anyMatch(f -> f.startsWith("N [\"Chain\"]") && f.contains("id=green-packaging"));
		assertThat(added).anyMatch(f -> f.startsWith("N [\"Source\"]") && f.contains("file=green-packaging.yaml"));
		assertThat(events).anyMatch(e -> e instanceof ChainsChanged);
		maps.clear();
		assertThat(node(maps.map("green-packaging").orElseThrow(), "upstream-aluminum-foil").name()).isEqualTo("铝箔材料");

		// Put it back: the graph returns to the original facts but for the sources of the touched facts.
		Files.writeString(file, original);
		loader.reload(false);
		maps.clear();
		assertThat(node(maps.map("green-packaging").orElseThrow(), "upstream-aluminum-foil").name()).isEqualTo("铝箔");
		assertThat(db.count("MATCH (:ChainNode {key: 'green-packaging/upstream-aluminum-foil'})-[:COVERS]->(p:Product {name: '铝箔袋'}) RETURN count(p)")).isEqualTo(1);
	}

	@Test
	@Order(7)
	void aFileWithErrorsIsNotLoadedAndSaysWhere() throws Exception {
		Path file = chainsDir.resolve("silicon-materials.yaml");
		String original = Files.readString(file);
		List<String> before = db.facts(false);
		String broken = original.replaceFirst("names: \\[", "names: [没有这个产品, ");
		Files.writeString(file, broken);
		int line = 1 + (int) broken.substring(0, broken.indexOf("没有这个产品")).chars().filter(c -> c == '\n').count();
		ChainLoadReport report = loader.reload(false);
		ChainLoadReport.FileResult silicon = report.files().stream().filter(f -> f.chain().equals("silicon-materials")).findFirst().orElseThrow();
		assertThat(silicon.outcome()).isEqualTo(ChainLoadReport.Outcome.REJECTED);
		assertThat(silicon.problems()).anySatisfy(p -> {
			assertThat(p.error()).isTrue();
			assertThat(p.line()).isEqualTo(line);
			assertThat(p.toString()).contains("silicon-materials.yaml:" + line).contains("没有这个产品");
		});
		assertThat(db.facts(false)).as("the graph keeps the chain as it was").isEqualTo(before);

		Files.writeString(file, "id: silicon-materials\nname: 硅基\nhome: 340881\nnodes: 3\n");
		ChainLoadReport shape = loader.reload(false);
		List<String> messages = shape.files().stream().filter(f -> f.chain().equals("silicon-materials"))
			.flatMap(f -> f.problems().stream()).map(ChainProblem::toString).toList();
		assertThat(messages).anyMatch(m -> m.contains(":3") && m.contains("home"));
		assertThat(messages).anyMatch(m -> m.contains(":4") && m.contains("nodes 应是列表"));
		assertThat(messages).anyMatch(m -> m.contains("缺少 description"));
		Files.writeString(file, original);
		assertThat(loader.reload(false).errors()).isZero();
	}

	@Test
	@Order(8)
	void aRemovedFileRemovesItsChain() throws Exception {
		Path file = chainsDir.resolve("eco-home-textiles.yaml");
		String original = Files.readString(file);
		Files.delete(file);
		ChainLoadReport report = loader.reload(false);
		assertThat(report.files()).anySatisfy(f -> {
			assertThat(f.chain()).isEqualTo("eco-home-textiles");
			assertThat(f.outcome()).isEqualTo(ChainLoadReport.Outcome.REMOVED);
		});
		assertThat(db.count("MATCH (n:ChainNode {chain: 'eco-home-textiles'}) RETURN count(n)")).isZero();
		Files.writeString(file, original);
		loader.reload(false);
		assertThat(db.count("MATCH (n:ChainNode {chain: 'eco-home-textiles'}) RETURN count(n)")).isEqualTo(14);
		// Local firms pointed at the removed nodes; importing the list again links them back.
		firms.importConfigured();
		assertThat(db.count("MATCH (f:LocalFirm) WHERE NOT (f)-[:IN_NODE]->() RETURN count(f)")).isZero();
	}

	@Test
	@Order(9)
	void badRowsOfALocalListAreRejectedWithLineAndReason() throws Exception {
		byte[] bytes = ChainMapIT.class.getResourceAsStream("/localfirms/broken.csv").readAllBytes();
		LocalFirmReport report = firms.importList("broken.csv", bytes);
		Map<Integer, String> reasons = new java.util.TreeMap<>();
		report.rejected().forEach(r -> reasons.put(r.line(), String.join("；", r.reasons())));
		assertThat(reasons).containsOnlyKeys(3, 4, 5, 6, 7, 8, 9, 13);
		assertThat(reasons.get(3)).contains("企业名称为空");
		assertThat(reasons.get(4)).contains("91340881MA2N000020").contains("校验位不符");
		assertThat(reasons.get(5)).contains("绿色包材").contains("不存在").contains("绿色包装");
		assertThat(reasons.get(6)).contains("油漆").contains("不是“绿色包装”的环节");
		assertThat(reasons.get(7)).contains("年产值(万元)").contains("abc");
		assertThat(reasons.get(8)).contains("规上企业").contains("大概");
		assertThat(reasons.get(9)).contains("与第 2 行");
		assertThat(reasons.get(13)).contains("从业人数").contains("12.5");
		// Row 10's town is unknown: imported with a warning. Row 11 adds a second chain to row 2's firm.
		assertThat(report.warnings()).anySatisfy(w -> {
			assertThat(w.line()).isEqualTo(10);
			assertThat(w.message()).contains("月亮镇");
		});
		assertThat(report.firms()).isEqualTo(3);
		assertThat(db.count("MATCH (f:LocalFirm {creditCode: '91340881MA2N000017'})-[:IN_NODE]->(n) RETURN count(n)")).isEqualTo(2);
		assertThat(db.count("MATCH (f:LocalFirm {creditCode: '91340881MA2N000017'}) RETURN f.outputValue")).isEqualTo(5000);
		// A town written without 镇 still finds its carrier.
		assertThat(db.count("MATCH (:LocalFirm {name: '桐城市测试羽绒有限公司'})-[:AT]->(c:Carrier {name: '新渡镇'}) RETURN count(c)")).isEqualTo(1);
		// The list replaced the sample: the sample's firms are gone.
		assertThat(db.count("MATCH (f:LocalFirm) RETURN count(f)")).isEqualTo(3);
		assertThat(firms.lastReport().orElseThrow().file()).isEqualTo("broken.csv");
		assertThat(Files.readString(work.resolve("reports/local-firms-import-report.json"))).contains("校验位不符");
	}

	@Test
	@Order(10)
	void aListWithoutTheRequiredColumnsIsRefusedNamingThem() {
		byte[] bytes = "名称,地址\n某公司,某地\n".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> firms.importList("wrong.csv", bytes)).isInstanceOf(TableRows.UnreadableTableException.class)
			.hasMessageContaining("wrong.csv")
			.hasMessageContaining("产业链环节")
			.hasMessageContaining("名称,地址");
		assertThat(db.count("MATCH (f:LocalFirm) RETURN count(f)")).as("nothing lost").isEqualTo(3);
	}

	@Test
	@Order(11)
	void theSampleAsXlsxGivesTheSameChainsAsTheCsv() throws Exception {
		byte[] csv = ChainMapIT.class.getClassLoader().getResourceAsStream("data/tongcheng/local-firms.sample.csv").readAllBytes();
		TableRows.Table table = TableRows.read("sample.csv", csv);
		byte[] xlsx;
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("名单");
			Row header = sheet.createRow(0);
			for (int i = 0; i < table.header().size(); i++) {
				header.createCell(i).setCellValue(table.header().get(i));
			}
			int r = 1;
			for (TableRows.Row row : table.rows()) {
				Row x = sheet.createRow(r++);
				int i = 0;
				for (String h : table.header()) {
					String v = row.cells().get(h);
					if (v != null && !v.isEmpty()) {
						if (v.matches("\\d+(\\.\\d+)?") && !h.contains("代码")) {
							x.createCell(i).setCellValue(Double.parseDouble(v));
						}
						else {
							x.createCell(i).setCellValue(v);
						}
					}
					i++;
				}
			}
			wb.write(out);
			xlsx = out.toByteArray();
		}
		LocalFirmReport report = firms.importList("local-firms.sample.xlsx", xlsx);
		assertThat(report.rejected()).isEmpty();
		assertThat(report.firms()).isEqualTo(78);
		maps.clear();
		ChainMap map = maps.map("green-packaging").orElseThrow();
		assertThat(map.counts()).isEqualTo(new ChainMap.StatusCounts(3, 4, 9));
		assertThat(node(map, "midstream-soft-packaging").outputValue())
			.isEqualTo(node(map, "midstream-soft-packaging").localFirms().stream().mapToDouble(f -> f.outputValue() == null ? 0 : f.outputValue()).sum());
	}

	@Test
	@Order(12)
	void everyChainHasStrongWeakAndMissingLinksInTheSample() {
		for (ChainMaps.Summary s : maps.list()) {
			assertThat(s.counts().strong()).as(s.name() + " 强").isGreaterThanOrEqualTo(2);
			assertThat(s.counts().weak()).as(s.name() + " 弱").isGreaterThanOrEqualTo(2);
			assertThat(s.counts().missing()).as(s.name() + " 缺").isGreaterThanOrEqualTo(2);
			assertThat(maps.gaps(s.id()).orElseThrow()).anyMatch(g -> g.type().equals(ChainGap.FILL));
		}
		assertThat(maps.list()).hasSize(7);
	}

	@Test
	@Order(13)
	void theWorkbookHasNodesGapsMakersAndLocalFirms() throws Exception {
		ChainMap map = maps.map("green-packaging").orElseThrow();
		byte[] bytes = ChainWorkbook.write(map, maps.gaps("green-packaging").orElseThrow(),
				id -> maps.makers("green-packaging", id, 50).orElse(null));
		try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
			assertThat(wb.getSheet("环节").getLastRowNum()).isEqualTo(19);
			assertThat(wb.getSheet("缺口").getLastRowNum()).isEqualTo(maps.gaps("green-packaging").orElseThrow().size());
			Set<String> nodeNames = new HashSet<>();
			wb.getSheet("环节").forEach(r -> nodeNames.add(r.getCell(0).getStringCellValue().strip()));
			assertThat(nodeNames).contains("油墨", "软包装/复合膜");
			assertThat(wb.getSheet("企业").getLastRowNum()).isPositive();
			assertThat(wb.getSheet("本地企业").getLastRowNum()).isEqualTo(map.nodes().stream()
				.mapToInt(top -> sumLeafFirms(top)).sum());
			assertThat(wb.getSheet("说明").getRow(1).getCell(1).getStringCellValue()).contains("绿色包装");
		}
	}

	static int sumLeafFirms(ChainMap.Node n) {
		return n.leaf() ? n.localFirms().size() : n.children().stream().mapToInt(ChainMapIT::sumLeafFirms).sum();
	}

	@Test
	@Order(14)
	void recommendationsAreExternalExplainedAndFollowNodeAndRegion() {
		var recommendations = recommendations(new cn.chainscout.recommend.Feedback(db.graph()));
		var all = recommendations.recommend("green-packaging", null, null, 30).orElseThrow();
		assertThat(all.targets()).hasSize(30);
		assertThat(all.targets()).extracting(t -> t.code()).doesNotContain("002014.SZ", "600761.SH");
		assertThat(all.targets()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
		assertThat(all.targets()).allSatisfy(t -> assertThat(t.parts().stream().mapToDouble(p -> p.value()).sum())
			.isCloseTo(t.score(), org.assertj.core.data.Offset.offset(1e-3)));
		assertThat(all.targets().get(0).parts()).extracting(p -> p.name()).contains("补链");
		assertThat(all.targets()).anySatisfy(t -> assertThat(t.parts()).anySatisfy(p -> {
			assertThat(p.name()).isEqualTo("配套");
			assertThat(p.evidence()).contains("桐城市");
		}));

		var ink = recommendations.recommend("green-packaging", "upstream-ink", null, 10).orElseThrow();
		assertThat(ink.targets()).isNotEmpty().allSatisfy(t -> assertThat(t.parts())
			.anySatisfy(p -> assertThat(p.evidence()).contains("补链：油墨")));
		long inkMakers = db.count("""
				MATCH (:ChainNode {key: 'green-packaging/upstream-ink'})-[:COVERS]->(:Product)<-[:MAKES]-(e:Enterprise)
				RETURN count(DISTINCT e)""");
		assertThat(ink.targets().size()).isLessThanOrEqualTo((int) inkMakers);

		var guangdong = recommendations.recommend("green-packaging", null, "广东省", 200).orElseThrow();
		assertThat(guangdong.targets()).anySatisfy(t -> assertThat(t.province()).isEqualTo("广东省"));
		assertThat(guangdong.targets()).allSatisfy(t -> assertThat(t.parts().stream().anyMatch(p -> p.name().equals("区位")))
			.isEqualTo("广东省".equals(t.province())));

		// Reading the candidates best first and stopping early gives exactly the top of the full ranking.
		for (String region : java.util.Arrays.asList(null, "广东省", "苏州市")) {
			var everything = recommendations.recommend("green-packaging", null, region, 1_000_000).orElseThrow();
			for (int limit : new int[] { 1, 7, 30 }) {
				assertThat(recommendations.recommend("green-packaging", null, region, limit).orElseThrow().targets())
					.as("top %d in %s", limit, region).isEqualTo(everything.targets().subList(0, limit));
			}
		}
		assertThatThrownBy(() -> recommendations.recommend("green-packaging", null, "火星", 10))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("火星");
		assertThatThrownBy(() -> recommendations.recommend("green-packaging", "nope", null, 10))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
		assertThat(recommendations.recommend("nope", null, null, 10)).isEmpty();
	}

	@Test
	@Order(15)
	void notAFitTakesATargetOffTheListAndInterestMovesOneUp() {
		var feedback = new cn.chainscout.recommend.Feedback(db.graph());
		var recommendations = recommendations(feedback);
		var before = recommendations.recommend("green-packaging", null, null, 10).orElseThrow();
		String first = before.targets().get(0).code();
		String third = before.targets().get(2).code();
		feedback.record("green-packaging", first, "已接触", null, "张三");
		feedback.record("green-packaging", first, "不合适", "已在外省扩产，无意向", "张三");
		feedback.record("green-packaging", third, "有意向", null, "李四");
		var after = recommendations.recommend("green-packaging", null, null, 10).orElseThrow();
		assertThat(after.suppressed()).isEqualTo(1);
		assertThat(after.targets()).extracting(t -> t.code()).doesNotContain(first);
		var liked = after.targets().stream().filter(t -> t.code().equals(third)).findFirst().orElseThrow();
		assertThat(liked.parts()).anySatisfy(p -> {
			assertThat(p.name()).isEqualTo("跟进");
			assertThat(p.evidence()).contains("李四").contains("有意向");
		});
		assertThat(liked.history()).singleElement().satisfies(h -> assertThat(h.by()).isEqualTo("李四"));
		assertThat(liked.score()).isGreaterThan(before.targets().get(2).score());
		// Only this chain: the same firm is still recommended elsewhere if it fits there.
		assertThat(db.count("MATCH (f:Feedback {chain: 'green-packaging'})-[:ABOUT]->(:Enterprise) RETURN count(f)")).isEqualTo(3);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> feedback.record("green-packaging", third, "还行", null, "王五"))
			.hasMessageContaining("还行");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> feedback.record("green-packaging", third, "不合适", " ", "王五"))
			.hasMessageContaining("原因");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> feedback.record("green-packaging", "999999.SZ", "有意向", null, "王五"))
			.isInstanceOf(cn.chainscout.web.NotFoundException.class).hasMessageContaining("999999.SZ");
	}
}
