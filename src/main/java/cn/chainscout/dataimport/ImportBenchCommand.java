package cn.chainscout.dataimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import cn.chainscout.graph.BatchWriter;
import cn.chainscout.graph.Graph;
import cn.chainscout.graph.MigrationRunner;
import cn.chainscout.region.Gazetteer;
import cn.chainscout.system.ChainScoutProperties;
import cn.chainscout.system.GraphConnection;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code java -jar chainscout.jar bench-import --data DIR [--rounds 1] [--work DIR] [--batch-size 10000] [--writers 2] [--naive]}:
 * imports a data set N times in one process, each time into a new, empty embedded database reached
 * over Bolt, with the writer the {@code import} command uses, and prints for each round the import
 * time, the node and relationship rows per second of the steps that write them, and the CPU time of
 * the whole process.
 *
 * <p>The first round is what a one-off {@code import} costs: the JVM compiles the code under it.
 * Later rounds show the same writes once compiled, as in a service that has been running.
 */
public final class ImportBenchCommand {

	/** What one round measured. */
	record Round(int number, double importSeconds, long nodeRows, double nodeRowsPerSecond, long relationshipRows,
			double relationshipRowsPerSecond, double cpuSeconds, long nodesCreated, long relationshipsCreated) {

		String line() {
			return String.format("第 %d 轮: 导入 %.1f 秒; 节点行 %d, %.0f 行/秒; 关系行 %d, %.0f 行/秒; 进程 CPU %.1f 秒; 新建节点 %d, 新建关系 %d",
					number, importSeconds, nodeRows, nodeRowsPerSecond, relationshipRows, relationshipRowsPerSecond, cpuSeconds,
					nodesCreated, relationshipsCreated);
		}
	}

	private ImportBenchCommand() {
	}

	public static int run(String[] args) {
		String data = null;
		int rounds = 1;
		int batchSize = 10_000;
		int writers = 2;
		boolean naive = false;
		Path work = null;
		DataSetLocation location;
		try {
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--data" -> data = ImportCommand.value(args, ++i, "--data");
					case "--rounds" -> rounds = positive(ImportCommand.value(args, ++i, "--rounds"), "--rounds");
					case "--batch-size" -> batchSize = positive(ImportCommand.value(args, ++i, "--batch-size"), "--batch-size");
					case "--writers" -> writers = positive(ImportCommand.value(args, ++i, "--writers"), "--writers");
					case "--work" -> work = Path.of(ImportCommand.value(args, ++i, "--work"));
					case "--naive" -> naive = true;
					case "--help", "-h" -> {
						System.out.println(usage());
						return 0;
					}
					default -> throw new IllegalArgumentException("未知选项 " + args[i]);
				}
			}
			location = ImportCommand.dataSet(data);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("错误: " + ex.getMessage() + "\n" + usage());
			return 2;
		}
		initializeLogging();
		try {
			Path base = work != null ? Files.createDirectories(work) : Files.createTempDirectory("chainscout-bench-import");
			List<Round> done;
			try {
				done = run(location, rounds, base, batchSize, writers, naive, round -> System.out.println(round.line()));
			}
			finally {
				if (work == null) {
					delete(base);
				}
			}
			Round last = done.get(done.size() - 1);
			System.out.printf("%s写入, %d 个并发事务, 每批 %d 行; 末轮节点行 %.0f 行/秒, 关系行 %.0f 行/秒 (首轮 %.0f / %.0f)%n",
					naive ? "朴素方式（基线）" : "ChainScout 方式", naive ? 1 : writers, batchSize, last.nodeRowsPerSecond(),
					last.relationshipRowsPerSecond(), done.get(0).nodeRowsPerSecond(), done.get(0).relationshipRowsPerSecond());
			return 0;
		}
		catch (IOException | UncheckedIOException ex) {
			System.err.println("导入基准失败: " + ex.getMessage());
			return 1;
		}
	}

	/**
	 * Runs the rounds; each database is deleted when its round ends.
	 * @param told called after each round
	 */
	static List<Round> run(DataSetLocation location, int rounds, Path base, int batchSize, int writers, boolean naive,
			java.util.function.Consumer<Round> told) throws IOException {
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		Gazetteer gazetteer = Gazetteer.load();
		NonProductRules nonProducts = NonProductRules.load();
		List<Round> done = new ArrayList<>();
		for (int r = 1; r <= rounds; r++) {
			Path dir = Files.createDirectories(base.resolve("round-" + r));
			try {
				ImportReport report;
				long cpu0;
				// Opened and migrated as the service opens its own embedded database, in the round's directory.
				try (GraphConnection connection = GraphConnection.open(
						new ChainScoutProperties.Neo4j(null, "neo4j", null, "neo4j", dir.resolve("neo4j"), 0, "512m"))) {
					MigrationRunner.migrate(connection.driver(), connection.database());
					Graph graph = new Graph(connection.driver(), connection.database());
					BatchWriter writer = naive ? BatchWriter.naive(graph, batchSize) : new BatchWriter(graph, batchSize, writers);
					var importer = new ChainKgImporter(graph, writer, gazetteer, nonProducts, new LogProgress());
					cpu0 = os.getProcessCpuTime();
					report = importer.importFrom(location, dir.resolve("reports"));
				}
				double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
				Round round = new Round(r, report.duration().toMillis() / 1000.0, report.nodeRowsWritten(),
						report.nodeRowsPerStepSecond(), report.relationshipRowsWritten(), report.relationshipRowsPerStepSecond(), cpu,
						report.nodesCreated(), report.relationshipsCreated());
				done.add(round);
				told.accept(round);
			}
			finally {
				delete(dir);
			}
		}
		return done;
	}

	/** The same console logging as the application's, without starting it. */
	private static void initializeLogging() {
		LoggingSystem logging = LoggingSystem.get(ImportBenchCommand.class.getClassLoader());
		logging.beforeInitialize();
		logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
	}

	private static void delete(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

	private static int positive(String value, String option) {
		try {
			int n = Integer.parseInt(value);
			if (n >= 1) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("选项 " + option + " 须为正整数，收到 '" + value + "'");
	}

	static String usage() {
		return """
				用法: java -jar chainscout.jar bench-import --data DIR [--rounds N] [--work DIR] [--batch-size N] [--writers N] [--naive]
				  --data DIR        chainkg 格式的数据目录（如 classpath:data/chainkg 或 generate 生成的目录）
				  --rounds N        在同一进程中导入 N 次，每次导入一个新建的空数据库（默认 1）
				  --work DIR        各轮数据库的存放目录（默认临时目录；每轮结束即删除）
				  --batch-size N    每个事务写入的行数（默认 10000）
				  --writers N       同时进行的写事务数（默认 2）
				  --naive           按朴素方式写入（基线）""";
	}
}
