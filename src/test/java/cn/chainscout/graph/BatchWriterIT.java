package cn.chainscout.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.chainscout.support.TestGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the writer does for speed must not change what is written: a column left out of a batch
 * because no row has a value means the same as sending the nulls, and a label's indexes, built in
 * the background after its node step, are back before any step looks its nodes up by key.
 */
class BatchWriterIT {

	static TestGraph db;

	@BeforeAll
	static void start() {
		db = new TestGraph();
	}

	@AfterAll
	static void stop() {
		db.close();
	}

	private static Map<String, Object> row(String key, Object note) {
		Map<String, Object> row = new HashMap<>();
		row.put("key", key);
		row.put("note", note);
		return row;
	}

	@Test
	void aColumnWithNoValueInABatchMeansTheSameAsItsNulls() {
		BatchWriter writer = new BatchWriter(db.graph(), 2, 2);
		BatchWriter.Statement statement = BatchWriter.Statement.nodes("NullProbe", """
				UNWIND $rows AS row
				MERGE (n:NullProbe {key: row.key})
				SET n.note = row.note""", """
				UNWIND $rows AS row
				CREATE (n:NullProbe {key: row.key, note: row.note})""");
		// Batches of two: the first has no note at all, the second one note, the third two.
		List<Map<String, Object>> first = List.of(row("a", null), row("b", null), row("c", "x"), row("d", null),
				row("e", "y"), row("f", "z"));
		BatchWriter.Written created = writer.write("probe", statement, first, Map.of(), (s, d, t) -> { });
		assertThat(created.fastPath()).isTrue();
		assertThat(notes()).isEqualTo("a=-, b=-, c=x, d=-, e=y, f=z");
		// Again, now with MERGE: a note that is null in the rows is removed, in a batch with no note too.
		List<Map<String, Object>> second = List.of(row("a", "p"), row("b", null), row("c", null), row("d", null),
				row("e", "q"), row("f", "z"));
		BatchWriter.Written merged = writer.write("probe", statement, second, Map.of(), (s, d, t) -> { });
		assertThat(merged.fastPath()).isFalse();
		assertThat(notes()).isEqualTo("a=p, b=-, c=-, d=-, e=q, f=z");
	}

	private static String notes() {
		List<String> notes = db.graph().read(tx -> tx.run("""
				MATCH (n:NullProbe) RETURN n.key + '=' + coalesce(n.note, '-') AS s ORDER BY s""").list(r -> r.get("s").asString()));
		return String.join(", ", notes);
	}

	@Test
	void aStepThatFindsNodesByKeyWaitsForTheirIndexesBuiltInTheBackground() {
		db.graph().write(tx -> tx.run("CREATE CONSTRAINT key_probe_unique IF NOT EXISTS FOR (n:KeyProbe) REQUIRE n.key IS UNIQUE").consume());
		BatchWriter writer = new BatchWriter(db.graph(), 1_000, 2, 1);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			rows.add(row("k" + i, null));
		}
		writer.write("key probes", BatchWriter.Statement.nodes("KeyProbe", """
				UNWIND $rows AS row
				MERGE (n:KeyProbe {key: row.key})""", """
				UNWIND $rows AS row
				CREATE (n:KeyProbe {key: row.key})"""), rows, Map.of(), (s, d, t) -> { });
		List<String> statesDuringTheNextStep = new ArrayList<>();
		writer.write("key probes seen", BatchWriter.Statement.merge("""
				UNWIND $rows AS row
				MATCH (n:KeyProbe {key: row.key})
				SET n.seen = true"""), rows.subList(0, 3_000), Map.of(), (s, d, t) -> statesDuringTheNextStep.add(constraintState()));
		assertThat(statesDuringTheNextStep).hasSize(3).containsOnly("ONLINE");
		writer.awaitIndexes();
		assertThat(db.count("MATCH (n:KeyProbe) WHERE n.seen RETURN count(n)")).isEqualTo(3_000);
		assertThat(db.count("MATCH (d:DeferredIndexes) RETURN count(d)")).isZero();
		assertThat(constraintState()).isEqualTo("ONLINE");
	}

	private static String constraintState() {
		return db.graph().read(tx -> tx.run("SHOW INDEXES YIELD name, state WHERE name = 'key_probe_unique' RETURN state")
			.list(r -> r.get(0).asString())).stream().findFirst().orElse("absent");
	}
}
