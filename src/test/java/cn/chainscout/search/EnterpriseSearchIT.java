package cn.chainscout.search;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.chainscout.support.TestGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A real Lucene index of a small checked-in corpus in a temp directory, asserting exact top hits. */
class EnterpriseSearchIT {

	static Path dir;

	static EnterpriseIndex index;

	static EnterpriseSearch search;

	static ProductIndex products;

	@BeforeAll
	static void indexFixture() throws Exception {
		dir = Files.createTempDirectory("chainscout-search");
		index = EnterpriseIndex.open(dir.resolve("enterprises"), 50);
		products = ProductIndex.open(dir.resolve("products"), 50);
		List<EnterpriseDocument> docs = fixture();
		index.index(docs);
		index.commit();
		products.index(productsOf(docs));
		products.commit();
		search = new EnterpriseSearch(index, products);
	}

	/** The fixture's products with their makers, as the graph would give them. */
	static List<ProductDocument> productsOf(List<EnterpriseDocument> docs) {
		java.util.Map<String, List<ProductDocument.Maker>> makers = new java.util.TreeMap<>();
		for (EnterpriseDocument d : docs) {
			for (EnterpriseDocument.ProductShare p : d.products()) {
				makers.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(new ProductDocument.Maker(d.code(), d.name(), p.share()));
			}
		}
		return makers.entrySet().stream().map(e -> new ProductDocument(e.getKey(), e.getValue(), e.getValue().size())).toList();
	}

	@AfterAll
	static void close() {
		index.close();
		products.close();
		TestGraph.deleteRecursively(dir);
	}

	@Test
	void aProductQueryShowsTheMatchingProductsAndTheirMakers() {
		List<ProductDocument> found = find("锂电池隔膜").products();
		assertThat(found).isNotEmpty();
		assertThat(found.get(0).name()).isEqualTo("锂电池隔膜");
		assertThat(found.get(0).makers()).extracting(ProductDocument.Maker::code).containsExactly("002812.SZ");
		assertThat(find("隔膜").products()).extracting(ProductDocument::name).contains("湿法隔膜", "干法隔膜", "锂电池隔膜");
		assertThat(find("乘用车").products().get(0).makerCount()).isEqualTo(2);
		assertThat(find("ndsd").products()).isEmpty();
	}

	@Test
	void aFirmsShortNameFindsNamesAndProductsOnlyWhenTheyHoldTheWholeName() {
		index.index(List.of(
				new EnterpriseDocument("T00003.LC", "骏新能源", "安徽骏新能源科技股份有限公司", List.of(), null, "安徽省", "安庆市", "桐城市",
						List.of(), List.of(new EnterpriseDocument.ProductShare("储能电站", 0.9))),
				new EnterpriseDocument("T00004.LC", "远航汽车", "远航汽车股份有限公司", List.of(), null, "江苏省", "苏州市", null,
						List.of(), List.of(new EnterpriseDocument.ProductShare("新能源汽车", 0.9))),
				new EnterpriseDocument("T00005.LC", "骏新储能", "深圳市骏新能源材料有限公司", List.of(), null, "广东省", "深圳市", null,
						List.of(), List.of(new EnterpriseDocument.ProductShare("储能电池", 0.9))),
				new EnterpriseDocument("T00006.LC", "骏新能科", "骏新能科股份有限公司", List.of(), null, "江苏省", "苏州市", null,
						List.of(), List.of(new EnterpriseDocument.ProductShare("光伏组件", 0.9)))));
		index.commit();
		try {
			// 骏新能源 is a firm: it comes first, then a firm whose full name holds the whole word.
			// Names and products sharing two of its three pairs are not shown: 骏新能科 (骏新, 新能), the
			// maker of 新能源汽车 and 宁德时代新能源科技 (新能, 能源).
			assertThat(find("骏新能源").hits()).extracting(SearchResult.Hit::code).startsWith("T00003.LC").contains("T00005.LC")
				.doesNotContain("T00004.LC", "T00006.LC", "300750.SZ");
			// A word that is no firm's name still finds names and products sharing most of its pairs.
			assertThat(find("新能源车").hits()).extracting(SearchResult.Hit::code).contains("T00004.LC");
			assertThat(find("骏新能量").hits()).extracting(SearchResult.Hit::code).contains("T00003.LC", "T00005.LC", "T00006.LC");
		}
		finally {
			index.delete(List.of("T00003.LC", "T00004.LC", "T00005.LC", "T00006.LC"));
			index.commit();
		}
	}

