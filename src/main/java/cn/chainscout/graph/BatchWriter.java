package cn.chainscout.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * Writes rows in batches, one transaction a batch, several batches at once.
 *
 * <p>Statements are written as {@code UNWIND $rows AS row ... row.name ...}; the writer sends the rows
 * as one list per column ({@code $row_name[ri]}), which the driver packs and the server unpacks far
 * faster than a map per row. A statement may come with a faster variant for an empty graph (CREATE
 * instead of MERGE) and the query that tells whether the graph is empty for it: that variant is only
 * safe because the rows are free of duplicates and nothing of that kind exists yet. Every other write
 * must be idempotent (MERGE on keys), because the driver retries a batch on transient errors.
 */
public final class BatchWriter {

	/** Told after each batch. */
	@FunctionalInterface
	public interface Progress {

		void advanced(String step, long done, long total);
	}

	/**
	 * @param merge the idempotent statement
	 * @param createWhenEmpty the same write with CREATE, used when {@code emptyCheck} answers true
	 * @param emptyCheck a query returning one boolean: true when no data of this kind exists yet
	 * @param label for a node step, the label of its nodes
	 * @param key for a node step, the row field (and property) that keys its nodes
	 */
	public record Statement(String merge, @Nullable String createWhenEmpty, @Nullable String emptyCheck,
			@Nullable String label, @Nullable String key) {

		public Statement(String merge, @Nullable String createWhenEmpty, @Nullable String emptyCheck) {
			this(merge, createWhenEmpty, emptyCheck, null, null);
		}

		public static Statement merge(String merge) {
			return new Statement(merge, null, null);
		}

		/**
		 * Nodes of {@code label}, one a row, keyed by the row field {@code key}
		 * ({@code MERGE (n:Label {key: row.key}) …}), created with {@code create} while the label is
		 * empty; the label's indexes are then set aside for a large step and built again at its end,
		 * and the step hands back each row's node id.
		 */
		public static Statement nodes(String label, String key, String merge, String create) {
			return new Statement(merge, create, "MATCH (n:" + label + ") RETURN count(n) = 0", label, key);
		}
	}

	/** Node steps of at least this many rows into an empty label build the label's indexes at the end. */
	public static final int DEFER_INDEXES_FROM = 50_000;

	/**
	 * What a step created: on a second run of the same rows both are zero.
	 * @param ids for a node step, the internal id of each row's node, in the order of the rows; else null
	 */
	public record Written(long rows, long nodesCreated, long relationshipsCreated, boolean fastPath, long @Nullable [] ids) {

		public Written(long rows, long nodesCreated, long relationshipsCreated, boolean fastPath) {
			this(rows, nodesCreated, relationshipsCreated, fastPath, null);
		}
	}

	private static final Pattern ROW_FIELD = Pattern.compile("\\brow\\.(\\w+)");

	private static final Pattern ROW = Pattern.compile("\\brow\\b");

	private final Graph graph;

	private final int batchSize;

	private final int writers;

	private final boolean naive;

	private final int deferIndexesFrom;

	private final Executor indexBuilds;

	/** Index builds still running after their node step, by label; touched by the importing thread only. */
	private final Map<String, CompletableFuture<Void>> pendingIndexes = new LinkedHashMap<>();

	/**
	 * The plain way, kept as the baseline benchmarks measure against: one map per row, one batch at a
	 * time, always MERGE.
	 */
	public static BatchWriter naive(Graph graph, int batchSize) {
		return new BatchWriter(graph, batchSize, 1, true);
	}

	public BatchWriter(Graph graph, int batchSize, int writers) {
		this(graph, batchSize, writers, false);
	}

	private BatchWriter(Graph graph, int batchSize, int writers, boolean naive) {
		this(graph, batchSize, writers, naive, DEFER_INDEXES_FROM);
	}

	/** With node steps from {@code deferIndexesFrom} rows building their label's indexes at the end. */
	public BatchWriter(Graph graph, int batchSize, int writers, int deferIndexesFrom) {
		this(graph, batchSize, writers, false, deferIndexesFrom, BatchWriter::buildInItsOwnThread);
	}

	/** With the index builds run by {@code indexBuilds} (tests hold them back to see who waits). */
	BatchWriter(Graph graph, int batchSize, int writers, int deferIndexesFrom, Executor indexBuilds) {
		this(graph, batchSize, writers, false, deferIndexesFrom, indexBuilds);
	}

	private BatchWriter(Graph graph, int batchSize, int writers, boolean naive, int deferIndexesFrom) {
		this(graph, batchSize, writers, naive, deferIndexesFrom, BatchWriter::buildInItsOwnThread);
	}

