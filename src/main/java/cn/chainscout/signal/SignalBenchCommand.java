package cn.chainscout.signal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import cn.chainscout.Application;
import cn.chainscout.crawl.Article;
import cn.chainscout.graph.Graph;
import cn.chainscout.graph.Sources;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar chainscout.jar bench-signals [--articles N] [--write N]}: how fast articles go
 * through the sink, on generated Chinese news about the graph's enterprises (a fixed seed, so every
 * run reads the same text): extraction alone over N articles, then extraction with the graph write
 * over the first {@code --write} of them: first the first 500 one at a time, each waiting for its own
 * transaction (the baseline), then all handed in at once as the crawler does, so that the writer
 * stores them together. The written signals are deleted afterwards. Figures go to
 * BENCHMARKS.md.
 */
public final class SignalBenchCommand {

	static final String URL_PREFIX = "https://bench.chainscout.invalid/";

	private SignalBenchCommand() {
	}

	public static int run(String[] args) {
		int articles = 20_000;
		int writes = 2_000;
		List<String> springArgs = new ArrayList<>();
		try {
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--articles" -> articles = Integer.parseInt(args[++i]);
					case "--write" -> writes = Integer.parseInt(args[++i]);
					default -> springArgs.add(args[i]);
				}
			}
			if (articles < 1 || writes < 0) {
				throw new NumberFormatException("--articles must be at least 1 and --write at least 0");
			}
		}
		catch (ArrayIndexOutOfBoundsException | NumberFormatException ex) {
			System.err.println("错误: 参数有误 (" + ex.getMessage() + ")\n用法: java -jar chainscout.jar bench-signals [--articles N] [--write N]");
			return 2;
		}
		SpringApplication app = new SpringApplication(Application.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
			SignalSink sink = context.getBean(SignalSink.class);
			Graph graph = context.getBean(Graph.class);
			List<String[]> firms = graph.query("MATCH (e:Enterprise) RETURN e.name AS name, e.fullName AS fullName ORDER BY e.code", Map.of())
				.stream()
				.map(r -> new String[] { r.get("name").asString(""), r.get("fullName").asString("") })
				.toList();
			if (firms.isEmpty()) {
				System.err.println("图中没有企业：请先导入数据（java -jar chainscout.jar import）");
				return 1;
			}
			List<Article> corpus = generate(articles, firms, new Random(42));
			long bytes = corpus.stream().mapToLong(a -> a.text().getBytes(StandardCharsets.UTF_8).length).sum();
			double[] rebuild = new double[5];
			int names = 0;
			for (int i = 0; i < rebuild.length; i++) {
				long t0 = System.nanoTime();
				names = sink.rebuild();
				rebuild[i] = (System.nanoTime() - t0) / 1e6;
			}
			java.util.Arrays.sort(rebuild);
			System.out.printf(Locale.ROOT, "Graph: %,d enterprises; dictionary of %,d names, rebuilt in %.0f ms (median of 5)%n", firms.size(),
					names, rebuild[2]);
			System.out.printf(Locale.ROOT, "Corpus: %,d generated articles, %.1f MB of UTF-8 text (%.0f bytes each on average)%n%n", corpus.size(),
					bytes / 1e6, (double) bytes / corpus.size());
			// Untimed: class loading and JIT.
			for (int i = 0; i < Math.min(2_000, corpus.size()); i++) {
				sink.extract(corpus.get(i));
			}
			long signals = 0;
			// The thread's CPU time as well: on a shared machine the wall clock also counts waiting for a core.
			java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
			long cpu0 = threads.getCurrentThreadCpuTime();
			long t0 = System.nanoTime();
			for (Article a : corpus) {
				signals += sink.extract(a).size();
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
			System.out.println("| step | articles | signals | time | articles/s | MB/s |");
			System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
			System.out.printf(Locale.ROOT, "| extraction only | %,d | %,d | %.2f s | %,.0f | %.2f |%n", corpus.size(), signals, seconds,
					corpus.size() / seconds, bytes / 1e6 / seconds);
			System.out.printf(Locale.ROOT, "| extraction only, per CPU second of its thread | %,d | %,d | %.2f s CPU | %,.0f | %.2f |%n",
					corpus.size(), signals, cpu, corpus.size() / cpu, bytes / 1e6 / cpu);
			List<Article> written = corpus.subList(0, Math.min(writes, corpus.size()));
			if (!written.isEmpty()) {
				long writtenBytes = written.stream().mapToLong(a -> a.text().getBytes(StandardCharsets.UTF_8).length).sum();
				// Baseline: one article at a time, each waiting for its own transaction.
				List<Article> alone = written.subList(0, Math.min(500, written.size()));
				long t1 = System.nanoTime();
				long storedAlone = 0;
				for (Article a : alone) {
					storedAlone += sink.accept(a);
				}
				double s1 = (System.nanoTime() - t1) / 1e9;
				System.out.printf(Locale.ROOT, "| extraction + graph write, one article at a time (baseline) | %,d | %,d | %.2f s | %,.0f | %.2f |%n",
						alone.size(), storedAlone, s1, alone.size() / s1,
						alone.stream().mapToLong(a -> a.text().getBytes(StandardCharsets.UTF_8).length).sum() / 1e6 / s1);
				deleteWritten(graph);
				// As the crawler hands them in: all at once, the writer stores what has queued up together.
				long t2 = System.nanoTime();
				long processCpu = processCpuNanos();
				long stored = handInAll(sink, written);
				double s2 = (System.nanoTime() - t2) / 1e9;
				double cpu2 = (processCpuNanos() - processCpu) / 1e9;
				System.out.printf(Locale.ROOT, "| extraction + graph write, handed in together (group commit) | %,d | %,d | %.2f s | %,.0f | %.2f |%n",
						written.size(), stored, s2, written.size() / s2, writtenBytes / 1e6 / s2);
				// The database works on its own threads: the whole process's CPU time says what a write
				// costs whatever else the machine runs.
				System.out.printf(Locale.ROOT, "| the same, per CPU second of the whole process | %,d | %,d | %.2f s CPU | %,.0f | |%n",
						written.size(), stored, cpu2, written.size() / cpu2);
				long t3 = System.nanoTime();
				handInAll(sink, written);
				double again = (System.nanoTime() - t3) / 1e9;
				System.out.printf(Locale.ROOT, "| the same articles again (nothing changes) | %,d | | %.2f s | %,.0f | |%n", written.size(), again,
						written.size() / again);
				deleteWritten(graph);
			}
			return 0;
		}
		catch (RuntimeException ex) {
			System.err.println("测量失败: " + cn.chainscout.system.Problems.forPeople(ex));
			return 1;
		}
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static long handInAll(SignalSink sink, List<Article> articles) {
		List<java.util.concurrent.CompletableFuture<Integer>> handed = new ArrayList<>(articles.size());
		for (Article a : articles) {
			handed.add(sink.submit(a));
		}
		long stored = 0;
		for (var f : handed) {
			stored += f.join();
		}
		return stored;
	}

	private static void deleteWritten(Graph graph) {
		long deleted;
		do {
			deleted = graph.write(tx -> tx.run("""
					MATCH (s:Signal) WHERE s.url STARTS WITH $prefix
					WITH s LIMIT 10000 DETACH DELETE s RETURN count(*)""", Map.of("prefix", URL_PREFIX)).single().get(0).asLong());
		}
		while (deleted > 0);
	}

	private static final String[] PLACES = { "桐城经开区", "安庆高新区", "合肥高新区", "芜湖经开区", "苏州工业园区", "宁德市", "安徽省安庆市桐城市",
			"深圳市南山区", "成都市", "江苏省常州市" };

	private static final String[] EVENTS = { "与%s签约%s项目，项目总投资%s", "拟在%s投资建设%s生产基地，计划总投资约%s",
			"在%s的%s二期扩产项目正式开工，投资金额为%s", "以%3$s竞得%1$s一宗%2$s工业用地", "在%s设立%s全资子公司，注册资本%3$s", "完成定增，募集资金总额不超过%3$s，用于%1$s%2$s项目",
			"中标%s%s采购项目，中标金额%s", "位于%s的%s项目竣工投产，总投资%s", "在%s面向社会招聘%s技术工人" };

	private static final String[] PRODUCTS = { "锂电池", "软包装", "叉车", "光伏组件", "储能电站", "汽车零部件", "医疗器械", "功能膜", "家纺面料", "硅基材料" };

	private static final String[] FILLER = { "会议指出，要坚持项目为王，持续优化营商环境，推动产业链上下游协同发展。",
			"据了解，今年以来全市共引进亿元以上项目86个，同比增长12.5%。", "下一步，将围绕主导产业开展精准招商，强化要素保障，确保项目早落地、早投产、早见效。",
			"相关负责人表示，将进一步完善配套设施，为企业提供全周期服务。", "本报记者 王芳 通讯员 李明",
			"该区域交通便利，距离长江码头约20公里，物流成本较低。", "近年来，当地坚持把招商引资作为经济工作的生命线，聚焦绿色包装、机电装备、新能源汽车零部件等主导产业，大力开展以商招商、产业链招商和驻点招商。",
			"活动现场，与会嘉宾围绕产业发展趋势、技术创新路径和区域合作机会进行了深入交流，并实地参观了部分重点企业的生产车间和研发中心。",
			"数据显示，前三季度全市规模以上工业增加值同比增长8.7%，高新技术产业增加值占规上工业比重达到46.3%，工业投资增长15.2%。",
			"业内人士分析认为，随着下游需求持续回暖和行业集中度不断提升，具备技术和规模优势的头部企业有望进一步扩大市场份额。",
			"为保障项目顺利推进，当地成立了工作专班，实行“一个项目、一名领导、一套班子、一抓到底”的推进机制，全力做好用地、用能、用工等要素保障。",
			"责任编辑：张强" };

	/** Articles of about 2 KB: a dated lead, one to three firms with events among filler paragraphs, sometimes a bare mention. */
	static List<Article> generate(int count, List<String[]> firms, Random random) {
		List<Article> articles = new ArrayList<>(count);
		for (int n = 0; n < count; n++) {
			StringBuilder text = new StringBuilder();
			LocalDate date = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(330));
			text.append(date.getMonthValue()).append("月").append(date.getDayOfMonth()).append("日，")
				.append(FILLER[random.nextInt(FILLER.length)]).append('\n');
			int events = 1 + random.nextInt(3);
			String title = "";
			for (int e = 0; e < events; e++) {
				String[] firm = firms.get(random.nextInt(firms.size()));
				String name = random.nextInt(3) == 0 ? firm[1] : firm[0];
				String amount = (1 + random.nextInt(200)) + (random.nextBoolean() ? "亿元" : "000万元");
				text.append(name)
					.append(String.format(EVENTS[random.nextInt(EVENTS.length)], PLACES[random.nextInt(PLACES.length)],
							PRODUCTS[random.nextInt(PRODUCTS.length)], amount))
					.append("。");
				for (int f = 2 + random.nextInt(5); f > 0; f--) {
					text.append(FILLER[random.nextInt(FILLER.length)]);
				}
				text.append('\n');
				if (title.isEmpty()) {
					title = firm[0] + "项目动态";
				}
			}
			for (int f = 2 + random.nextInt(3); f > 0; f--) {
				text.append(FILLER[random.nextInt(FILLER.length)]);
			}
			text.append('\n');
			if (random.nextInt(4) == 0) {
				text.append("此外，").append(firms.get(random.nextInt(firms.size()))[0]).append("发布了2026年第三季度报告。\n");
			}
			String body = text.toString();
			articles.add(new Article("bench", URL_PREFIX + n, title, date, body, Instant.parse("2026-12-01T00:00:00Z").plusSeconds(n),
					Sources.sha256(body.getBytes(StandardCharsets.UTF_8))));
		}
		return articles;
	}
}