	@Test
	void anIndustryMatchesOnlyWhenTheWordHasAllOfItsCharacterPairs() {
		// 电池化学品 is the industry of two fixture firms: its name finds them ...
		assertThat(find("电池化学品").total()).isEqualTo(2);
		// ... but a word holding most of its pairs (电池, 池化, 化学, not 锂电) is not that industry.
		assertThat(find("锂电池化学").total()).isZero();
	}

	@Test
	void aFirmsShortNameIsASearchForTheFirmNotForProducts() throws Exception {
		// A product whose name shares the firm's name: the product index alone would offer it.
		products.index(List.of(new ProductDocument("宁德时代电池", List.of(new ProductDocument.Maker("300750.SZ", "宁德时代", 0.5)), 1)));
		products.commit();
		try {
			long deadline = System.currentTimeMillis() + 5_000;
			while (products.search("宁德时代", 5).isEmpty() && System.currentTimeMillis() < deadline) {
				Thread.sleep(20);
			}
			assertThat(products.search("宁德时代", 5)).extracting(ProductDocument::name).contains("宁德时代电池");
			SearchResult firm = find("宁德时代");
			assertThat(firm.hits().get(0).code()).isEqualTo("300750.SZ");
			assertThat(firm.products()).isEmpty();
			assertThat(find("时代电池").products()).extracting(ProductDocument::name).contains("宁德时代电池");
		}
		finally {
			products.delete(List.of("宁德时代电池"));
			products.commit();
		}
	}

	static List<EnterpriseDocument> fixture() throws Exception {
		List<EnterpriseDocument> docs = new ArrayList<>();
		try (InputStream in = EnterpriseSearchIT.class.getResourceAsStream("/search/enterprises.json")) {
			for (JsonNode n : JsonMapper.builder().build().readTree(in)) {
				List<List<String>> industries = new ArrayList<>();
				n.get("industries").forEach(i -> industries.add(List.of(i.get(0).asString(), i.get(1).asString(), i.get(2).asString())));
				List<EnterpriseDocument.ProductShare> products = new ArrayList<>();
				n.get("products").forEach(p -> products.add(new EnterpriseDocument.ProductShare(p.get("name").asString(), p.get("share").asDouble())));
				List<String> aliases = new ArrayList<>();
				n.get("aliases").forEach(a -> aliases.add(a.asString()));
				docs.add(new EnterpriseDocument(n.get("code").asString(), n.get("name").asString(), n.get("fullName").asString(),
						aliases, text(n, "exchange"), text(n, "province"), text(n, "city"), text(n, "county"), industries, products));
			}
		}
		return docs;
	}

	private static String text(JsonNode n, String field) {
		return n.get(field) == null || n.get(field).isNull() ? null : n.get(field).asString();
	}

