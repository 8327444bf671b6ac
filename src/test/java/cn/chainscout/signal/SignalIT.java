package cn.chainscout.signal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.chainscout.crawl.Article;
import cn.chainscout.crawl.ArticleSink;
import cn.chainscout.graph.Graph;
import cn.chainscout.graph.Sources;
import cn.chainscout.search.EnterprisesChanged;
import cn.chainscout.support.Http;
import cn.chainscout.support.TestHomes;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as it runs, on the embedded Neo4j with the bundled data imported on start: the saved
 * articles go through the {@link ArticleSink} bean, and the stored signals, the API with its filters,
 * a changed page, a repeated page and the review flag are checked through the graph and over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignalIT {

	static Path home;

	@LocalServerPort
	int port;

	@Autowired
	ArticleSink sink;

	@Autowired
	Graph graph;

	@Autowired
	Signals signals;

	@Autowired
	SignalActivity activity;

	@Autowired
	cn.chainscout.recommend.Recommendations recommendations;

	@Autowired
	ApplicationEventPublisher events;

	@DynamicPropertySource
	static void dirs(DynamicPropertyRegistry registry) throws Exception {
		home = TestHomes.create("chainscout-signal");
		registry.add("chainscout.neo4j.data-dir", () -> home.resolve("neo4j").toString());
		registry.add("chainscout.importing.report-dir", () -> home.resolve("reports").toString());
		registry.add("chainscout.search.index-dir", () -> home.resolve("search").toString());
		registry.add("chainscout.crawl.raw-dir", () -> home.resolve("crawl").toString());
	}

	/** An article the IT writes itself: a risky short name with an event, so its link waits for review. */
	static Article robotArticle() {
		String text = "11月16日，机器人产业园项目落户合肥高新区，总投资10亿元。";
		return new Article("test", "https://www.example-news.cn/2026/11/16/robot.html", "机器人产业园落户合肥", LocalDate.of(2026, 11, 16),
				text, Instant.parse("2026-11-16T03:00:00Z"), Sources.sha256(text.getBytes(StandardCharsets.UTF_8)));
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	JsonNode api(String query) {
		Http.Response r = Http.get(url("/api/v1/signals" + query));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	List<String> signalFacts() {
		return graph.read(tx -> tx.run("""
				MATCH (s:Signal)
				OPTIONAL MATCH (s)-[rel]->(x)
				WITH s, collect(type(rel) + '>' + coalesce(x.code, '')) AS rels
				RETURN s.key AS key, properties(s) AS p, rels ORDER BY key""")
			.list(r -> r.get("key").asString() + " " + new java.util.TreeMap<>(r.get("p").asMap()) + " "
					+ r.get("rels").asList(org.neo4j.driver.Value::asString).stream().sorted().toList()));
	}

	@Test
	@Order(1)
	void savedArticlesBecomeSignalNodesLinkedToEnterpriseAndRegion() {
		int total = 0;
		for (String name : SignalFixtures.ARTICLES) {
			total += sink.accept(SignalFixtures.article(name));
		}
		total += sink.accept(robotArticle());
		// 15 from the saved articles (SignalExtractionTest), 1 from the robot article.
		assertThat(total).isEqualTo(16);
		List<org.neo4j.driver.Record> catl = graph.query("""
				MATCH (s:Signal {url: $url})-[:ABOUT]->(e:Enterprise)
				OPTIONAL MATCH (s)-[:IN_REGION]->(r:Region)
				RETURN e.code AS code, s.type AS type, s.amountYuan AS amount, r.code AS region, s.date AS date,
				       s.fetchedAt AS fetchedAt, s.snippet AS snippet, s.confidence AS confidence, s.review AS review
				ORDER BY type""", Map.of("url", "https://www.anqing.gov.cn/xwzx/2026/11/09/catl-tongcheng.html"));
		assertThat(catl).extracting(r -> r.get("code").asString() + " " + r.get("type").asString() + " " + r.get("amount").asLong() + " "
				+ r.get("region").asString() + " " + r.get("date").asLocalDate())
			.containsExactly("300750.SZ INVESTMENT 12000000000 340881 2026-11-08", "300750.SZ SIGNING 12000000000 340881 2026-11-08");
		assertThat(catl).allSatisfy(r -> {
			assertThat(r.get("fetchedAt").asZonedDateTime().toInstant()).isEqualTo(Instant.parse("2026-11-09T02:30:00Z"));
			assertThat(r.get("snippet").asString()).contains("宁德时代");
			assertThat(r.get("confidence").asDouble()).isBetween(0.9, 1.0);
			assertThat(r.get("review").isNull()).isTrue();
		});
	}

	@Test
	@Order(2)
	void apiReturnsTheSignalsOfAnEnterpriseNewestFirstInTheAgreedShape() {
		JsonNode page = api("?enterprise=300750.SZ");
		assertThat(page.get("total").asLong()).isEqualTo(2);
		assertThat(page.get("page").asInt()).isEqualTo(1);
		assertThat(page.get("size").asInt()).isEqualTo(20);
		JsonNode item = page.get("items").get(0);
		assertThat(item.get("enterprise").asString()).isEqualTo("300750.SZ");
		assertThat(item.get("type").asString()).isIn("SIGNING", "INVESTMENT");
		assertThat(item.get("amountYuan").isNumber()).isTrue();
		assertThat(item.get("amountYuan").asLong()).isEqualTo(12_000_000_000L);
		assertThat(item.get("region").get("code").asString()).isEqualTo("340881");
		assertThat(item.get("region").get("name").asString()).isEqualTo("桐城市");
		assertThat(item.get("date").asString()).isEqualTo("2026-11-08");
		assertThat(item.get("url").asString()).isEqualTo("https://www.anqing.gov.cn/xwzx/2026/11/09/catl-tongcheng.html");
		assertThat(item.get("snippet").asString()).startsWith("2026年11月8日");
		assertThat(item.get("confidence").isNumber()).isTrue();
		List<String> dates = api("").get("items").valueStream().map(i -> i.get("date").asString()).toList();
		assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			?type=LAND                             | 600761.SH LAND
			?type=拿地                             | 600761.SH LAND
			?type=FINANCING&region=340100          | 002074.SZ FINANCING
			?region=340100                         | 002074.SZ FINANCING,300274.SZ CONTRACT
			?region=合肥市                         | 002074.SZ FINANCING,300274.SZ CONTRACT
			?region=340800&since=2026-11-15        | 600418.SH CONSTRUCTION,002594.SZ EXPANSION,600761.SH HIRING,000528.SZ SIGNING
			?region=340800&type=SIGNING            | 002014.SZ SIGNING,300750.SZ SIGNING,000528.SZ SIGNING
			?enterprise=600761.SH                  | 600761.SH HIRING,600761.SH LAND
			?enterprise=600761.sh&type=MENTION     | 600761.SH MENTION
			?type=INVESTMENT                       | 300750.SZ INVESTMENT
			?type=INVESTMENT&review=true           | 300750.SZ INVESTMENT,300024.SZ INVESTMENT
			?type=MENTION&review=true&region=340881 | ''
			""")
	@Order(3)
	void filtersByEnterpriseTypeRegionWithItsSubRegionsDateAndReview(String query, String expected) {
		JsonNode page = api(query);
		List<String> got = page.get("items").valueStream().map(i -> i.get("enterprise").asString() + " " + i.get("type").asString()).toList();
		List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
		assertThat(got).containsExactlyInAnyOrderElementsOf(want);
		assertThat(page.get("total").asLong()).isEqualTo(want.size());
	}

	@Test
	@Order(4)
	void reviewFlaggedLinksAreStoredButLeftOutByDefault() {
		long flagged = graph.read(tx -> tx.run("MATCH (s:Signal {review: true}) RETURN count(s)").single().get(0).asLong());
		// 太平洋, the two 东方明珠 (mentions) and 机器人 (an investment).
		assertThat(flagged).isEqualTo(4);
		JsonNode robot = api("?enterprise=300024.SZ&review=true").get("items").get(0);
		assertThat(robot.get("review").asBoolean()).isTrue();
		assertThat(robot.get("confidence").asDouble()).isLessThan(0.6);
		assertThat(api("?enterprise=300024.SZ").get("total").asLong()).isZero();
	}

	@Test
	@Order(5)
	void pagesCarryTotals() {
		JsonNode first = api("?size=4&page=1");
		JsonNode third = api("?size=4&page=3");
		assertThat(first.get("total").asLong()).isEqualTo(10);
		assertThat(first.get("items")).hasSize(4);
		assertThat(third.get("items")).hasSize(2);
		assertThat(third.get("page").asInt()).isEqualTo(3);
	}

	@Test
	@Order(6)
	void acceptingTheSameArticleAgainChangesNothing() {
		List<String> before = signalFacts();
		assertThat(sink.accept(SignalFixtures.article("catl-investment"))).isEqualTo(2);
		assertThat(sink.accept(SignalFixtures.article("two-firms"))).isEqualTo(4);
		assertThat(signalFacts()).isEqualTo(before);
	}

	@Test
	@Order(7)
	void aChangedPageReplacesItsSignalsInsteadOfAddingToThem() {
		Article first = SignalFixtures.article("catl-investment");
		String text = "2026年11月10日，宁德时代拟在桐城经开区投资建设储能电池生产基地，项目计划总投资约150亿元。";
		Article changed = new Article(first.sourceId(), first.url(), first.title(), first.publishedOn(), text,
				Instant.parse("2026-11-10T06:00:00Z"), Sources.sha256(text.getBytes(StandardCharsets.UTF_8)));
		assertThat(sink.accept(changed)).isEqualTo(1);
		List<org.neo4j.driver.Record> now = graph.query("MATCH (s:Signal {url: $url}) RETURN s.type AS type, s.amountYuan AS amount, s.date AS date",
				Map.of("url", first.url()));
		assertThat(now).extracting(r -> r.get("type").asString() + " " + r.get("amount").asLong() + " " + r.get("date").asLocalDate())
			.containsExactly("INVESTMENT 15000000000 2026-11-10");
		assertThat(api("?enterprise=300750.SZ").get("total").asLong()).isEqualTo(1);
		// A late retry of the older version does not bring its signals back.
		assertThat(sink.accept(first)).isEqualTo(1);
		assertThat(api("?enterprise=300750.SZ&type=SIGNING").get("total").asLong()).isZero();
		// A page that no longer names any firm leaves no signal behind.
		Article emptied = new Article(first.sourceId(), first.url(), "页面不存在", first.publishedOn(), "该页面已删除。",
				Instant.parse("2026-11-11T06:00:00Z"), "x");
		assertThat(sink.accept(emptied)).isZero();
		assertThat(api("?enterprise=300750.SZ").get("total").asLong()).isZero();
	}

	@Test
	@Order(8)
	void theRecommendationsQueryGivesEventsWithoutMentionsOrReviewNewestFirst() {
		List<Signal> recent = signals.recentSignals(List.of("600761.SH", "300024.SZ", "601099.SH"), LocalDate.of(2026, 11, 1));
		assertThat(recent).extracting(s -> s.enterprise() + " " + s.type() + " " + s.date())
			.containsExactly("600761.SH HIRING 2026-11-20", "600761.SH LAND 2026-11-14");
		assertThat(signals.recentSignals(List.of("600761.SH"), LocalDate.of(2026, 11, 15))).hasSize(1);
	}

	@Test
	@Order(8)
	void theDynamicPartWeighsRecentEventsByKindConfidenceAndFreshness() {
		var recent = activity.recent(List.of("600761.SH", "300024.SZ", "601099.SH"), LocalDate.of(2026, 11, 29));
		assertThat(recent).containsOnlyKeys("600761.SH");
		var heli = recent.get("600761.SH");
		// 拿地 counts 1.0 and 招聘 0.3, each times its confidence; both are fresh.
		assertThat(heli.strength()).isBetween(0.3, 1.0);
		assertThat(heli.evidence()).contains("2026-11-20 招聘").contains("2026-11-14 拿地");
		var aYearOn = activity.recent(List.of("600761.SH"), LocalDate.of(2027, 11, 10));
		assertThat(aYearOn.get("600761.SH").strength()).isLessThan(heli.strength());
		assertThat(activity.recent(List.of("600761.SH"), LocalDate.of(2028, 1, 1))).isEmpty();
		// Every recommended target with a recent event carries a 动态 part naming it.
		List<String> withEvents = graph.read(tx -> tx.run("""
				MATCH (s:Signal) WHERE s.type <> 'MENTION' AND s.review IS NULL RETURN DISTINCT s.enterprise AS code""")
			.list(r -> r.get("code").asString()));
		int seen = 0;
		for (String chain : List.of("new-energy-vehicles", "electromechanical-equipment", "green-packaging")) {
			for (var t : recommendations.recommend(chain, null, null, 200).orElseThrow().targets()) {
				if (withEvents.contains(t.code())) {
					seen++;
					assertThat(t.parts()).anySatisfy(p -> {
						assertThat(p.name()).isEqualTo("动态");
						assertThat(p.evidence()).contains("2026-");
					});
				}
			}
		}
		assertThat(seen).isPositive();
	}

	@Test
	@Order(9)
	void theNameDictionaryFollowsNewEnterprises() {
		String text = "11月21日，桐城新材料科技股份有限公司在桐城经开区竞得一宗工业用地，成交价8000万元。";
		Article article = new Article("test", "https://www.example-news.cn/2026/11/21/new-firm.html", "新企业拿地", LocalDate.of(2026, 11, 21),
				text, Instant.parse("2026-11-21T03:00:00Z"), Sources.sha256(text.getBytes(StandardCharsets.UTF_8)));
		assertThat(sink.accept(article)).isZero();
		graph.write(tx -> tx.run("CREATE (:Enterprise {code: '920001.BJ', name: '桐城新材', fullName: '桐城新材料科技股份有限公司'})").consume());
		events.publishEvent(EnterprisesChanged.of(java.util.Set.of("920001.BJ")));
		assertThat(sink.accept(article)).isEqualTo(1);
		JsonNode item = api("?enterprise=920001.BJ").get("items").get(0);
		assertThat(item.get("type").asString()).isEqualTo("LAND");
		assertThat(item.get("amountYuan").asLong()).isEqualTo(80_000_000L);
		assertThat(item.get("region").get("code").asString()).isEqualTo("340881");
		graph.write(tx -> tx.run("MATCH (s:Signal {enterprise: '920001.BJ'}) DETACH DELETE s").consume());
		graph.write(tx -> tx.run("MATCH (e:Enterprise {code: '920001.BJ'}) DETACH DELETE e").consume());
		events.publishEvent(EnterprisesChanged.of(java.util.Set.of("920001.BJ")));
	}

	/** A change before anyone extracted signals builds no dictionary: the first use builds it from the graph as it is then. */
	@Test
	void theDictionaryIsBuiltOnFirstUseNotAtEveryChangeBefore() {
		SignalSink fresh = new SignalSink(graph);
		try {
			fresh.on(EnterprisesChanged.everything());
			fresh.on(EnterprisesChanged.of(java.util.Set.of("300750.SZ")));
			assertThat(fresh.builds()).isZero();
			String text = "11月21日，宁德时代新能源科技股份有限公司在桐城经开区竞得一宗工业用地。";
			Article article = new Article("test", "https://www.example-news.cn/2026/11/21/first-use.html", "拿地", LocalDate.of(2026, 11, 21),
					text, Instant.parse("2026-11-21T03:00:00Z"), Sources.sha256(text.getBytes(StandardCharsets.UTF_8)));
			assertThat(fresh.extract(article)).as("signals found with the dictionary built on first use").isNotEmpty();
			assertThat(fresh.builds()).isEqualTo(1);
			fresh.on(EnterprisesChanged.of(java.util.Set.of("300750.SZ")));
			assertThat(fresh.builds()).as("once built, a change rebuilds it").isEqualTo(2);
		}
		finally {
			fresh.close();
		}
	}

	@ParameterizedTest(name = "{0} → 400 naming {1}")
	@CsvSource(delimiter = '|', textBlock = """
			?type=FOO               | 参数 type 的值 'FOO' 无效
			?since=2026-13-01       | 参数 since 的值 '2026-13-01' 无效
			?region=999999          | 参数 region 的值 '999999' 无效
			?region=朝阳区          | 参数 region 的值 '朝阳区' 无效
			?enterprise=宁德时代    | 参数 enterprise 的值 '宁德时代' 无效
			?size=0                 | 参数 size 的值 '0' 无效
			?size=101               | 参数 size 的值 '101' 无效
			?page=0                 | 参数 page 的值 '0' 无效
			?page=abc               | 参数 page 的值 'abc' 无效
			?review=maybe           | 参数 review 的值 'maybe' 无效
			""")
	@Order(10)
	void badParametersGet400WithAChineseMessageNamingParameterAndValue(String query, String message) {
		String q = query.replace("宁德时代", java.net.URLEncoder.encode("宁德时代", StandardCharsets.UTF_8))
			.replace("朝阳区", java.net.URLEncoder.encode("朝阳区", StandardCharsets.UTF_8));
		Http.Response r = Http.get(url("/api/v1/signals" + q));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("message").asString()).startsWith(message);
	}

	@Test
	@Order(11)
	void theEnterprisePageHasTheInvestmentNewsPanel() {
		Http.Response page = Http.get(url("/enterprises/600761.SH"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("投资动态").contains("id=\"signals\"").contains("/js/enterprise.js");
		assertThat(Http.get(url("/js/enterprise.js")).body()).contains("/api/v1/signals?size=20&enterprise=");
	}

	@Test
	@Order(12)
	void articlesHandedInTogetherFromManyThreadsAreStoredAsOneByOne() throws Exception {
		// Each fixture's count when accepted alone, under a URL of its own.
		String prefix = "https://batch.example-news.cn/";
		Map<String, Integer> alone = new java.util.HashMap<>();
		for (String name : SignalFixtures.ARTICLES) {
			alone.put(name, sink.accept(copy(SignalFixtures.article(name), prefix + "alone/" + name, 0)));
		}
		List<String> aloneFacts = signalFacts().stream().filter(f -> f.contains(prefix + "alone/")).toList();
		// 40 copies of each fixture at once from 8 threads: the writer stores them in shared transactions.
		List<Article> copies = new java.util.ArrayList<>();
		for (int i = 0; i < 40; i++) {
			for (String name : SignalFixtures.ARTICLES) {
				copies.add(copy(SignalFixtures.article(name), prefix + i + "/" + name, 0));
			}
		}
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<java.util.concurrent.CompletableFuture<Integer>>> handed = new java.util.ArrayList<>();
			for (Article a : copies) {
				handed.add(pool.submit(() -> sink.submit(a)));
			}
			for (int i = 0; i < copies.size(); i++) {
				String name = copies.get(i).url().substring(copies.get(i).url().lastIndexOf('/') + 1);
				assertThat(handed.get(i).get().get(30, java.util.concurrent.TimeUnit.SECONDS)).as(copies.get(i).url()).isEqualTo(alone.get(name));
			}
		}
		finally {
			pool.shutdown();
		}
		int perCopy = alone.values().stream().mapToInt(Integer::intValue).sum();
		assertThat(perCopy).isPositive();
		assertThat(graph.query("MATCH (s:Signal) WHERE s.url STARTS WITH $p RETURN count(s) AS n", Map.of("p", prefix)).get(0).get("n").asInt())
			.isEqualTo(perCopy * 41);
		// Copy 7 holds exactly what the lone copy holds, but for its URL (and so its keys).
		assertThat(signalFacts().stream().filter(f -> f.contains(prefix + "7/")).map(f -> withoutKey(f).replace(prefix + "7/", prefix + "alone/")).sorted())
			.containsExactlyElementsOf(aloneFacts.stream().map(SignalIT::withoutKey).sorted().toList());
		// A newer and an older version of one page handed in back to back: the newer one stays, whatever the batches.
		Article newer = copy(SignalFixtures.article("catl-investment"), prefix + "versions", 3600);
		Article emptyOlder = new Article("test", prefix + "versions", "旧版", null, "没有企业。", Instant.parse("2026-11-01T00:00:00Z"), "old");
		var a = sink.submit(newer);
		var b = sink.submit(emptyOlder);
		assertThat(a.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(alone.get("catl-investment"));
		assertThat(b.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(alone.get("catl-investment"));
		graph.write(tx -> tx.run("MATCH (s:Signal) WHERE s.url STARTS WITH $p DETACH DELETE s", Map.of("p", prefix)).consume());
	}

	private static String withoutKey(String fact) {
		return fact.replace(fact.substring(0, fact.indexOf(' ')), "KEY");
	}

	/** The article under another URL, fetched {@code laterSeconds} after it. */
	static Article copy(Article a, String url, long laterSeconds) {
		return new Article(a.sourceId(), url, a.title(), a.publishedOn(), a.text(), a.fetchedAt().plusSeconds(laterSeconds), a.contentSha256());
	}

	@Test
	@Order(50)
	void aCrawlOfALocalSiteEndsAsStoredSignalsWithTheirSourceUrl() throws Exception {
		com.sun.net.httpserver.HttpServer site = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		int port = site.getAddress().getPort();
		java.util.Map<String, String> pages = java.util.Map.of("/robots.txt", "User-agent: *\nAllow: /\n",
				"/", "<html><head><title>政务要闻</title></head><body><ul><li><a href=\"/news/2026/11/25/a1.html\">江淮汽车扩产</a></li></ul></body></html>",
				"/news/2026/11/25/a1.html", """
						<html><head><meta charset="utf-8"><title>江淮汽车在桐城经开区扩建新能源汽车零部件基地_桐城市人民政府</title></head><body>
						<div class="nav"><a href="/">首页</a> 政务要闻</div>
						<h1>江淮汽车在桐城经开区扩建新能源汽车零部件基地</h1><div class="info">发布时间：2026-11-25 09:30</div>
						<div class="article"><p>11月24日，安徽江淮汽车集团股份有限公司与桐城经济技术开发区签约，投资8亿元扩建新能源汽车零部件生产基地，新增电驱动总成生产线6条。</p>
						<p>项目达产后预计年产值20亿元，将带动本地配套企业发展。市领导出席签约仪式。</p>
						<p>经开区负责人表示，将全力做好项目服务保障，推动项目早日开工建设、早日投产见效。</p></div>
						<div class="footer">主办：桐城市人民政府办公室</div></body></html>""");
		site.createContext("/", ex -> {
			String body = pages.get(ex.getRequestURI().getPath());
			byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
			ex.getResponseHeaders().add("Content-Type", ex.getRequestURI().getPath().endsWith(".txt") ? "text/plain" : "text/html; charset=utf-8");
			ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
			ex.getResponseBody().write(bytes);
			ex.close();
		});
		site.start();
		try {
			Http.Response started = Http.postJson(url("/api/v1/crawls"), """
					{"seeds": ["http://127.0.0.1:%d/"], "allowedHosts": ["127.0.0.1:%d"], "maxPages": 5, "delayMillis": 100}""".formatted(port, port));
			assertThat(started.status()).as(started.body()).isBetween(200, 202);
			String id = started.json().get("id").asString();
			JsonNode status = null;
			for (int i = 0; i < 100; i++) {
				status = Http.get(url("/api/v1/crawls/" + id)).json();
				if (status.get("status").asString().equals("FINISHED") || status.get("status").asString().equals("FAILED")) {
					break;
				}
				Thread.sleep(200);
			}
			assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("FINISHED");
			assertThat(status.get("signalsFound").asInt()).isPositive();
			JsonNode found = api("?enterprise=600418.SH&since=2026-11-24");
			List<String> items = new java.util.ArrayList<>();
			found.get("items").forEach(it -> items.add(it.get("type").asString() + " " + it.get("url").asString() + " " + it.get("amountYuan").asLong()
					+ " " + it.get("region").get("code").asString() + " " + it.get("date").asString()));
			assertThat(items).contains("SIGNING http://127.0.0.1:" + port + "/news/2026/11/25/a1.html 800000000 340881 2026-11-24");
		}
		finally {
			site.stop(0);
		}
	}
}
