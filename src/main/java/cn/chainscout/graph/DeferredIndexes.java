package cn.chainscout.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexes and constraints of a label, dropped while a large import creates its first nodes and
 * built again over all of them at the end. Keeping an index up to date costs a tree insert per node:
 * with the code constraint and the name index, creating 1M enterprises took twice as long as without,
 * and building both afterwards over the million took 4.5 s.
 *
 * <p>Before anything is dropped, the statements that create it again are written to the graph as a
 * {@code (:DeferredIndexes {label, statements})} node, deleted once the indexes are back. An import
 * that is killed in between leaves the node, and {@link #restoreAll(Graph)} (called when the
 * service starts and before every import) builds the indexes again from it. The statements are
 * those the database gives for its own indexes ({@code SHOW … YIELD createStatement}), so the names
 * and definitions of the migrations are kept exactly.
 */
public final class DeferredIndexes {

	private static final Logger log = LoggerFactory.getLogger(DeferredIndexes.class);

	private static final Pattern NAMED = Pattern.compile("^(CREATE\\s+(?:\\w+\\s+)*?(?:CONSTRAINT|INDEX)\\s+`(?:[^`]|``)+`)");

	private final Graph graph;

	private final String label;

	private final List<String> statements;

	private DeferredIndexes(Graph graph, String label, List<String> statements) {
		this.graph = graph;
		this.label = label;
		this.statements = statements;
	}

	/**
	 * Drops the label's constraints and indexes (not the token lookup index), after recording how to
	 * build them again. When the database refuses (a server where this user may not change the
	 * schema), nothing is dropped and the import goes on with the indexes in place.
	 */
	public static DeferredIndexes drop(Graph graph, String label) {
		List<String> constraints = graph.read(tx -> tx.run("""
				SHOW CONSTRAINTS YIELD name, labelsOrTypes, createStatement
				WHERE labelsOrTypes = [$label]
				RETURN name, createStatement""", Map.of("label", label)).list(r -> r.get("name").asString() + "\n" + r.get("createStatement").asString()));
		List<String> indexes = graph.read(tx -> tx.run("""
				SHOW INDEXES YIELD name, type, labelsOrTypes, owningConstraint, createStatement
				WHERE labelsOrTypes = [$label] AND owningConstraint IS NULL AND type <> 'LOOKUP'
				RETURN name, createStatement""", Map.of("label", label)).list(r -> r.get("name").asString() + "\n" + r.get("createStatement").asString()));
		List<String> statements = new ArrayList<>();
		constraints.forEach(c -> statements.add(ifNotExists(c.substring(c.indexOf('\n') + 1))));
		indexes.forEach(i -> statements.add(ifNotExists(i.substring(i.indexOf('\n') + 1))));
		if (statements.isEmpty()) {
			return new DeferredIndexes(graph, label, List.of());
		}
		try {
			graph.write(tx -> tx.run("MERGE (d:DeferredIndexes {label: $label}) SET d.statements = $statements",
					Map.of("label", label, "statements", statements)).consume());
			for (String c : constraints) {
				graph.write(tx -> tx.run("DROP CONSTRAINT " + quote(c.substring(0, c.indexOf('\n'))) + " IF EXISTS").consume());
			}
			for (String i : indexes) {
				graph.write(tx -> tx.run("DROP INDEX " + quote(i.substring(0, i.indexOf('\n'))) + " IF EXISTS").consume());
			}
			log.info("  indexes of {} set aside while its nodes are created: {}", label, statements.size());
			return new DeferredIndexes(graph, label, statements);
		}
		catch (RuntimeException ex) {
			log.info("  indexes of {} kept while its nodes are created (the database would not drop them: {})", label, ex.getMessage());
			restore(graph, label, statements);
			return new DeferredIndexes(graph, label, List.of());
		}
	}

	/** Builds the indexes again over the label's nodes and waits until they are online. */
	public void restore() {
		if (!statements.isEmpty()) {
			long start = System.nanoTime();
			restore(graph, label, statements);
			log.info("  indexes of {} built over its nodes in {} s", label, String.format("%.2f", (System.nanoTime() - start) / 1e9));
		}
	}

	/** Builds again every set of indexes an interrupted import left aside. */
	public static void restoreAll(Graph graph) {
		List<Map<String, Object>> left = graph.read(tx -> tx.run("MATCH (d:DeferredIndexes) RETURN d.label AS label, d.statements AS statements")
			.list(r -> Map.<String, Object>of("label", r.get("label").asString(), "statements", r.get("statements").asList(v -> v.asString()))));
		for (Map<String, Object> d : left) {
			@SuppressWarnings("unchecked")
			List<String> statements = (List<String>) d.get("statements");
			log.warn("Indexes of {} were set aside by an import that did not finish; building them again", d.get("label"));
			restore(graph, (String) d.get("label"), statements);
		}
	}

	private static void restore(Graph graph, String label, List<String> statements) {
		for (String statement : statements) {
			graph.write(tx -> tx.run(statement).consume());
		}
		graph.write(tx -> tx.run("CALL db.awaitIndexes(3600)").consume());
		graph.write(tx -> tx.run("MATCH (d:DeferredIndexes {label: $label}) DELETE d", Map.of("label", label)).consume());
	}

	/** {@code CREATE … INDEX `name` FOR …} → {@code CREATE … INDEX `name` IF NOT EXISTS FOR …}. */
	static String ifNotExists(String createStatement) {
		var m = NAMED.matcher(createStatement);
		if (!m.find()) {
			throw new IllegalStateException("Unexpected index statement from the database: " + createStatement);
		}
		return m.group(1) + " IF NOT EXISTS" + createStatement.substring(m.end());
	}

	private static String quote(String name) {
		return "`" + name.replace("`", "``") + "`";
	}
}
