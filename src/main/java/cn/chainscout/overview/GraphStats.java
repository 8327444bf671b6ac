package cn.chainscout.overview;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.chainscout.dataimport.DataImportService;
import cn.chainscout.graph.Graph;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Counts per label and relationship type, and the latest import report. */
@Service
public class GraphStats {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Graph graph;

	private final DataImportService imports;

	GraphStats(Graph graph, DataImportService imports) {
		this.graph = graph;
		this.imports = imports;
	}

	/**
	 * @param labels node count per label
	 * @param relationshipTypes relationship count per type
	 * @param latestImport the latest import's status and report, when there has been one
	 */
	public record Stats(Map<String, Long> labels, Map<String, Long> relationshipTypes, Map<String, Object> latestImport) {
	}

	public Stats stats() {
		return graph.read(tx -> {
			Map<String, Long> labels = new LinkedHashMap<>();
			// Per-label counts are answered from the count store, in constant time. Labels cannot be
			// parameters; these names come from the database's own token list, quoted.
			for (String label : tx.run("CALL db.labels() YIELD label RETURN label ORDER BY label").list(r -> r.get(0).asString())) {
				if (!label.startsWith("__")) {
					labels.put(label, tx.run("MATCH (n:" + quoted(label) + ") RETURN count(n)").single().get(0).asLong());
				}
			}
			Map<String, Long> types = new LinkedHashMap<>();
			for (String type : tx.run("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType ORDER BY relationshipType").list(r -> r.get(0).asString())) {
				// neo4j-migrations keeps its own chain of applied versions in the graph; it is not data.
				boolean migrationBookkeeping = tx.run("MATCH (:__Neo4jMigration)-[r:" + quoted(type) + "]->() RETURN count(r) > 0")
					.single().get(0).asBoolean();
				long count = tx.run("MATCH ()-[r:" + quoted(type) + "]->() RETURN count(r)").single().get(0).asLong();
				// A type the database still knows but no relationship uses says nothing about the data.
				if (!type.startsWith("__") && !migrationBookkeeping && count > 0) {
					types.put(type, count);
				}
			}
			Map<String, Object> latest = new LinkedHashMap<>();
			imports.latest().ifPresent(l -> {
				latest.put("dataset", l.dataset());
				latest.put("status", l.status());
				latest.put("summary", l.summary());
				JsonNode report = JSON.readTree(l.report());
				latest.put("report", report);
			});
			return new Stats(labels, types, latest);
		});
	}

	private static String quoted(String token) {
		return "`" + token.replace("`", "``") + "`";
	}
}
