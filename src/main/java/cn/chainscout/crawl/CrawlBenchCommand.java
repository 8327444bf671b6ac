package cn.chainscout.crawl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import cn.chainscout.Application;
import cn.chainscout.crawl.internal.AddressGuard;
import cn.chainscout.crawl.internal.ContentIndex;
import cn.chainscout.crawl.internal.Crawler;
import cn.chainscout.crawl.internal.Fetcher;
import cn.chainscout.crawl.internal.HostClock;
import cn.chainscout.crawl.internal.HostScope;
import cn.chainscout.crawl.internal.RawStore;
import cn.chainscout.graph.Graph;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar chainscout.jar bench-crawl [--hosts 1000] [--pages-per-host 5] [--delay-ms 1000] [--threads 16] [--graph] [--rounds 1]}:
 * serves a small site on each of many loopback addresses (127.0.x.y, all of which reach the same
 * server on Linux), crawls them all with the real crawler (robots.txt, address guard with every host
 * allowed, politeness, WARC writing, article reading and duplicate checks), and reports pages per
 * second and the per-host delay breaches the server measured from its own request timestamps.
 *
 * <p>With {@code --graph} it opens the graph of the current directory (as the service would; stop the
 * service first), writes articles about the graph's enterprises, and passes them through the
 * application's signal sink: the clock stops when the last signal is stored. The bench's signals are
 * deleted afterwards.
 */
public final class CrawlBenchCommand {

	private static final String[] SENTENCES = { "项目总投资%d亿元，选址桐城经济技术开发区", "主要建设全自动生产线%d条", "达产后可实现年产值%d亿元",
			"新增就业岗位%d个", "企业将在桐城建设华东区域总部", "项目计划明年一季度开工建设", "产品主要配套长三角整车企业", "年产高纯石英砂%d万吨",
			"新增医用防护服生产线%d条", "以商招商成效明显，新签约亿元以上项目%d个", "市直部门组建专班做好要素保障", "带动上游原纸、油墨企业集聚发展",
			"扩产后企业年产能达到%d亿只", "产品出口欧盟和东南亚", "园区实行项目专员跟踪服务制度", "协调解决供电增容等问题%d项", "一期项目计划于%d年建成投产",
			"将进一步延伸产业链上游的原材料环节", "签约仪式在合肥举行，现场签约项目%d个", "市领导出席开工仪式并讲话" };

	private static final String COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研";

	private static final String[] FIRMS = { "鸿达包装", "新锐汽车零部件", "华科硅材料", "康盾医疗", "锦程家纺", "华瑞机电", "喆远新材料", "天康防护", "恒源包装",
			"金禾新材料" };

	private static final String[] ACTIONS = { "签约", "开工", "扩产", "投产", "竣工验收", "增资" };

	private CrawlBenchCommand() {
	}

