import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.chainscout.system.EmbeddedNeo4j;
import cn.chainscout.system.GraphConnection;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * The ceiling of the enterprise node step: the same write with nothing of ChainScout around it.
 *
 * <p>ChainScout's embedded Neo4j and driver settings ({@link EmbeddedNeo4j}, {@link GraphConnection#driverConfig()}),
 * Bolt on 127.0.0.1, two writers, transactions of 10,000 rows,
 * and ChainScout's statement for enterprises on an empty label: a columnar {@code UNWIND … CREATE}
 * of ten properties, three of them null for almost every firm. The rows are built once, before the
 * first round, so no round parses, checks or holds data of its own. Each round creates
 * {@code nodes} nodes under a new label, so every round writes into an empty label, as an import does.
 *
 * <p>A third argument {@code csv} sends the same rows another way: each batch is written to a CSV
 * file first (timed with the round) and the server reads it with {@code LOAD CSV} in the same
 * transaction of 10,000 rows, so nothing but the statement crosses Bolt.
 *
 * <p>Run it with {@code tools/bench/lean-nodes.sh [rounds] [nodes] [unwind|csv]}, which puts the jar's
 * classes and libraries on the class path.
 */
public class LeanNodeProbe {

	public static void main(String[] args) throws Exception {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
		int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
		boolean csv = args.length > 2 && args[2].equals("csv");
		Path home = Files.createTempDirectory("chainscout-lean-nodes");
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0, "512m")) {
			Random random = new Random(1);
			List<Object> codes = new ArrayList<>(nodes);
			List<Object> names = new ArrayList<>(nodes);
			List<Object> fullNames = new ArrayList<>(nodes);
			List<Object> exchanges = new ArrayList<>(nodes);
			List<Object> listed = new ArrayList<>(nodes);
			List<Object> lines = new ArrayList<>(nodes);
			for (int i = 0; i < nodes; i++) {
				String exchange = i % 2 == 0 ? "SZ" : "SH";
				codes.add(String.format("%06d.%s", i, exchange));
				String name = "华信" + (char) ('甲' + random.nextInt(200)) + (char) ('乙' + random.nextInt(200)) + "科技";
				names.add(name);
				fullNames.add("安徽省安庆市" + name + "股份有限公司");
				exchanges.add(exchange);
				listed.add(LocalDate.of(2000 + random.nextInt(25), 1 + random.nextInt(12), 1));
				lines.add((long) i + 1);
			}
			try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none(), GraphConnection.driverConfig())) {
				ExecutorService writers = Executors.newFixedThreadPool(2);
				for (int round = 1; round <= rounds; round++) {
					String cypher = """
							UNWIND range(0, $row_count - 1) AS ri
							CREATE (e:Lean%d {code: $row_code[ri], src: $src, name: $row_name[ri], fullName: $row_fullName[ri],
							    exchange: $row_exchange[ri], listedOn: $row_listedOn[ri], needsReview: $row_needsReview[ri],
							    nameVariants: $row_variants[ri], regionStatus: $row_regionStatus[ri], sourceLine: $row_line[ri]})""".formatted(round);
					String csvCypher = """
							LOAD CSV FROM $url AS r
							CREATE (e:Lean%d {code: r[0], src: $src, name: r[1], fullName: r[2],
							    exchange: r[3], listedOn: date(r[4]), sourceLine: toInteger(r[5])})""".formatted(round);
					long start = System.nanoTime();
					Path csvDir = home.resolve("csv" + round);
					if (csv) {
						Files.createDirectories(csvDir);
						for (int from = 0; from < nodes; from += 10_000) {
							StringBuilder file = new StringBuilder();
							for (int i = from; i < Math.min(nodes, from + 10_000); i++) {
								file.append(codes.get(i)).append(',').append(names.get(i)).append(',').append(fullNames.get(i))
									.append(',').append(exchanges.get(i)).append(',').append(listed.get(i)).append(',')
									.append(lines.get(i)).append('\n');
							}
							Files.writeString(csvDir.resolve(from + ".csv"), file.toString());
						}
					}
					List<Future<?>> batches = new ArrayList<>();
					for (int from = 0; from < nodes; from += 10_000) {
						int f = from;
						int t = Math.min(nodes, from + 10_000);
						batches.add(writers.submit(() -> {
							Map<String, Object> p = new HashMap<>();
							if (csv) {
								p.put("src", 1L);
								p.put("url", csvDir.resolve(f + ".csv").toUri().toString());
								try (Session session = driver.session()) {
									return session.executeWrite(tx -> tx.run(csvCypher, p).consume().counters().nodesCreated());
								}
							}
							p.put("src", 1L);
							p.put("row_count", t - f);
							p.put("row_code", codes.subList(f, t));
							p.put("row_name", names.subList(f, t));
							p.put("row_fullName", fullNames.subList(f, t));
							p.put("row_exchange", exchanges.subList(f, t));
							p.put("row_listedOn", listed.subList(f, t));
							p.put("row_needsReview", Collections.nCopies(t - f, null));
							p.put("row_variants", Collections.nCopies(t - f, null));
							p.put("row_regionStatus", Collections.nCopies(t - f, null));
							p.put("row_line", lines.subList(f, t));
							try (Session session = driver.session()) {
								return session.executeWrite(tx -> tx.run(cypher, p).consume().counters().nodesCreated());
							}
						}));
					}
					long created = 0;
					for (Future<?> batch : batches) {
						created += (Integer) batch.get();
					}
					double seconds = (System.nanoTime() - start) / 1e9;
					System.out.printf("round %d: %d nodes in %.2f s = %.0f nodes/s%n", round, created, seconds, created / seconds);
				}
				writers.shutdown();
			}
		}
		finally {
			try (var files = Files.walk(home)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}
}
