package cn.chainscout.crawl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crawls {@link TestSite}, served for real on 127.0.0.1, and checks every request the server saw:
 * robots.txt first, never a disallowed path, never an internal address, gaps of at least the
 * Crawl-delay, Retry-After waited out; and what reached the sink: each article once.
 */
class CrawlerIT {

	/** What the signal side will be: here it keeps the articles and finds two signals in each. */
	static final class KeepingSink implements ArticleSink {

		final List<Article> articles = Collections.synchronizedList(new ArrayList<>());

		@Override
		public int accept(Article article) {
			articles.add(article);
			return 2;
		}

		List<String> paths() {
			return articles.stream().map(a -> a.url().replaceFirst("^http://127\\.0\\.0\\.1:\\d+", "")).sorted().toList();
		}
	}

	@TempDir
	Path home;

	TestSite site;

	HttpServer other;

	final AtomicInteger otherRequests = new AtomicInteger();

	final KeepingSink sink = new KeepingSink();

	CrawlService crawls;

	@BeforeEach
	void start() throws IOException {
		other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		other.createContext("/", ex -> {
			otherRequests.incrementAndGet();
			ex.sendResponseHeaders(200, -1);
			ex.close();
		});
		other.start();
		site = new TestSite(other.getAddress().getPort());
		Files.createDirectories(home.resolve("crawlers"));
		Files.writeString(home.resolve("crawlers/local-news.yaml"), """
				id: local-news
				name: 本机测试站
				seeds: [%s]
				allowedHosts: ["127.0.0.1:%d"]
				politeness:
				  delayMs: 200
				limits:
				  maxPages: 100
				  maxDepth: 10
				""".formatted(site.url("/"), site.port()));
		Files.writeString(home.resolve("crawlers/broken.yaml"), "id: broken\nseeds: [http://x.cn/]\n");
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("sink", sink);
		// Responses over 1 MB are not read; a response head later than 1 s is a timeout.
		CrawlProperties properties = new CrawlProperties(home.resolve("crawlers").toString(), home.resolve("raw"), false, 4, 2, 1000,
				2000, 1000, 1_000_000, 3, 5, "ChainScoutBot/0.1 (test)");
		crawls = new CrawlService(properties, beans.getBeanProvider(ArticleSink.class));
	}

	@AfterEach
	void stop() throws InterruptedException {
		// A crawl still running (the scheduled one) would write into the home after it is deleted.
		for (CrawlStatus running : crawls.list()) {
			crawls.await(running.id(), Duration.ofSeconds(30));
		}
		crawls.shutdown();
		site.close();
		other.stop(0);
	}

