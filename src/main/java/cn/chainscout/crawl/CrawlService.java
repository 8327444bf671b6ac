package cn.chainscout.crawl;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

import cn.chainscout.crawl.CrawlStatus.State;
import cn.chainscout.crawl.internal.AddressGuard;
import cn.chainscout.crawl.internal.ContentIndex;
import cn.chainscout.crawl.internal.Crawler;
import cn.chainscout.crawl.internal.Fetcher;
import cn.chainscout.crawl.internal.HostClock;
import cn.chainscout.crawl.internal.HostScope;
import cn.chainscout.crawl.internal.RawStore;
import cn.chainscout.crawl.internal.UrlNormalizer;
import cn.chainscout.web.NotFoundException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Runs crawls: ad hoc ones from the API, a source's on demand or on its schedule, and re-runs of
 * extraction over kept responses. Crawls wait in a queue and run a few at a time; all of them share
 * the per-host clock, so two crawls of one site are polite together.
 */
@Service
public class CrawlService {

	private static final Logger log = LoggerFactory.getLogger(CrawlService.class);

	/** Crawls remembered for {@code GET /api/v1/crawls/{id}}; the oldest finished ones are forgotten first. */
	static final int KEPT_RUNS = 500;

	static final int MAX_ADHOC_PAGES = 10_000;

	private final CrawlProperties properties;

	private final ObjectProvider<ArticleSink> sinks;

	private final Fetcher fetcher;

	private final AddressGuard guard = new AddressGuard();

	private final HostClock clock = new HostClock();

	private final ExecutorService executor;

	private final Map<String, CrawlRun> runs = new ConcurrentHashMap<>();

	private final Map<String, ContentIndex> indexes = new ConcurrentHashMap<>();

	private final Map<String, String> lastCrawlOfSource = new ConcurrentHashMap<>();

	private final AtomicInteger sequence = new AtomicInteger();

	private volatile List<SourceFileReader.Result> sources;

