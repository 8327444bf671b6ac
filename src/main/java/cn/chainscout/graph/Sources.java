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