	@Test
	void adHocCrawlIsPoliteSafeAndPassesEachArticleOnce() throws Exception {
		CrawlStatus started = crawls.start(new CrawlRequest(List.of(site.url("/")), List.of("127.0.0.1:" + site.port()), 100, 10, 200L));
		CrawlStatus s = crawls.await(started.id(), Duration.ofSeconds(30));
		List<TestSite.Request> seen = site.requests();
		List<String> paths = site.paths();

		assertThat(s.status()).as(s.toString()).isEqualTo(CrawlStatus.State.FINISHED);
		assertThat(paths.get(0)).isEqualTo("/robots.txt");
		assertThat(paths).filteredOn(p -> p.equals("/robots.txt")).hasSize(1);
		assertThat(paths).noneMatch(p -> p.startsWith("/private/"));
		assertThat(otherRequests.get()).isZero();
		// Crawl-delay 0.25 s is longer than the 200 ms asked for, so it wins.
		for (int i = 1; i < seen.size(); i++) {
			long gap = (seen.get(i).nanos() - seen.get(i - 1).nanos()) / 1_000_000;
			assertThat(gap).as("gap before %s", seen.get(i).path()).isGreaterThanOrEqualTo(250);
		}
		List<TestSite.Request> flaky = seen.stream().filter(r -> r.path().equals("/flaky.html")).toList();
		assertThat(flaky).hasSize(2);
		assertThat((flaky.get(1).nanos() - flaky.get(0).nanos()) / 1_000_000).isGreaterThanOrEqualTo(1000);
		assertThat(paths).containsSubsequence("/moved", "/news/a3.html");
		assertThat(paths).filteredOn(p -> p.equals("/slow.html")).hasSize(2);
		assertThat(paths).filteredOn(p -> p.equals("/big.html")).hasSize(1);
		assertThat(paths).filteredOn(p -> p.startsWith("/calendar")).hasSizeLessThanOrEqualTo(5);
		assertThat(paths).filteredOn(p -> p.startsWith("/news/a1.html")).containsExactly("/news/a1.html");
		assertThat(paths).contains("/news/list.html?page=2").noneMatch(p -> p.contains("sid="));
		assertThat(paths).allMatch(p -> seen.stream().allMatch(r -> r.header("User-agent").startsWith("ChainScoutBot")));

		assertThat(sink.paths()).containsExactly("/flaky.html", "/gbk.html", "/news/a1.html", "/news/a2.html", "/news/a3.html");
		Article gbk = sink.articles.stream().filter(a -> a.url().endsWith("/gbk.html")).findFirst().orElseThrow();
		assertThat(gbk.title()).isEqualTo("安徽喆远新材料年产5万吨生物基可降解材料项目开工");
		assertThat(gbk.text()).contains("安徽喆远新材料科技有限公司");
		assertThat(gbk.publishedOn()).hasToString("2026-11-20");
		assertThat(gbk.sourceId()).isEqualTo("adhoc-" + s.id());
		assertThat(s.articles()).isEqualTo(5);
		assertThat(s.duplicates()).isEqualTo(2);
		assertThat(s.signalsFound()).isEqualTo(10);
		assertThat(s.skipped()).containsKeys("超过大小上限", "robots.txt 禁止抓取", "拒绝访问：内部地址", "不在允许的主机内",
				"重定向目标拒绝访问：内部地址");
		assertThat(s.skipped().keySet()).anyMatch(k -> k.startsWith("疑似陷阱：同一路径的查询变体超过 5 个"));
		assertThat(s.skippedExamples()).extracting(CrawlStatus.Skip::url)
			.contains("http://10.0.0.1/", "http://169.254.169.254/latest/meta-data", "http://localhost:" + other.getAddress().getPort() + "/");
		assertThat(s.pagesFetched()).isEqualTo(seen.size() - 1);
		assertThat(Path.of(s.rawFile())).exists();
	}

	@Test
	void aSourceIsCrawledOnItsScheduleWhenTheScheduleIsOn() throws Exception {
		Files.writeString(home.resolve("crawlers/local-news.yaml"),
				Files.readString(home.resolve("crawlers/local-news.yaml")) + "schedule: \"*/1 * * * * *\"\n");
		crawls.reloadSources();
		CrawlProperties on = new CrawlProperties(home.resolve("crawlers").toString(), home.resolve("raw"), true, 4, 2, 1000, 2000, 5000,
				1_000_000, 3, 5, "ChainScoutBot/0.1 (test)");
		CrawlSchedule schedule = new CrawlSchedule(crawls, on);
		schedule.start();
		try {
			long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (crawls.list().isEmpty() && System.nanoTime() < end) {
				Thread.sleep(50);
			}
			// The crawl takes seconds; the schedule fires twice more meanwhile.
			Thread.sleep(2200);
		}
		finally {
			schedule.stop();
		}
		assertThat(crawls.list()).isNotEmpty().allMatch(s -> s.sourceId().equals("local-news"));
		// A source still crawling is not started again when its time comes round.
		assertThat(crawls.list()).hasSize(1);
	}

	@Test
	void recrawlPassesOnlyChangedArticlesAndAsksConditionally() throws Exception {
		assertThat(crawls.sources()).extracting(SourceStatus::file, SourceStatus::ok)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("broken.yaml", false), org.assertj.core.groups.Tuple.tuple("local-news.yaml", true));
		assertThat(crawls.sources().get(0).problems()).contains("broken.yaml:1: 错误：缺少 name");

		CrawlStatus first = crawls.await(crawls.crawlSource("local-news").id(), Duration.ofSeconds(30));
		assertThat(first.articles()).as(first.toString()).isEqualTo(5);
		sink.articles.clear();

