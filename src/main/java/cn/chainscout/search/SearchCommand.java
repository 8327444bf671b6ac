package cn.chainscout.search;

import java.util.ArrayList;
import java.util.List;

import cn.chainscout.Application;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code java -jar chainscout.jar reindex}: rebuilds the search index from the graph. */
public final class SearchCommand {

	private SearchCommand() {
	}

	private static final String USAGE = "用法: java -jar chainscout.jar evaluate-search [--queries FILE | --sample N] [--warm-up-seconds 30]";

	/**
	 * {@code java -jar chainscout.jar evaluate-search [--queries FILE | --sample N] [--warm-up-seconds 30]}: quality and speed of
	 * ChainScout's search against Neo4j's full-text index on the same graph (see BENCHMARKS.md).
	 */
	public static int evaluate(String[] args) {
		java.nio.file.Path queriesFile = null;
		int sample = 0;
		int warmUpSeconds = 30;
		List<String> springArgs = new ArrayList<>();
		springArgs.add("--chainscout.importing.auto=false");
		try {
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--queries" -> queriesFile = java.nio.file.Path.of(args[++i]);
					case "--sample" -> sample = Integer.parseInt(args[++i]);
					case "--warm-up-seconds" -> warmUpSeconds = Integer.parseInt(args[++i]);
					default -> springArgs.add(args[i]);
				}
			}
		}
		catch (ArrayIndexOutOfBoundsException | NumberFormatException ex) {
			System.err.println("错误: 参数有误 (" + ex.getMessage() + ")\n" + USAGE);
			return 2;
		}
		if (warmUpSeconds < 0) {
			System.err.println("错误: --warm-up-seconds 不能为负数 (" + warmUpSeconds + ")\n" + USAGE);
			return 2;
		}
		if (queriesFile != null && !java.nio.file.Files.isRegularFile(queriesFile)) {
			System.err.println("错误: 查询文件 " + queriesFile.toAbsolutePath() + " 不存在");
			return 2;
		}
		SpringApplication app = new SpringApplication(Application.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
			context.getBean(SearchIndexer.class).rebuildIfStale();
			var evaluation = new SearchEvaluation(context.getBean(EnterpriseSearch.class), context.getBean(cn.chainscout.graph.Graph.class));
			var queries = sample > 0 ? evaluation.sampledQueries(sample, 42)
					: queriesFile != null ? SearchEvaluation.read(queriesFile) : SearchEvaluation.bundledQueries();
			var result = evaluation.run(queries, java.time.Duration.ofSeconds(warmUpSeconds));
			System.out.println(result.warmUpSummary());
			System.out.println(SearchEvaluation.table(result.scores(), queriesFile));
			return 0;
		}
		catch (RuntimeException ex) {
			System.err.println("评测失败: " + cn.chainscout.system.Problems.forPeople(ex));
			return 1;
		}
	}

	public static int reindex(String[] args) {
		List<String> springArgs = new ArrayList<>(List.of(args));
		springArgs.add("--chainscout.importing.auto=false");
		SpringApplication app = new SpringApplication(Application.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
			long n = context.getBean(SearchIndexer.class).rebuildOnce();
			System.out.println("检索索引已重建：" + n + " 家企业");
			return 0;
		}
		catch (RuntimeException ex) {
			System.err.println("重建失败: " + cn.chainscout.system.Problems.forPeople(ex));
			return 1;
		}
	}
}