	private BatchWriter(Graph graph, int batchSize, int writers, boolean naive, int deferIndexesFrom, Executor indexBuilds) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
		}
		if (writers < 1) {
			throw new IllegalArgumentException("writers must be at least 1, was " + writers);
		}
		this.graph = graph;
		this.batchSize = batchSize;
		this.writers = writers;
		this.naive = naive;
		this.deferIndexesFrom = deferIndexesFrom;
		this.indexBuilds = indexBuilds;
	}

	private static void buildInItsOwnThread(Runnable build) {
		Thread builder = new Thread(build, "index-build");
		builder.setDaemon(true);
		builder.start();
	}

	/** True for the baseline writer, which benchmarks also give the plain statements (ends found by key). */
	public boolean naive() {
		return naive;
	}

	/**
	 * @param constants parameters bound with every batch besides the rows
	 */
	public Written write(String step, Statement statement, List<Map<String, Object>> rows, Map<String, Object> constants,
			Progress progress) {
		if (rows.isEmpty()) {
			progress.advanced(step, 0, 0);
			// A node step with no rows has no ids to hand back: an empty list, not "read them yourself".
			return new Written(0, 0, 0, false, statement.key() != null && !naive ? new long[0] : null);
		}
		if (naive) {
			return writeNaive(step, statement.merge(), rows, constants, progress);
		}
		boolean fast = statement.createWhenEmpty() != null && statement.emptyCheck() != null
				&& graph.read(tx -> tx.run(statement.emptyCheck()).single().get(0).asBoolean());
		String cypher = columnar(fast ? statement.createWhenEmpty() : statement.merge());
		// A node step hands back its nodes' internal ids, in row order, for the relationship steps that
		// follow: reading them again afterwards (a million keys over Bolt) took seconds at 1M.
		String node = nodeVariable(statement, cypher);
		if (node != null) {
			cypher += "\nRETURN collect(ri) AS rowIndexes, collect(id(" + node + ")) AS nodeIds";
		}
		Set<String> columns = columnsOf(rows);
		// A batch's parameters are built by the thread that sends it, just before it does: the other
		// writer's batch is on the server meanwhile, and only the batches in flight are held twice.
		List<Batch> batches = new ArrayList<>();
		for (int from = 0; from < rows.size(); from += batchSize) {
			batches.add(new Batch(from, rows.subList(from, Math.min(rows.size(), from + batchSize)), columns, constants));
		}
		awaitIndexesUsedBy(cypher);
		DeferredIndexes deferred = fast && statement.label() != null && rows.size() >= deferIndexesFrom
				? DeferredIndexes.drop(graph, statement.label()) : null;
		if (deferred == null) {
			return write(step, cypher, batches, rows.size(), fast, node != null, progress);
		}
		Written written;
		try {
			written = write(step, cypher, batches, rows.size(), fast, node != null, progress);
		}
		catch (RuntimeException ex) {
			try {
				deferred.restore();
			}
			catch (RuntimeException again) {
				ex.addSuppressed(again);
			}
			throw ex;
		}
		// The indexes are built while the importer reads its next file, a single-threaded job that leaves
		// a core to the database: nothing in between finds these nodes by key (relationship steps find
		// them by internal id), and a step that does waits for them first (awaitIndexesUsedBy).
		pendingIndexes.put(statement.label(), CompletableFuture.runAsync(deferred::restore, indexBuilds));
		return written;
	}

	/** Rows to be sent as one transaction, one list per column. */
	private record Batch(int from, List<Map<String, Object>> rows, Set<String> columns, Map<String, Object> constants) {

		/**
		 * The statement and its parameters for this batch. A column that is null in every row of the
		 * batch (a property most rows lack, such as the review flag) is not sent: the statement reads
		 * a literal {@code null} there instead, which means the same for every row.
		 */
		Map.Entry<String, Map<String, Object>> prepare(String cypher) {
			Map<String, Object> parameters = new HashMap<>(constants);
			parameters.put("row_count", rows.size());
			String statement = cypher;
			for (String column : columns) {
				List<Object> values = new ArrayList<>(rows.size());
				boolean any = false;
				for (Map<String, Object> row : rows) {
					Object value = row.get(column);
					any |= value != null;
					values.add(value);
				}
				if (any) {
					parameters.put("row_" + column, values);
				}
				else {
					statement = statement.replace("$row_" + column + "[ri]", "null");
				}
			}
			return Map.entry(statement, parameters);
		}
	}

	private Written write(String step, String cypher, List<Batch> batches, int rowCount, boolean fast, boolean withIds,
			Progress progress) {
		long[] created = new long[2];
		long[] ids = withIds ? new long[rowCount] : null;
		long done = 0;
		if (writers == 1 || batches.size() == 1) {
			for (Batch batch : batches) {
				SummaryCounters c = run(batch, cypher, ids);
				created[0] += c.nodesCreated();
				created[1] += c.relationshipsCreated();
				done += batch.rows().size();
				progress.advanced(step, done, rowCount);
			}
		}
		else {
			ExecutorService pool = Executors.newFixedThreadPool(writers);
			try {
				CompletionService<Map.Entry<Integer, SummaryCounters>> completion = new ExecutorCompletionService<>(pool);
				for (Batch batch : batches) {
					completion.submit(() -> Map.entry(batch.rows().size(), run(batch, cypher, ids)));
				}
				for (int i = 0; i < batches.size(); i++) {
					var result = completion.take().get();
					created[0] += result.getValue().nodesCreated();
					created[1] += result.getValue().relationshipsCreated();
					done += result.getKey();
					progress.advanced(step, done, rowCount);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while writing " + step, ex);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new IllegalStateException("Writing " + step + " failed", ex.getCause());
			}
			finally {
				pool.shutdownNow();
			}
		}
		return new Written(rowCount, created[0], created[1], fast, ids);
	}

	/** Runs one batch; with {@code ids}, puts each row's node id at the row's place in the step. */
	private SummaryCounters run(Batch batch, String cypher, long @Nullable [] ids) {
		Map.Entry<String, Map<String, Object>> statement = batch.prepare(cypher);
		if (ids == null) {
			return run(statement.getKey(), statement.getValue());
		}
		return graph.write(tx -> {
			Result result = tx.run(statement.getKey(), statement.getValue());
			Record record = result.single();
			List<Object> rowIndexes = record.get("rowIndexes").asList();
			List<Object> nodeIds = record.get("nodeIds").asList();
			if (rowIndexes.size() != batch.rows().size()) {
				throw new IllegalStateException("A node batch gave " + rowIndexes.size() + " ids for " + batch.rows().size() + " rows");
			}
			for (int i = 0; i < rowIndexes.size(); i++) {
				ids[batch.from() + ((Number) rowIndexes.get(i)).intValue()] = ((Number) nodeIds.get(i)).longValue();
			}
			return result.consume().counters();
		});
	}

	/**
	 * The variable of a node step's node ({@code e} in {@code CREATE (e:Enterprise {code: …})}), or null
	 * when the statement does not make its node that way or returns something itself.
	 */
	private static @Nullable String nodeVariable(Statement statement, String cypher) {
		if (statement.label() == null || statement.key() == null || cypher.contains("RETURN")) {
			return null;
		}
		Matcher m = Pattern.compile("(?:CREATE|MERGE)\\s*\\((\\w+):`?" + Pattern.quote(statement.label()) + "`?\\s*\\{\\s*"
				+ Pattern.quote(statement.key()) + "\\s*:").matcher(cypher);
		return m.find() ? m.group(1) : null;
	}

	private Written writeNaive(String step, String cypher, List<Map<String, Object>> rows, Map<String, Object> constants,
			Progress progress) {
		long nodes = 0;
		long relationships = 0;
		for (int from = 0; from < rows.size(); from += batchSize) {
			List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
			Map<String, Object> parameters = new HashMap<>(constants);
			parameters.put("rows", batch);
			SummaryCounters c = run(cypher, parameters);
			nodes += c.nodesCreated();
			relationships += c.relationshipsCreated();
			progress.advanced(step, from + batch.size(), rows.size());
		}
		return new Written(rows.size(), nodes, relationships, false);
	}

	/**
	 * Waits until every index set aside by a node step is built again and online. An import calls this
	 * before it calls itself complete.
	 */
	public void awaitIndexes() {
		awaitIndexes(List.copyOf(pendingIndexes.keySet()));
	}

	/** Before a statement that names a label whose indexes are still being built ({@code :L}, {@code :`L`}, {@code &L}, {@code IS L}). */
	private void awaitIndexesUsedBy(String cypher) {
		awaitIndexes(pendingIndexes.keySet().stream()
			.filter(label -> Pattern.compile("(?:[:&|!]|\\bIS)\\s*`?" + Pattern.quote(label) + "`?(?![\\w`])").matcher(cypher).find())
			.toList());
	}

	/** Waits for every one of the builds, even after one failed, then throws the first failure. */
	private void awaitIndexes(List<String> labels) {
		RuntimeException failure = null;
		for (String label : labels) {
			try {
				pendingIndexes.remove(label).join();
			}
			catch (CompletionException ex) {
				RuntimeException cause = ex.getCause() instanceof RuntimeException runtime ? runtime : ex;
				if (failure == null) {
					failure = cause;
				}
				else {
					failure.addSuppressed(cause);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	private SummaryCounters run(String cypher, Map<String, Object> parameters) {
		return graph.write(tx -> tx.run(cypher, parameters).consume().counters());
	}

	/** {@code UNWIND $rows AS row ... row.x} → {@code UNWIND range(0, $row_count - 1) AS ri ... $row_x[ri]}. */
	static String columnar(String cypher) {
		if (!cypher.contains("UNWIND $rows AS row")) {
			throw new IllegalArgumentException("A batch statement must start with UNWIND $rows AS row: " + cypher);
		}
		String s = cypher.replace("UNWIND $rows AS row", "UNWIND range(0, $row_count - 1) AS ri");
		Matcher m = ROW_FIELD.matcher(s);
		s = m.replaceAll(r -> Matcher.quoteReplacement("$row_" + r.group(1) + "[ri]"));
		return ROW.matcher(s).replaceAll("ri");
	}

	private static Set<String> columnsOf(List<Map<String, Object>> rows) {
		Set<String> columns = new LinkedHashSet<>(rows.get(0).keySet());
		for (Map<String, Object> row : rows) {
			if (row.size() != columns.size() || !columns.containsAll(row.keySet())) {
				columns.addAll(row.keySet());
			}
		}
		return columns;
	}
}
