package cn.chainscout.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.chainscout.support.Browser;
import cn.chainscout.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service as a user starts it: embedded Neo4j, the bundled data imported on first start,
 * the JSON API and the pages in a real headless browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationIT {

	static Path home;

	static WebDriver browser;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void dirs(DynamicPropertyRegistry registry) throws Exception {
		home = Files.createTempDirectory("chainscout-app");
		registry.add("chainscout.neo4j.data-dir", () -> home.resolve("neo4j").toString());
		registry.add("chainscout.importing.report-dir", () -> home.resolve("reports").toString());
		registry.add("chainscout.search.index-dir", () -> home.resolve("search").toString());
	}

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void healthReportsTheGraphDatabaseFromABoltRoundTrip() {
		JsonNode health = Http.get(url("/actuator/health")).json();
		assertThat(health.get("status").asString()).isEqualTo("UP");
		JsonNode graph = health.get("components").get("graphDatabase");
		assertThat(graph.get("status").asString()).isEqualTo("UP");
		assertThat(graph.get("details").get("server").asString()).contains("5.26");
		assertThat(graph.get("details").get("database").asString()).contains("embedded").contains("bolt://127.0.0.1:");
	}

	@Test
	void profileOfCatlListsItsProductsAndUpstreamMakers() {
		Http.Response response = Http.get(url("/api/v1/enterprises/300750.SZ"));
		assertThat(response.status()).isEqualTo(200);
		JsonNode p = response.json();
		assertThat(p.get("name").asString()).isEqualTo("宁德时代");
		assertThat(p.get("region").get("name").asString()).isEqualTo("宁德市");
		assertThat(p.get("region").get("province").asString()).isEqualTo("福建省");
		assertThat(p.get("industries").get(0).get("name").asString()).isEqualTo("锂电池");
		assertThat(p.get("industries").get(0).get("level1").asString()).isEqualTo("电力设备");
		List<String> products = new ArrayList<>();
		p.get("products").forEach(pr -> products.add(pr.get("name").asString()));
		assertThat(products).startsWith("动力电池系统", "锂电池材料", "储能系统");
		assertThat(p.get("products").get(0).get("share").asDouble()).isEqualTo(0.825388);
		assertThat(p.get("products").get(0).get("provenance").get("source").asString()).isEqualTo("chainkg/company_product.jsonl");
		JsonNode balance = p.get("products").get(3);
		assertThat(balance.get("name").asString()).isEqualTo("平衡项目");
		assertThat(balance.get("nonProduct").asBoolean()).isTrue();
		List<String> upstreamMakers = new ArrayList<>();
		p.get("upstream").forEach(l -> l.get("makers").forEach(m -> upstreamMakers.add(m.get("code").asString())));
		assertThat(upstreamMakers).isNotEmpty().doesNotContain("300750.SZ");
		// Links that lead to makers come before those that lead nowhere.
		assertThat(p.get("upstream").get(0).get("makers").size()).isPositive();
		assertThat(p.get("downstream").size()).isPositive();
	}

	@Test
	void unknownCodeIs404WithAJsonBodyAndABadCodeIs400() {
		Http.Response missing = Http.get(url("/api/v1/enterprises/999999.SZ"));
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).contains("json");
		assertThat(missing.json().get("message").asString()).contains("999999.SZ");
		Http.Response bad = Http.get(url("/api/v1/enterprises/%E5%AE%81%E5%BE%B7%3Cscript%3E"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("message").asString()).contains("code");
	}

	@Test
	void statsCountLabelsAndRelationshipsAndCarryTheImportReport() {
		JsonNode stats = Http.get(url("/api/v1/stats")).json();
		assertThat(stats.get("labels").get("Enterprise").asLong()).isEqualTo(4586);
		assertThat(stats.get("labels").get("Product").asLong()).isEqualTo(95_559);
		assertThat(stats.get("relationshipTypes").get("MAKES").asLong()).isEqualTo(52_619);
		JsonNode report = stats.get("latestImport").get("report");
		assertThat(report.get("files").get("companies.jsonl").get("rows").asLong()).isEqualTo(4654);
		assertThat(report.get("conflicts").size()).isEqualTo(53);
		assertThat(stats.get("latestImport").get("summary").asString()).contains("导入完成")
			.contains("代码名称冲突（每个代码一家企业，全部名称留待核对） 53").contains("未知行业 164");
		assertThat(stats.get("relationshipTypes").has("MIGRATED_TO")).as("migration bookkeeping is not data").isFalse();
		assertThat(stats.get("relationshipTypes").has("REPEATED")).as("migration bookkeeping is not data").isFalse();
	}

	@Test
	void openApiDescribesTheApi() {
		JsonNode api = Http.get(url("/v3/api-docs")).json();
		assertThat(api.get("paths").has("/api/v1/enterprises/{code}")).isTrue();
		assertThat(api.get("paths").has("/api/v1/stats")).isTrue();
		assertThat(Http.get(url("/swagger-ui/index.html")).status()).isEqualTo(200);
	}

	@Test
	void homePageShowsWhatIsLoadedAndLeadsToTheEnterprisePage() {
		browser.get(url("/"));
		assertThat(browser.getTitle()).contains("链探");
		assertThat(browser.findElement(By.id("label-counts")).getText()).contains("企业").contains("4,586");
		assertThat(browser.findElement(By.id("import-summary")).getText()).contains("companies.jsonl");
		browser.findElement(By.id("code")).sendKeys("300750.sz");
		browser.findElement(By.id("go")).click();
		assertThat(browser.findElement(By.id("name")).getText()).isEqualTo("宁德时代");
		assertThat(browser.findElement(By.id("region")).getText()).contains("福建省").contains("宁德市");
		WebElement products = browser.findElement(By.id("products"));
		assertThat(products.getText()).contains("动力电池系统").contains("82.5%").contains("非产品：报表项目");
		WebElement upstream = browser.findElement(By.id("upstream"));
		List<WebElement> makerLinks = upstream.findElements(By.cssSelector("a.tag"));
		assertThat(makerLinks).isNotEmpty();
		String makerName = makerLinks.get(0).getText();
		makerLinks.get(0).click();
		assertThat(makerName).startsWith(browser.findElement(By.id("name")).getText());
	}

	@Test
	void searchFindsTheBundledFirmsByNameCodePinyinAndProduct() {
		JsonNode byName = Http.get(url("/api/v1/search?q=" + enc("宁德时代"))).json();
		assertThat(byName.get("hits").get(0).get("code").asString()).isEqualTo("300750.SZ");
		assertThat(byName.get("hits").get(0).get("region").asString()).contains("宁德市");
		assertThat(byName.get("facets").get("province").size()).isPositive();
		assertThat(Http.get(url("/api/v1/search?q=300750")).json().get("hits").get(0).get("code").asString()).isEqualTo("300750.SZ");
		assertThat(Http.get(url("/api/v1/search?q=ningdeshidai")).json().get("hits").get(0).get("code").asString()).isEqualTo("300750.SZ");
		JsonNode separators = Http.get(url("/api/v1/search?q=" + enc("锂电池隔膜"))).json();
		assertThat(separators.get("total").asLong()).isPositive();
		assertThat(separators.get("hits").get(0).get("highlights").toString()).contains("<em>");
		assertThat(separators.get("products").get(0).get("name").asString()).isEqualTo("锂电池隔膜");
		assertThat(separators.get("products").get(0).get("makers").size()).isPositive();
		JsonNode suggest = Http.get(url("/api/v1/search/suggest?q=ningde")).json();
		assertThat(suggest.get("suggestions").get(0).get("code").asString()).isEqualTo("300750.SZ");
	}

	@Test
	void absurdSearchInputGetsAClear400() {
		for (String query : new String[] { "q=" + "a".repeat(10_000), "q=" + enc("宁".repeat(10_000)), "q=" + enc("？！。，"),
				"q=x&page=abc", "q=x&size=-3", "q=" }) {
			Http.Response r = Http.get(url("/api/v1/search?" + query));
			assertThat(r.status()).as(query.substring(0, Math.min(30, query.length()))).isEqualTo(400);
			assertThat(r.json().get("message").asString()).containsAnyOf("参数 q", "参数 page", "参数 size");
		}
	}

	@Test
	void searchPageShowsSuggestionsFacetsAndHitsOnAPhoneScreen() {
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		try {
			browser.get(url("/search"));
			browser.findElement(By.id("q")).sendKeys("ningde");
			var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(5));
			WebElement first = wait.until(d -> {
				var items = d.findElements(By.cssSelector("#suggestions li a"));
				return items.isEmpty() ? null : items.get(0);
			});
			assertThat(first.getText()).contains("宁德时代");
			browser.findElement(By.id("q")).clear();
			browser.findElement(By.id("q")).sendKeys("广东 锂电池");
			browser.findElement(By.id("search-button")).click();
			assertThat(Long.parseLong(browser.findElement(By.id("total")).getText())).isPositive();
			assertThat(browser.findElement(By.id("facets")).getText()).contains("广东省");
			assertThat(browser.findElements(By.cssSelector(".hit .why em"))).isNotEmpty();
			Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
				.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
			assertThat(overflow).isEqualTo(false);
			browser.findElement(By.cssSelector(".hit h2 a")).click();
			assertThat(browser.findElement(By.id("name")).getText()).isNotBlank();
		}
		finally {
			browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
		}
	}

	static String enc(String s) {
		return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void unknownEnterprisePageSaysSoInChinese() {
		browser.get(url("/enterprises/999999.SZ"));
		assertThat(browser.findElement(By.id("message")).getText()).contains("没有代码为 999999.SZ 的企业");
	}
}
