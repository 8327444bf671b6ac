package cn.chainscout.dataimport;

import java.util.ArrayList;
import java.util.List;

import cn.chainscout.Application;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar chainscout.jar import --data DIR [--report-dir DIR] [--chainscout.neo4j.uri=…]}:
 * imports a directory of files in the chainkg format into the configured graph, with a progress bar.
 */
public final class ImportCommand {

	private ImportCommand() {
	}

	public static int run(String[] args) {
		String data = null;
		boolean naive = false;
		List<String> springArgs = new ArrayList<>();
		springArgs.add("--chainscout.importing.auto=false");
		try {
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--data" -> data = value(args, ++i, "--data");
					case "--report-dir" -> springArgs.add("--chainscout.importing.report-dir=" + value(args, ++i, "--report-dir"));
					case "--naive" -> naive = true;
					case "--help", "-h" -> {
						System.out.println(usage());
						return 0;
					}
					default -> springArgs.add(args[i]);
				}
			}
		}
		catch (IllegalArgumentException ex) {
			System.err.println("错误: " + ex.getMessage() + "\n" + usage());
			return 2;
		}
		DataSetLocation location;
		try {
			location = dataSet(data);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("错误: " + ex.getMessage() + (data == null ? "\n" + usage() : ""));
			return 2;
		}
		SpringApplication app = new SpringApplication(Application.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
			DataImportService imports = context.getBean(DataImportService.class);
			var progress = System.console() != null ? new TerminalProgress(System.out) : new LogProgress();
			ImportReport report = imports.importFrom(location, progress, naive);
			System.out.println(report.summary());
			return 0;
		}
		catch (RuntimeException ex) {
			System.err.println("导入失败: " + cn.chainscout.system.Problems.forPeople(ex));
			return 1;
		}
	}

	/** The data set an import command was given with {@code --data}, or why there is none. */
	static DataSetLocation dataSet(@Nullable String data) {
		if (data == null) {
			throw new IllegalArgumentException("缺少 --data DIR（数据目录）");
		}
		return DataSetLocation.of(data);
	}

	static String value(String[] args, int i, String option) {
		if (i >= args.length) {
			throw new IllegalArgumentException("选项 " + option + " 缺少取值");
		}
		return args[i];
	}

	static String usage() {
		return """
				用法: java -jar chainscout.jar import --data DIR [--report-dir DIR] [--chainscout.neo4j.uri=neo4j://host:7687 ...]
				  --data DIR        chainkg 格式的数据目录（companies.jsonl[.gz] 等）
				  --report-dir DIR  质量报告和拒收行的输出目录（默认 ./var/reports）
				  --naive           按朴素方式写入（每行一个 map、单事务、总用 MERGE），仅用于性能基准对比""";
	}
}
