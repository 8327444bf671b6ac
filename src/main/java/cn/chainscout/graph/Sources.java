package cn.chainscout.graph;

import java.util.HashMap;
import java.util.Map;

import org.neo4j.driver.TransactionContext;

/** The source files facts came from ({@code (:Source)} nodes), to turn a fact's {@code src} into words. */
public final class Sources {

	private record Source(String name, String loadedAt) {
	}

	private final Map<Long, Source> byId;

	private Sources(Map<Long, Source> byId) {
		this.byId = byId;
	}

	/**
	 * The id of a version of a source file, derived from the data set, the file name and its
	 * content: loading the same file again finds the same source, a changed file is a new one.
	 */
	public static long id(String dataset, String file, String sha256) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest((dataset + "\n" + file + "\n" + sha256).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.nio.ByteBuffer.wrap(digest).getLong() & Long.MAX_VALUE;
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Hex SHA-256 of a file's content: what identifies its version. */
	public static String sha256(byte[] bytes) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Records a version of a source file, once: loading the same version again finds the node and
	 * changes nothing. {@code loadedAt} null means now.
	 * @return the source's id, for the {@code src} of the facts it brings
	 */
	public static long record(TransactionContext tx, String dataset, String file, String sha256, String location,
			@org.jspecify.annotations.Nullable Object loadedAt) {
		long id = id(dataset, file, sha256);
		Map<String, Object> p = new HashMap<>();
		p.put("id", id);
		p.put("dataset", dataset);
		p.put("file", file);
		p.put("sha256", sha256);
		p.put("location", location);
		p.put("loadedAt", loadedAt);
		tx.run("""
				MERGE (s:Source {id: $id})
				ON CREATE SET s.dataset = $dataset, s.file = $file, s.sha256 = $sha256, s.location = $location,
				              s.loadedAt = coalesce($loadedAt, datetime())""", p).consume();
		return id;
	}

	/** There are a few sources per data set, so all are read at once. */
	public static Sources read(TransactionContext tx) {
		Map<Long, Source> byId = new HashMap<>();
		tx.run("MATCH (s:Source) RETURN s.id AS id, s.dataset AS dataset, s.file AS file, s.loadedAt AS loadedAt")
			.forEachRemaining(r -> byId.put(r.get("id").asLong(), new Source(r.get("dataset").asString() + "/" + r.get("file").asString(),
					r.get("loadedAt").isNull() ? null : r.get("loadedAt").asZonedDateTime().toOffsetDateTime().toString())));
		return new Sources(byId);
	}

	/** Provenance of a fact from its properties {@code src} and {@code sourceLine}. */
	public Provenance provenance(Map<String, Object> properties) {
		Object src = properties.get("src");
		Object line = properties.get("sourceLine");
		Source source = src == null ? null : byId.get(((Number) src).longValue());
		return new Provenance(source == null ? "未知来源" : source.name(), line == null ? null : ((Number) line).longValue(),
				source == null ? null : source.loadedAt(), null, null);
	}
}