	public CrawlService(CrawlProperties properties, ObjectProvider<ArticleSink> sinks) {
		this.properties = properties;
		this.sinks = sinks;
		this.fetcher = new Fetcher(properties.userAgent(), Duration.ofMillis(properties.connectTimeoutMillis()),
				Duration.ofMillis(properties.timeoutMillis()), properties.maxBytes());
		int n = Math.max(1, properties.maxConcurrentCrawls());
		this.executor = new ThreadPoolExecutor(n, n, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
			Thread t = new Thread(r, "crawl-runner");
			t.setDaemon(true);
			return t;
		});
		this.sources = loadSources();
	}

	// ---------------------------------------------------------------- sources

	/** Reads the source files again; a broken file is reported, never fatal. */
	public List<SourceStatus> reloadSources() {
		this.sources = loadSources();
		return sources();
	}

	private List<SourceFileReader.Result> loadSources() {
		List<SourceFileReader.Result> read;
		try {
			read = SourceFiles.read(properties.sources());
		}
		catch (RuntimeException ex) {
			log.warn("Cannot read crawl sources from {}: {}", properties.sources(), ex.getMessage());
			return List.of();
		}
		for (SourceFileReader.Result r : read) {
			r.problems().forEach(p -> log.warn("Crawl source not loaded: {}", p));
		}
		log.info("Crawl sources: {} loaded, {} with errors, from {}", read.stream().filter(r -> r.definition() != null).count(),
				read.stream().filter(r -> r.definition() == null).count(), properties.sources());
		return read;
	}

	public List<SourceStatus> sources() {
		List<SourceStatus> out = new ArrayList<>();
		for (SourceFileReader.Result r : sources) {
			SourceDefinition d = r.definition();
			String file = d != null ? d.file() : r.problems().isEmpty() ? "" : r.problems().get(0).file();
			out.add(new SourceStatus(file, d == null ? null : d.id(), d == null ? null : d.name(), d != null,
					r.problems().stream().map(SourceProblem::toString).toList(), d, d == null ? null : lastCrawlOfSource.get(d.id())));
		}
		return out;
	}

	public List<SourceDefinition> definitions() {
		return sources.stream().map(SourceFileReader.Result::definition).filter(d -> d != null).map(d -> (SourceDefinition) d).toList();
	}

	public Optional<SourceDefinition> source(String id) {
		return definitions().stream().filter(d -> d.id().equals(id)).findFirst();
	}

	// ---------------------------------------------------------------- starting crawls

	/** Checks an ad hoc request (messages name the parameter and value) and queues it. */
	public CrawlStatus start(CrawlRequest request) {
		List<String> hosts = request.allowedHosts() == null ? List.of() : request.allowedHosts();
		if (hosts.isEmpty()) {
			throw new IllegalArgumentException("参数 allowedHosts 不能为空：至少给一个可抓取的主机，例如 www.tongcheng.gov.cn");
		}
		hosts.forEach(h -> HostScope.validate(String.valueOf(h), "allowedHosts"));
		HostScope scope = new HostScope(hosts);
		List<String> rawSeeds = request.seeds() == null ? List.of() : request.seeds();
		if (rawSeeds.isEmpty()) {
			throw new IllegalArgumentException("参数 seeds 不能为空：至少给一个起始网址");
		}
		List<String> seeds = new ArrayList<>();
		for (String s : rawSeeds) {
			String seed = UrlNormalizer.normalize(String.valueOf(s))
				.orElseThrow(() -> new IllegalArgumentException("参数 seeds 的值 '" + s + "' 无效：应是 http 或 https 网址"));
			if (!scope.allows(seed)) {
				throw new IllegalArgumentException("参数 seeds 的值 '" + s + "' 的主机不在 allowedHosts " + hosts + " 中");
			}
			seeds.add(seed);
		}
		int maxPages = request.maxPages() == null ? 100 : request.maxPages();
		if (maxPages < 1 || maxPages > MAX_ADHOC_PAGES) {
			throw new IllegalArgumentException("参数 maxPages 的值 '" + maxPages + "' 无效：应在 1 到 " + MAX_ADHOC_PAGES + " 之间");
		}
		int maxDepth = request.maxDepth() == null ? 3 : request.maxDepth();
		if (maxDepth < 0 || maxDepth > 10) {
			throw new IllegalArgumentException("参数 maxDepth 的值 '" + maxDepth + "' 无效：应在 0 到 10 之间");
		}
		long delay = request.delayMillis() == null ? properties.delayMillis() : request.delayMillis();
		if (delay < SourceFileReader.MIN_DELAY_MILLIS || delay > 60_000) {
			throw new IllegalArgumentException("参数 delayMillis 的值 '" + delay + "' 无效：应在 " + SourceFileReader.MIN_DELAY_MILLIS
					+ " 到 60000 毫秒之间");
		}
		String id = newId();
		SourceDefinition adhoc = new SourceDefinition("adhoc-" + id, "临时抓取 " + id, seeds, scope.entries(), List.of(), List.of(),
				delay, "", maxPages, maxDepth, null, "");
		return submit(id, adhoc, false);
	}

	/** Queues a crawl of a source file's source, unless one is already queued or running. */
	public CrawlStatus crawlSource(String sourceId) {
		SourceDefinition d = source(sourceId).orElseThrow(() -> new NotFoundException(
				"没有 id 为 '" + sourceId + "' 的可用抓取来源（见 GET /api/v1/crawls/sources）"));
		String last = lastCrawlOfSource.get(sourceId);
		CrawlRun running = last == null ? null : runs.get(last);
		if (running != null && (running.state() == State.QUEUED || running.state() == State.RUNNING)) {
			return running.status();
		}
		return submit(newId(), d, true);
	}

	private CrawlStatus submit(String id, SourceDefinition d, boolean conditional) {
		CrawlRun run = new CrawlRun(id, d.id(), "crawl");
		remember(run);
		lastCrawlOfSource.put(d.id(), id);
		executor.execute(() -> execute(run, d, conditional));
		return run.status();
	}

	private void execute(CrawlRun run, SourceDefinition d, boolean conditional) {
		Path rawFile = properties.rawDir().resolve(d.id())
			.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + run.id + ".warc.gz");
		ContentIndex index = index(d.id());
		try (RawStore raw = RawStore.open(rawFile)) {
			run.started(rawFile.toString());
			ArticlePipeline pipeline = new ArticlePipeline(d.id(), d.rules(), index, run, sink());
			Crawler.Plan plan = new Crawler.Plan(run.id, d.seeds(), new HostScope(d.allowedHosts()), patterns(d.allow()),
					patterns(d.deny()), d.delayMillis(), d.maxPages(), d.maxDepth(), properties.threads(), properties.maxRetries(),
					properties.maxQueryVariants(), conditional);
			Crawler crawler = new Crawler(plan, fetcher, guard, clock, raw, index, run,
					(r, depth) -> pipeline.read(r.url(), r.body(), r.contentType(), r.header("ETag").orElse(""),
							r.header("Last-Modified").orElse(""), r.at()),
					properties.robotName());
			crawler.run();
			run.awaitStored();
			index.save();
			run.finished(State.FINISHED);
			log.info("Crawl {} of {} finished: {}", run.id, d.id(), summary(run.status()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			run.error("", "抓取被中断");
			run.finished(State.FAILED);
		}
		catch (RuntimeException ex) {
			log.warn("Crawl {} of {} failed", run.id, d.id(), ex);
			run.error("", "抓取失败：" + ex.getMessage());
			run.finished(State.FAILED);
		}
	}

	/**
	 * Reads the kept responses of a source again (the latest response of each URL) and passes the
	 * articles to the sink, without fetching: for new extraction rules or a new sink.
	 */
	public CrawlStatus reextract(String sourceId) {
		Optional<SourceDefinition> d = source(sourceId);
		Path dir = properties.rawDir().resolve(sourceId);
		if (d.isEmpty() && !sourceId.startsWith("adhoc-") || !java.nio.file.Files.isDirectory(dir)) {
			throw new NotFoundException("来源 '" + sourceId + "' 没有保存的原始网页（" + dir + "）");
		}
		CrawlRun run = new CrawlRun(newId(), sourceId, "reextract");
		remember(run);
		SourceDefinition.FieldRules rules = d.map(SourceDefinition::rules).orElse(null);
		executor.execute(() -> {
			run.started(dir.toString());
			try {
				Map<String, RawStore.Captured> latest = new LinkedHashMap<>();
				RawStore.readAll(dir, c -> {
					if (c.status() >= 200 && c.status() < 300 && !c.url().endsWith("/robots.txt")) {
						latest.remove(c.url());
						latest.put(c.url(), c);
					}
				});
				ArticlePipeline pipeline = new ArticlePipeline(sourceId, rules, new ContentIndex(null), run, sink());
				for (RawStore.Captured c : latest.values()) {
					run.request(true);
					pipeline.read(c.url(), c.body(), c.header("Content-Type"), c.header("ETag"), c.header("Last-Modified"), c.at());
				}
				run.awaitStored();
				run.finished(State.FINISHED);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				run.error("", "重新抽取被中断");
				run.finished(State.FAILED);
			}
			catch (RuntimeException ex) {
				log.warn("Re-extraction of {} failed", sourceId, ex);
				run.error("", "重新抽取失败：" + ex.getMessage());
				run.finished(State.FAILED);
			}
		});
		return run.status();
	}

	// ---------------------------------------------------------------- status

	public Optional<CrawlStatus> status(String id) {
		return Optional.ofNullable(runs.get(id)).map(CrawlRun::status);
	}

	public List<CrawlStatus> list() {
		return runs.values().stream().map(CrawlRun::status).sorted(Comparator.comparing(CrawlStatus::createdAt).reversed()).toList();
	}

	/** Waits until a crawl is FINISHED or FAILED (for commands and tests). */
	public CrawlStatus await(String id, Duration timeout) throws InterruptedException {
		long end = System.nanoTime() + timeout.toNanos();
		while (true) {
			CrawlStatus s = status(id).orElseThrow(() -> new NotFoundException("没有编号为 '" + id + "' 的抓取任务"));
			if (s.status() == State.FINISHED || s.status() == State.FAILED || System.nanoTime() > end) {
				return s;
			}
			Thread.sleep(20);
		}
	}

	// ---------------------------------------------------------------- helpers

	private Function<Article, CompletableFuture<Integer>> sink() {
		List<ArticleSink> all = sinks.orderedStream().toList();
		return article -> {
			CompletableFuture<Integer> signals = CompletableFuture.completedFuture(0);
			for (ArticleSink s : all) {
				signals = signals.thenCombine(s.submit(article), Integer::sum);
			}
			return signals;
		};
	}

	/** A source's index lives as long as the application; an ad hoc crawl's only as long as the crawl. */
	private ContentIndex index(String sourceId) {
		if (sourceId.startsWith("adhoc-")) {
			return new ContentIndex(properties.rawDir().resolve(sourceId).resolve("pages.tsv"));
		}
		return indexes.computeIfAbsent(sourceId, id -> new ContentIndex(properties.rawDir().resolve(id).resolve("pages.tsv")));
	}

	private void remember(CrawlRun run) {
		runs.put(run.id, run);
		if (runs.size() > KEPT_RUNS) {
			runs.values().stream()
				.filter(r -> r.state() == State.FINISHED || r.state() == State.FAILED)
				.map(CrawlRun::status)
				.min(Comparator.comparing(CrawlStatus::createdAt))
				.ifPresent(oldest -> runs.remove(oldest.id()));
		}
	}

	private String newId() {
		return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "-" + sequence.incrementAndGet();
	}

	private static List<Pattern> patterns(Collection<String> regexes) {
		return regexes.stream().map(Pattern::compile).toList();
	}

	static String summary(CrawlStatus s) {
		return s.pagesFetched() + " pages, " + s.articles() + " articles, " + s.unchanged() + " unchanged, " + s.duplicates()
				+ " duplicates, " + s.signalsFound() + " signals, skipped " + s.skipped() + ", " + s.errors().size() + " errors";
	}

	@PreDestroy
	void shutdown() {
		executor.shutdownNow();
	}
}