		site.a2 = TestSite.A2_V2;
		CrawlStatus second = crawls.await(crawls.crawlSource("local-news").id(), Duration.ofSeconds(30));
		assertThat(second.status()).isEqualTo(CrawlStatus.State.FINISHED);
		assertThat(sink.paths()).containsExactly("/news/a2.html");
		assertThat(sink.articles.get(0).text()).contains("总投资增至22.2亿元");
		assertThat(second.articles()).isEqualTo(1);
		// a1 (304), a3, flaky, gbk, and the repost and print version of a1, which are unchanged too.
		assertThat(second.unchanged()).isEqualTo(6);
		assertThat(site.answered("/news/a1.html 304")).isEqualTo(1);
		assertThat(site.requests()).filteredOn(r -> r.path().equals("/news/a2.html")).last()
			.extracting(r -> r.header("If-modified-since")).isEqualTo("Wed, 18 Nov 2026 08:00:00 GMT");

		// Extraction again from the kept responses: no request, every article once more (the latest version).
		int before = site.requests().size();
		sink.articles.clear();
		CrawlStatus again = crawls.await(crawls.reextract("local-news").id(), Duration.ofSeconds(30));
		assertThat(again.status()).as(again.toString()).isEqualTo(CrawlStatus.State.FINISHED);
		assertThat(site.requests()).hasSize(before);
		assertThat(sink.paths()).containsExactly("/flaky.html", "/gbk.html", "/news/a1.html", "/news/a2.html", "/news/a3.html");
		assertThat(sink.articles).filteredOn(a -> a.url().endsWith("/news/a2.html")).singleElement()
			.satisfies(a -> assertThat(a.text()).contains("总投资增至22.2亿元"));
	}

	@Test
	void aCrawlWaitsForItsArticlesToBeStoredAndReadsAPageThatFailedToStoreAgainNextTime() throws Exception {
		// Stores later, on another thread, as the signal writer does; a2 fails the first time.
		AtomicInteger a2Failures = new AtomicInteger(1);
		List<String> stored = Collections.synchronizedList(new ArrayList<>());
		ArticleSink late = new ArticleSink() {
			@Override
			public int accept(Article article) {
				throw new UnsupportedOperationException();
			}

			@Override
			public java.util.concurrent.CompletableFuture<Integer> submit(Article article) {
				return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
					if (article.url().endsWith("/news/a2.html") && a2Failures.getAndDecrement() > 0) {
						throw new IllegalStateException("图数据库暂时不可用");
					}
					stored.add(article.url().replaceFirst("^http://127\\.0\\.0\\.1:\\d+", ""));
					return 2;
				}, java.util.concurrent.CompletableFuture.delayedExecutor(300, java.util.concurrent.TimeUnit.MILLISECONDS));
			}
		};
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("late", late);
		CrawlProperties properties = new CrawlProperties(home.resolve("crawlers").toString(), home.resolve("raw"), false, 4, 2, 1000,
				2000, 1000, 1_000_000, 3, 5, "ChainScoutBot/0.1 (test)");
		CrawlService lateCrawls = new CrawlService(properties, beans.getBeanProvider(ArticleSink.class));

		CrawlStatus first = lateCrawls.await(lateCrawls.crawlSource("local-news").id(), Duration.ofSeconds(30));
		assertThat(first.status()).isEqualTo(CrawlStatus.State.FINISHED);
		// Finished means stored: every article's signals are counted, the failed one is an error that names it.
		assertThat(first.articles()).isEqualTo(5);
		assertThat(first.signalsFound()).isEqualTo(8);
		assertThat(stored).hasSize(4).doesNotContain("/news/a2.html");
		assertThat(first.errors()).singleElement().satisfies(e -> assertThat(e).endsWith("/news/a2.html 信号未能保存（下次抓取时重读）：图数据库暂时不可用"));

		CrawlStatus second = lateCrawls.await(lateCrawls.crawlSource("local-news").id(), Duration.ofSeconds(30));
		assertThat(second.errors()).isEmpty();
		assertThat(second.articles()).isEqualTo(1);
		assertThat(second.signalsFound()).isEqualTo(2);
		assertThat(stored).contains("/news/a2.html");
	}
}
