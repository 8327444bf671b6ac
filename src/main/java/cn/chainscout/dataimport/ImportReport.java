package cn.chainscout.dataimport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The quality report of one import: per file, rows read, imported and rejected (by reason); each
 * quirk of the data handled on purpose, counted; conflicts to review; what was written and how fast.
 */
public final class ImportReport {

	/** Counts of one file. */
	public static final class FileCounts {

		long rows;

		long imported;

		final Map<String, Long> rejected = new TreeMap<>();

		public long rows() {
			return rows;
		}

		public long imported() {
			return imported;
		}

		public long rejectedTotal() {
			return rejected.values().stream().mapToLong(Long::longValue).sum();
		}

		public Map<String, Long> rejected() {
			return rejected;
		}
	}

	/**
	 * A stock code that appears on several rows that disagree.
	 * @param code the stock code
	 * @param kept the variant the enterprise carries (the first row)
	 * @param variants every distinct variant, with the line it was first seen on
	 */
	public record Conflict(String code, String kept, List<String> variants) {
	}

	private final String dataset;

	private final String source;

	private final Instant startedAt = Instant.now();

	private Instant finishedAt = startedAt;

	private final Map<String, FileCounts> files = new LinkedHashMap<>();

	private final Map<String, Long> quirks = new LinkedHashMap<>();

	private final Map<String, Long> regions = new LinkedHashMap<>();

	private final Map<String, Long> written = new LinkedHashMap<>();

	private final List<Conflict> conflicts = new ArrayList<>();

	private final List<Reject> rejects = new ArrayList<>();

	private long nodesCreated;

	private long relationshipsCreated;

	private long nodesWritten;

	private long relationshipsWritten;

	private long nodeStepNanos;

	private long relationshipStepNanos;

	private final Map<String, Long> millisByStep = new LinkedHashMap<>();

	private String rejectsFile = "";

	public ImportReport(String dataset, String source) {
		this.dataset = dataset;
		this.source = source;
	}

	FileCounts file(String name) {
		return files.computeIfAbsent(name, k -> new FileCounts());
	}

	void reject(Reject reject) {
		rejects.add(reject);
		file(reject.file()).rejected.merge(reject.reason(), 1L, Long::sum);
	}

	void quirk(String name, long count) {
		quirks.merge(name, count, Long::sum);
	}

	void region(String name, long count) {
		regions.merge(name, count, Long::sum);
	}

	void conflict(Conflict conflict) {
		conflicts.add(conflict);
	}

	void wrote(String what, long rows, long nodes, long relationships, boolean relationshipStep, long nanos) {
		written.merge(what, rows, Long::sum);
		millisByStep.merge(what, nanos / 1_000_000, Long::sum);
		nodesCreated += nodes;
		relationshipsCreated += relationships;
		if (relationshipStep) {
			relationshipsWritten += rows;
			relationshipStepNanos += nanos;
		}
		else {
			nodesWritten += rows;
			nodeStepNanos += nanos;
		}
	}

	void finish(String rejectsFile) {
		this.finishedAt = Instant.now();
		this.rejectsFile = rejectsFile;
	}

	public List<Reject> rejects() {
		return rejects;
	}

	public Map<String, FileCounts> files() {
		return files;
	}

	public Map<String, Long> quirks() {
		return quirks;
	}

	public Map<String, Long> regions() {
		return regions;
	}

	public List<Conflict> conflicts() {
		return conflicts;
	}

	public long nodesCreated() {
		return nodesCreated;
	}

	public long relationshipsCreated() {
		return relationshipsCreated;
	}

	/** Rows written by the steps that create nodes, per second those steps took. */
	public double nodeRowsPerStepSecond() {
		return nodesWritten / Math.max(nodeStepNanos / 1e9, 1e-9);
	}

	/** Rows written by the steps that create relationships, per second those steps took. */
	public double relationshipRowsPerStepSecond() {
		return relationshipsWritten / Math.max(relationshipStepNanos / 1e9, 1e-9);
	}

	public long nodeRowsWritten() {
		return nodesWritten;
	}

	public long relationshipRowsWritten() {
		return relationshipsWritten;
	}

	public Duration duration() {
		return Duration.between(startedAt, finishedAt);
	}

	/** The report as plain data for JSON. */
	public Map<String, Object> toMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("dataset", dataset);
		m.put("source", source);
		m.put("startedAt", startedAt.toString());
		m.put("finishedAt", finishedAt.toString());
		m.put("durationMillis", duration().toMillis());
		Map<String, Object> fileMap = new LinkedHashMap<>();
		files.forEach((name, c) -> {
			Map<String, Object> f = new LinkedHashMap<>();
			f.put("rows", c.rows);
			f.put("imported", c.imported);
			f.put("rejected", c.rejectedTotal());
			f.put("rejectedByReason", c.rejected);
			fileMap.put(name, f);
		});
		m.put("files", fileMap);
		m.put("quirks", quirks);
		m.put("regions", regions);
		m.put("conflicts", conflicts.stream().map(c -> Map.of("code", c.code(), "kept", c.kept(), "variants", c.variants())).toList());
		Map<String, Object> w = new LinkedHashMap<>();
		w.put("rowsByStep", written);
		w.put("nodeRowsWritten", nodesWritten);
		w.put("relationshipRowsWritten", relationshipsWritten);
		w.put("nodesCreated", nodesCreated);
		w.put("relationshipsCreated", relationshipsCreated);
		double seconds = Math.max(duration().toMillis(), 1) / 1000.0;
		w.put("nodeRowsPerSecond", Math.round(nodesWritten / seconds));
		w.put("relationshipRowsPerSecond", Math.round(relationshipsWritten / seconds));
		w.put("millisByStep", millisByStep);
		w.put("nodeRowsPerStepSecond", Math.round(nodeRowsPerStepSecond()));
		w.put("relationshipRowsPerStepSecond", Math.round(relationshipRowsPerStepSecond()));
		m.put("written", w);
		m.put("rejectsTotal", rejects.size());
		m.put("rejectsFile", rejectsFile);
		return m;
	}

	/** A few lines for people, in Chinese, for the log and the home page. */
	public String summary() {
		StringBuilder sb = new StringBuilder();
		sb.append("数据集 ").append(dataset).append(" 导入完成，用时 ").append(String.format("%.1f", duration().toMillis() / 1000.0)).append(" 秒。\n");
		files.forEach((name, c) -> sb.append("  ").append(name).append(": 读入 ").append(c.rows).append(" 行，导入 ")
			.append(c.imported).append(" 行，拒收 ").append(c.rejectedTotal()).append(" 行").append(c.rejected.isEmpty() ? "" : "（" + ReportWords.counts(c.rejected) + "）").append('\n'));
		sb.append("  待核对的代码冲突: ").append(conflicts.size()).append(" 个\n");
		sb.append("  数据问题: ").append(ReportWords.counts(quirks)).append('\n');
		sb.append("  地区识别: ").append(ReportWords.counts(regions)).append('\n');
		sb.append("  新建节点 ").append(nodesCreated).append("，新建关系 ").append(relationshipsCreated);
		if (!rejectsFile.isEmpty()) {
			sb.append("\n  拒收明细: ").append(rejectsFile);
		}
		return sb.toString();
	}
}
