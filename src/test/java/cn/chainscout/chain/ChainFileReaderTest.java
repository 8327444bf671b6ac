package cn.chainscout.chain;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain file format: the bundled files read cleanly; mistakes are reported with their line. */
class ChainFileReaderTest {

	@Test
	void everyBundledFileReadsWithoutProblems() {
		List<ChainFiles.File> files = ChainFiles.list("classpath:graph-schema/chains");
		assertThat(files).extracting(ChainFiles.File::name).containsExactly("eco-home-textiles.yaml", "electromechanical-equipment.yaml",
				"green-packaging.yaml", "medicine-health.yaml", "new-energy-vehicles.yaml", "safety-health-protection.yaml",
				"silicon-materials.yaml");
		for (ChainFiles.File f : files) {
			ChainFileReader.Result r = ChainFileReader.read(f.name(), f.content(), f.sha256());
			assertThat(r.problems()).as(f.name()).isEmpty();
			assertThat(r.definition()).isNotNull();
			assertThat(r.definition().home()).isEqualTo("340881");
			assertThat(r.definition().nodes()).extracting(ChainDefinition.Node::segment).containsExactly("upstream", "midstream", "downstream");
		}
		ChainDefinition green = ChainFileReader.read("green-packaging.yaml", files.get(2).content(), "x").definition();
		ChainDefinition.Node ink = green.allNodes().stream().filter(n -> n.id().equals("upstream-ink")).findFirst().orElseThrow();
		assertThat(ink.name()).isEqualTo("油墨");
		assertThat(ink.level()).isEqualTo(2);
		assertThat(ink.parent()).isEqualTo("upstream");
		assertThat(ink.patterns()).extracting(ChainDefinition.Listed::value).containsExactly("*油墨", "油墨*");
		assertThat(files.get(2).content().split("\n")[ink.line() - 1]).contains("id: upstream-ink");
	}

	static final String GOOD = """
			id: demo
			name: 示例
			description: 示例链
			home: "340881"
			nodes:
			  - id: upstream
			    name: 上游
			    segment: upstream
			    products: {names: [a]}
			    children:
			      - id: upstream-x
			        name: X
			        segment: upstream
			        products: {patterns: ["*x"]}
			  - id: midstream
			    name: 中游
			    segment: midstream
			    products: {names: [b]}
			    children:
			      - {id: midstream-y, name: Y, segment: midstream, products: {names: [c]}}
			  - id: downstream
			    name: 下游
			    segment: downstream
			    products: {names: [d]}
			    children:
			      - {id: downstream-z, name: Z, segment: downstream, products: {names: [e]}}
			""";

	static List<String> problems(String content) {
		return ChainFileReader.read("demo.yaml", content, "x").problems().stream().map(ChainProblem::toString).toList();
	}

	@Test
	void aWellFormedFileHasNoProblems() {
		assertThat(problems(GOOD)).isEmpty();
	}

	@Test
	void mistakesNameTheirLineAndValue() {
		assertThat(problems(GOOD.replace("home: \"340881\"", "home: 340881"))).singleElement().asString()
			.startsWith("demo.yaml:4").contains("home").contains("引号");
		assertThat(problems(GOOD.replace("id: demo", "id: Demo_1"))).singleElement().asString().startsWith("demo.yaml:1").contains("Demo_1");
		assertThat(problems(GOOD.replace("id: demo", "id: other"))).singleElement().asString().contains("文件名").contains("demo");
		assertThat(problems(GOOD.replace("        segment: upstream\n        products: {patterns", "        segment: downstream\n        products: {patterns")))
			.singleElement().asString().startsWith("demo.yaml:11 [upstream-x]").contains("segment");
		assertThat(problems(GOOD.replace("{names: [c]}", "{names: c}"))).singleElement().asString().startsWith("demo.yaml:20").contains("列表");
		assertThat(problems(GOOD.replace("    products: {names: [b]}\n", "    prodcts: {names: [b]}\n")))
			.anySatisfy(p -> assertThat(p).startsWith("demo.yaml:18").contains("prodcts"))
			.anySatisfy(p -> assertThat(p).contains("缺少 products"));
		assertThat(problems(GOOD.replace("id: midstream-y", "id: upstream-x"))).singleElement().asString().contains("重复");
		assertThat(problems(GOOD.replace("nodes:\n", "nodes:\n  - id: bad\n    name: 坏\n    segment: sideways\n    products: {names: [q]}\n    children: []\n")))
			.anySatisfy(p -> assertThat(p).startsWith("demo.yaml:8").contains("sideways"))
			.anySatisfy(p -> assertThat(p).contains("顶层应依次是"));
		assertThat(problems("id: [unclosed\n")).singleElement().asString().contains("YAML");
		assertThat(problems("")).singleElement().asString().contains("映射");
	}

	@Test
	void matchingFollowsTheRules() {
		ChainDefinition def = ChainFileReader.read("demo.yaml", GOOD
			.replace("products: {patterns: [\"*x\"]}", "products: {patterns: [\"*x\", \"none*\"], exclude: [\"bad*\"]}")
			.replace("{names: [c]}", "{names: [c, ghost]}"), "x").definition();
		var catalog = new ChainMatcher.Catalog(new java.util.LinkedHashSet<>(List.of("a", "b", "c", "d", "e", "box", "badx", "x", "y平衡项目x")),
				Set.of("平衡项目x"), Map.of());
		ChainMatcher.Matched m = ChainMatcher.match(def, catalog);
		assertThat(m.nodes().get("upstream-x").products()).containsOnlyKeys("box", "x", "y平衡项目x")
			.containsEntry("box", "*x");
		assertThat(m.loadable()).isFalse();
		assertThat(m.problems()).anySatisfy(p -> {
			assertThat(p.error()).isTrue();
			assertThat(p.toString()).startsWith("demo.yaml:20 [midstream-y]").contains("ghost").contains("不存在");
		});
		assertThat(m.problems()).anySatisfy(p -> {
			assertThat(p.error()).isFalse();
			assertThat(p.toString()).contains("none*").contains("没有匹配");
		});
	}

	@Test
	void globsMatchTheWholeNameWithStarAsTheOnlyWildcard() {
		assertThat(new Glob("*油墨").matches("水性油墨")).isTrue();
		assertThat(new Glob("*油墨").matches("油墨稀释剂")).isFalse();
		assertThat(new Glob("油墨*").matches("油墨")).isTrue();
		assertThat(new Glob("*复合*膜*").matches("复合膜")).isTrue();
		assertThat(new Glob("*复合*膜*").matches("膜复合")).isFalse();
		assertThat(new Glob("a*a").matches("a")).isFalse();
		assertThat(new Glob("a*a").matches("aa")).isTrue();
		assertThat(new Glob("聚?").matches("聚乙")).isFalse();
		assertThat(new Glob("聚?").matches("聚?")).isTrue();
		assertThat(new Glob("PP料").matches("pp料")).isFalse();
	}
}