	static SearchResult find(String q) {
		return search.search(SearchRequest.parse(q, null, null, null, null, null, null, null));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(textBlock = """
			宁德时代,       300750.SZ
			恩捷新材料,     002812.SZ
			300750,         300750.SZ
			300750.sz,      300750.SZ
			ningdeshidai,   300750.SZ
			ningde,         300750.SZ
			ndsd,           300750.SZ
			宁德时待,       300750.SZ
			ningdeshidia,   300750.SZ
			锂电池隔膜,     002812.SZ
			湿法隔膜,       300568.SZ
			家纺,           002327.SZ
			罗莱家纺,       002293.SZ
			大连港,         688096.SH
			安徽 包装,      T00001.LC
			桐城,           T00001.LC
			chongqing,      000625.SZ
			""")
	void findsTheRightFirmFirst(String q, String code) {
		SearchResult r = find(q);
		assertThat(r.hits()).isNotEmpty();
		assertThat(r.hits().get(0).code()).as("top hit for %s", q).isEqualTo(code);
	}

	@Test
	void everyWordMustMatch() {
		List<String> codes = find("安徽 包装").hits().stream().map(SearchResult.Hit::code).toList();
		assertThat(codes).containsExactlyInAnyOrder("T00001.LC", "002014.SZ");
	}

	@Test
	void explainsWhyAHitMatched() {
		assertThat(find("锂电池隔膜").hits().get(0).highlights()).anyMatch(h -> h.startsWith("产品：") && h.contains("<em>"));
		assertThat(find("ndsd").hits().get(0).highlights()).contains("首字母：<em>ndsd</em>（宁德时代）");
		assertThat(find("300750").hits().get(0).highlights()).contains("代码：<em>300750.SZ</em>");
		assertThat(find("恩捷新材料").hits().get(0).highlights()).anyMatch(h -> h.startsWith("全称：") && h.contains("<em>"));
	}

	@Test
	void countsFacetsOverAllMatchesAndFilters() {
		SearchResult batteries = find("隔膜");
		assertThat(batteries.total()).isEqualTo(2);
		assertThat(batteries.facets().get("province")).extracting(SearchResult.FacetValue::value)
			.containsExactlyInAnyOrder("云南省", "广东省");
		assertThat(batteries.facets().get("industry3")).containsExactly(new SearchResult.FacetValue("电池化学品", 2));

		SearchResult packaging = find("包装");
		assertThat(packaging.facets().get("province")).contains(new SearchResult.FacetValue("安徽省", 2));
		SearchResult inAnhui = search.search(SearchRequest.parse("包装", "安徽省", null, null, null, null, null, null));
		assertThat(inAnhui.hits()).extracting(SearchResult.Hit::code).containsExactlyInAnyOrder("T00001.LC", "002014.SZ");
		SearchResult industry = search.search(SearchRequest.parse(null, null, null, "家纺", null, null, null, null));
		assertThat(industry.hits()).extracting(SearchResult.Hit::code).containsExactlyInAnyOrder("002327.SZ", "002293.SZ");
	}

	@Test
	void pagesAndSortsBySize() {
		SearchResult page1 = search.search(SearchRequest.parse("汽车", null, null, null, null, "1", "1", "size"));
		SearchResult page2 = search.search(SearchRequest.parse("汽车", null, null, null, null, "2", "1", "size"));
		assertThat(page1.total()).isEqualTo(2);
		assertThat(page1.hits().get(0).code()).isEqualTo("000625.SZ"); // two products against one
		assertThat(page2.hits().get(0).code()).isEqualTo("601238.SH");
	}

	@Test
	void suggestsAsYouType() {
		assertThat(search.suggest("ningd", 5)).extracting(SearchResult.Hit::code).startsWith("300750.SZ");
		assertThat(search.suggest("3007", 5)).extracting(SearchResult.Hit::code).containsExactly("300750.SZ");
		assertThat(search.suggest("恩捷", 5)).extracting(SearchResult.Hit::code).startsWith("002812.SZ");
		assertThat(search.suggest("ejgf", 5)).extracting(SearchResult.Hit::code).startsWith("002812.SZ");
	}

	@Test
	void aWriteIsVisibleAfterTheBackgroundRefresh() throws Exception {
		index.index(List.of(new EnterpriseDocument("T00002.LC", "范岗羽绒", "桐城市范岗羽绒制品有限公司", List.of(), null, "安徽省",
				"安庆市", "桐城市", List.of(List.of("纺织服饰", "纺织制造", "家纺")), List.of(new EnterpriseDocument.ProductShare("羽绒被", 0.9)))));
		long deadline = System.currentTimeMillis() + 1_000;
		while (find("羽绒被").total() == 0 && System.currentTimeMillis() < deadline) {
			Thread.sleep(20);
		}
		assertThat(find("羽绒被").hits()).extracting(SearchResult.Hit::code).containsExactly("T00002.LC");
		index.delete(List.of("T00002.LC"));
		index.commit();
		assertThat(find("羽绒被").total()).isZero();
	}
}