	public static int run(String[] args) {
		int hosts = 1000;
		int pagesPerHost = 5;
		long delayMs = 1000;
		int threads = 16;
		boolean graph = false;
		int rounds = 1;
		List<String> springArgs = new ArrayList<>(List.of("--chainscout.importing.auto=false", "--chainscout.crawl.schedule-enabled=false"));
		try {
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--hosts" -> hosts = Integer.parseInt(args[++i]);
					case "--pages-per-host" -> pagesPerHost = Integer.parseInt(args[++i]);
					case "--delay-ms" -> delayMs = Long.parseLong(args[++i]);
					case "--threads" -> threads = Integer.parseInt(args[++i]);
					case "--graph" -> graph = true;
					case "--rounds" -> rounds = Integer.parseInt(args[++i]);
					default -> {
						if (!args[i].startsWith("--chainscout.") && !args[i].startsWith("--logging.")) {
							throw new IllegalArgumentException("不认识的参数 " + args[i]);
						}
						springArgs.add(args[i]);
					}
				}
			}
			if (hosts < 1 || hosts > 62_000 || pagesPerHost < 1 || delayMs < 0 || threads < 1 || rounds < 1) {
				throw new IllegalArgumentException("--hosts 应在 1 到 62000 之间，--pages-per-host、--threads、--rounds 至少为 1");
			}
		}
		catch (RuntimeException ex) {
			System.err.println("错误: 参数有误 (" + ex.getMessage() + ")\n用法: java -jar chainscout.jar bench-crawl [--hosts 1000] "
					+ "[--pages-per-host 5] [--delay-ms 1000] [--threads 16] [--graph] [--rounds 1]");
			return 2;
		}
		try {
			int h = hosts, p = pagesPerHost, t = threads;
			long d = delayMs;
			return graph ? benchOnGraph(h, p, d, t, rounds, springArgs) : rounds(rounds, () -> bench(h, p, d, t, FIRMS, null));
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("测量失败: " + cn.chainscout.system.Problems.forPeople(ex));
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

	/** The crawl through the application's signal sink, on the graph of the current directory, about its enterprises. */
	private static int benchOnGraph(int hosts, int pagesPerHost, long delayMs, int threads, int rounds, List<String> springArgs)
			throws IOException, InterruptedException {
		SpringApplication app = new SpringApplication(Application.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
			Graph g = context.getBean(Graph.class);
			List<String> names = g.query("MATCH (e:Enterprise) WHERE e.fullName IS NOT NULL RETURN e.fullName AS n ORDER BY e.code LIMIT 5000",
					Map.of()).stream().map(r -> r.get("n").asString()).toList();
			if (names.isEmpty()) {
				System.err.println("图中没有企业：请先导入数据（java -jar chainscout.jar import）");
				return 1;
			}
			ArticleSink sink = context.getBean(ArticleSink.class);
			awaitQuiet();
			// A first article outside the clock: what a sink prepares once in a service's life (the name dictionary) is not part of a crawl.
			sink.accept(new Article("bench", "http://127.0.0.1/warm-up", "预热", null, names.get(0) + "签约。", java.time.Instant.now(), "warm-up"));
			return rounds(rounds, () -> {
				try {
					return bench(hosts, pagesPerHost, delayMs, threads, names.toArray(String[]::new), sink);
				}
				finally {
					long removed = g.write(tx -> tx.run("MATCH (s:Signal) WHERE s.source = 'bench' DETACH DELETE s RETURN count(*)").single().get(0).asLong());
					System.out.printf(Locale.ROOT, "The bench's %,d signals were deleted from the graph.%n", removed);
				}
			});
		}
	}

	private interface Round {
		int run() throws IOException, InterruptedException;
	}

	/**
	 * The same crawl several times in one process, each on a fresh server port (so new URLs): the
	 * first rounds let the JIT compile what a long-running service has long compiled.
	 * @return the exit code of the last round, or the first failing one
	 */
	private static int rounds(int rounds, Round round) throws IOException, InterruptedException {
		int code = 0;
		for (int r = 1; r <= rounds; r++) {
			if (rounds > 1) {
				System.out.printf(Locale.ROOT, "-- Round %d of %d%s%n", r, rounds, r < rounds ? " (warm-up)" : "");
			}
			int c = round.run();
			code = code == 0 ? c : code;
		}
		return code;
	}

	/**
	 * Waits (up to two minutes) until the process has been nearly idle for two seconds: what the
	 * application does in the background after it starts (index sampling, caches) is not part of a crawl.
	 */
	private static void awaitQuiet() throws InterruptedException {
		var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		int quiet = 0;
		while (quiet < 4 && System.nanoTime() < end) {
			Thread.sleep(500);
			quiet = os.getProcessCpuLoad() * Runtime.getRuntime().availableProcessors() < 0.15 ? quiet + 1 : 0;
		}
	}

	static int bench(int hosts, int pagesPerHost, long delayMs, int threads, String[] firms, @Nullable ArticleSink sink)
			throws IOException, InterruptedException {
		Map<String, List<Long>> seen = new ConcurrentHashMap<>();
		AtomicLong served = new AtomicLong();
		Map<String, byte[]> responses = new java.util.HashMap<>();
		BenchServer server = new BenchServer(responses, seen, served);
		int port = server.port();
		// Every response is made before the clock starts: the server only looks them up, so it measures the crawler.
		for (int i = 0; i < hosts; i++) {
			String host = "127.0." + (1 + i / 250) + "." + (1 + i % 250) + ":" + port;
			responses.put(host + " /robots.txt", BenchServer.response(page(host, "/robots.txt", pagesPerHost, firms)));
			responses.put(host + " /", BenchServer.response(page(host, "/", pagesPerHost, firms)));
			for (int n = 1; n < pagesPerHost; n++) {
				responses.put(host + " /news/" + n + ".html", BenchServer.response(page(host, "/news/" + n + ".html", pagesPerHost, firms)));
			}
		}
		Path rawDir = Files.createTempDirectory("chainscout-bench-crawl");
		try {
			List<String> seeds = new ArrayList<>();
			List<String> allowed = new ArrayList<>();
			for (int i = 0; i < hosts; i++) {
				String ip = "127.0." + (1 + i / 250) + "." + (1 + i % 250);
				seeds.add("http://" + ip + ":" + port + "/");
				allowed.add(ip + ":" + port);
			}
			Crawler.Plan plan = new Crawler.Plan("bench", seeds, new HostScope(allowed), List.of(), List.of(), delayMs,
					hosts * pagesPerHost, 2, threads, 3, 20, false);
			CrawlRun run = new CrawlRun("bench", "bench", "crawl");
			ContentIndex index = new ContentIndex(null);
			ArticlePipeline pipeline = new ArticlePipeline("bench", null, index, run,
					sink == null ? article -> CompletableFuture.completedFuture(0) : sink::submit);
			Fetcher fetcher = new Fetcher("ChainScoutBot/0.1 (bench)", Duration.ofSeconds(5), Duration.ofSeconds(15), 5_000_000);
			System.out.printf(Locale.ROOT, "Serving %d hosts (127.0.x.y:%d) x %d pages, delay %d ms per host, %d fetch threads, %d cores%n",
					hosts, port, pagesPerHost, delayMs, threads, Runtime.getRuntime().availableProcessors());
			var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
			long cpu0 = os.getProcessCpuTime();
			long t0 = System.nanoTime();
			try (RawStore raw = RawStore.open(rawDir.resolve("bench.warc.gz"))) {
				run.started(raw.file().toString());
				new Crawler(plan, fetcher, new AddressGuard(), new HostClock(), raw, index, run,
						(r, depth) -> pipeline.read(r.url(), r.body(), r.contentType(), "", "", r.at()), "chainscoutbot").run();
			}
			double fetched = (System.nanoTime() - t0) / 1e9;
			run.awaitStored();
			double seconds = (System.nanoTime() - t0) / 1e9;
			double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
			CrawlStatus s = run.status();
			long breaches = 0;
			long minGapMicros = Long.MAX_VALUE;
			for (List<Long> times : seen.values()) {
				List<Long> sorted;
				synchronized (times) {
					sorted = new ArrayList<>(times);
				}
				Collections.sort(sorted);
				for (int i = 1; i < sorted.size(); i++) {
					long gap = sorted.get(i) - sorted.get(i - 1);
					minGapMicros = Math.min(minGapMicros, gap / 1000);
					if (gap < delayMs * 1_000_000) {
						breaches++;
					}
				}
			}
			long expected = (long) hosts * pagesPerHost;
			System.out.printf(Locale.ROOT, "Pages fetched: %d of %d (requests seen by the server: %d, robots.txt included)%n",
					s.pagesFetched(), expected, served.get());
			System.out.printf(Locale.ROOT, "Articles read: %d, duplicates: %d, errors: %d, skipped: %s%n", s.articles(), s.duplicates(),
					s.errors().size(), s.skipped());
			if (sink != null) {
				System.out.printf(Locale.ROOT, "Signals stored: %,d (last fetch at %.2f s, last signal stored at %.2f s)%n", s.signalsFound(),
						fetched, seconds);
			}
			System.out.printf(Locale.ROOT, "Wall time%s: %.2f s; aggregate: %.0f pages/s (%.0f requests/s)%n",
					sink == null ? "" : ", fetch to stored signal", seconds, s.pagesFetched() / seconds, served.get() / seconds);
			System.out.printf(Locale.ROOT, "CPU time of the whole process meanwhile: %.2f s (%.2f ms a page, %.2f of %d cores)%n", cpuSeconds,
					cpuSeconds * 1000 / Math.max(1, s.pagesFetched()), cpuSeconds / seconds, Runtime.getRuntime().availableProcessors());
			System.out.printf(Locale.ROOT, "Per-host delay breaches (server side, gap < %d ms): %d; smallest gap: %.1f ms%n", delayMs,
					breaches, minGapMicros == Long.MAX_VALUE ? 0 : minGapMicros / 1000.0);
			System.out.printf(Locale.ROOT, "Raw responses kept: %,d bytes of WARC%n", Files.size(rawDir.resolve("bench.warc.gz")));
			System.out.printf(Locale.ROOT, "Load average (1 min) after the run: %.2f on %d cores%n",
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
					Runtime.getRuntime().availableProcessors());
			return breaches == 0 && s.pagesFetched() == expected && s.errors().isEmpty() ? 0 : 1;
		}
		finally {
			server.close();
			try (var files = Files.walk(rawDir)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	/** A response of the bench site: status, content type, body. */
	record Page(int status, String type, String body) {
	}

	static Page page(String host, String path, int pagesPerHost, String[] firms) {
		if (path.equals("/robots.txt")) {
			return new Page(200, "text/plain", "User-agent: *\nDisallow: /private/\n");
		}
		if (path.equals("/")) {
			StringBuilder b = new StringBuilder("<html><head><title>园区动态 - " + host + "</title></head><body><div class=\"nav\"><a href=\"/\">首页</a></div><ul>");
			for (int i = 1; i < pagesPerHost; i++) {
				b.append("<li><a href=\"/news/").append(i).append(".html\">").append(headline(host, i, firms)).append("</a></li>");
			}
			return new Page(200, "text/html; charset=utf-8", b.append("</ul><div class=\"footer\">版权所有</div></body></html>").toString());
		}
		if (path.matches("/news/\\d+\\.html")) {
			int n = Integer.parseInt(path.replaceAll("\\D", ""));
			String title = headline(host, n, firms);
			Random r = new Random(host.hashCode() * 31L + n);
			StringBuilder text = new StringBuilder();
			for (int p = 0; p < 4; p++) {
				text.append("<p>").append(firms[r.nextInt(firms.length)]).append("（").append(host).append("）");
				for (int k = 0; k < 4; k++) {
					text.append(SENTENCES[r.nextInt(SENTENCES.length)].formatted(2 + r.nextInt(900))).append("，");
				}
				// A line of its own in every paragraph, so two generated articles are never near copies.
				for (int k = 0; k < 24; k++) {
					text.append(COMMON.charAt(r.nextInt(COMMON.length())));
				}
				text.append("。</p>");
			}
			return new Page(200, "text/html; charset=utf-8", "<html><head><title>" + title + "_园区动态</title></head><body><div class=\"nav\"><a href=\"/\">首页</a></div>"
					+ "<div class=\"detail\"><h1>" + title + "</h1><div class=\"info\">发布时间：2026-11-" + (10 + n % 18)
					+ "</div><div id=\"zoom\">" + text + "</div></div><div class=\"footer\">版权所有</div></body></html>");
		}
		return new Page(404, "text/html; charset=utf-8", "<html><body>页面不存在</body></html>");
	}

	private static String headline(String host, int n, String[] firms) {
		Random r = new Random(host.hashCode() * 17L + n);
		return firms[r.nextInt(firms.length)] + "年产" + (1 + r.nextInt(50)) + "万吨新材料项目" + ACTIONS[r.nextInt(ACTIONS.length)] + "（" + n + "）";
	}

	/**
	 * The bench's HTTP/1.1 server: one selector thread, keep-alive, GET only. The JDK's
	 * {@code com.sun.net.httpserver} costs about a third more CPU per request, and the server shares
	 * the two cores with the crawler being measured. Each request's arrival time is recorded by Host.
	 */
	static final class BenchServer implements AutoCloseable {

		private static final byte[] NOT_FOUND = response(new Page(404, "text/html; charset=utf-8", "<html><body>页面不存在</body></html>"));

		private final ServerSocketChannel channel;

		private final Selector selector;

		private final Thread thread;

		BenchServer(Map<String, byte[]> responses, Map<String, List<Long>> seen, AtomicLong served) throws IOException {
			channel = ServerSocketChannel.open();
			channel.bind(new InetSocketAddress(0), 4096);
			channel.configureBlocking(false);
			selector = Selector.open();
			channel.register(selector, SelectionKey.OP_ACCEPT);
			thread = new Thread(() -> loop(responses, seen, served), "bench-http");
			thread.setDaemon(true);
			thread.start();
		}

		static byte[] response(Page page) {
			byte[] body = page.body().getBytes(StandardCharsets.UTF_8);
			byte[] headers = ("HTTP/1.1 " + page.status() + (page.status() == 200 ? " OK" : " Not Found") + "\r\nContent-Type: " + page.type()
					+ "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
			byte[] all = Arrays.copyOf(headers, headers.length + body.length);
			System.arraycopy(body, 0, all, headers.length, body.length);
			return all;
		}

		int port() throws IOException {
			return ((InetSocketAddress) channel.getLocalAddress()).getPort();
		}

		private void loop(Map<String, byte[]> responses, Map<String, List<Long>> seen, AtomicLong served) {
			try {
				while (selector.isOpen()) {
					selector.select();
					if (!selector.isOpen()) {
						return;
					}
					for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext();) {
						SelectionKey key = it.next();
						it.remove();
						if (key.isAcceptable()) {
							SocketChannel c = channel.accept();
							if (c != null) {
								c.configureBlocking(false);
								c.setOption(StandardSocketOptions.TCP_NODELAY, true);
								c.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(16384));
							}
						}
						else if (key.isReadable()) {
							read(key, responses, seen, served);
						}
					}
				}
			}
			catch (IOException | java.nio.channels.ClosedSelectorException ex) {
				// closed
			}
		}

		private static void read(SelectionKey key, Map<String, byte[]> responses, Map<String, List<Long>> seen, AtomicLong served) throws IOException {
			SocketChannel c = (SocketChannel) key.channel();
			ByteBuffer buf = (ByteBuffer) key.attachment();
			int n;
			try {
				n = c.read(buf);
			}
			catch (IOException ex) {
				n = -1;
			}
			if (n < 0) {
				key.cancel();
				c.close();
				return;
			}
			String head = new String(buf.array(), 0, buf.position(), StandardCharsets.ISO_8859_1);
			int end = head.indexOf("\r\n\r\n");
			if (end < 0) {
				return;
			}
			long now = System.nanoTime();
			buf.clear();
			int sp = head.indexOf(' ');
			String path = head.substring(sp + 1, head.indexOf(' ', sp + 1));
			int h = head.indexOf("\nHost:");
			if (h < 0) {
				h = head.indexOf("\nhost:");
			}
			String host = h < 0 ? "" : head.substring(h + 6, head.indexOf('\r', h + 6)).strip();
			seen.computeIfAbsent(host, k -> Collections.synchronizedList(new ArrayList<>())).add(now);
			served.incrementAndGet();
			int q = path.indexOf('?');
			byte[] response = responses.getOrDefault(host + " " + (q < 0 ? path : path.substring(0, q)), NOT_FOUND);
			ByteBuffer out = ByteBuffer.wrap(response);
			while (out.hasRemaining()) {
				c.write(out);
			}
		}

		@Override
		public void close() throws IOException {
			selector.close();
			channel.close();
		}
	}
}
