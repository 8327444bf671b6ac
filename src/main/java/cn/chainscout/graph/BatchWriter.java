package cn.chainscout.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.summary.SummaryCounters;

/**
 * Writes rows with one {@code UNWIND $rows AS row ...} statement per batch, one transaction a batch.
 * The statement must be idempotent (MERGE on keys), because the driver may retry a batch.
 */
public final class BatchWriter {

	/** Told after each batch. */
	@FunctionalInterface
	public interface Progress {

		void advanced(String step, long done, long total);
	}

	/** What a step created: on a second run of the same rows both are zero. */
	public record Written(long rows, long nodesCreated, long relationshipsCreated) {
	}

	private final Graph graph;

	private final int batchSize;

	public BatchWriter(Graph graph, int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
		}
		this.graph = graph;
		this.batchSize = batchSize;
	}

	/**
	 * @param constants parameters bound with every batch besides {@code $rows}
	 */
	public Written write(String step, String cypher, List<Map<String, Object>> rows, Map<String, Object> constants,
			Progress progress) {
		long nodes = 0;
		long relationships = 0;
		for (int from = 0; from < rows.size(); from += batchSize) {
			List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
			Map<String, Object> parameters = new HashMap<>(constants);
			parameters.put("rows", batch);
			SummaryCounters counters = graph.write(tx -> tx.run(cypher, parameters).consume().counters());
			nodes += counters.nodesCreated();
			relationships += counters.relationshipsCreated();
			progress.advanced(step, from + batch.size(), rows.size());
		}
		return new Written(rows.size(), nodes, relationships);
	}
}
