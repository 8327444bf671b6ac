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
