package cn.chainscout.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import cn.chainscout.support.TestGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
		BatchWriter.Statement statement = BatchWriter.Statement.nodes("NullProbe", "key", """
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
		// Both ways the step hands back each row's node id, in the order of the rows.
		for (BatchWriter.Written w : List.of(created, merged)) {
			List<String> keys = new ArrayList<>();
			for (long id : w.ids()) {
				keys.add(db.graph().read(tx -> tx.run("MATCH (n:NullProbe) WHERE id(n) = $id RETURN n.key", Map.of("id", id)).single().get(0).asString()));
			}
			assertThat(keys).containsExactly("a", "b", "c", "d", "e", "f");
		}
	}

	private static String notes() {
		List<String> notes = db.graph().read(tx -> tx.run("""
				MATCH (n:NullProbe) RETURN n.key + '=' + coalesce(n.note, '-') AS s ORDER BY s""").list(r -> r.get("s").asString()));
		return String.join(", ", notes);
	}

	@Test
	void aStepThatFindsNodesByKeyWaitsForTheirIndexesBuiltInTheBackgroundAndOtherStepsDoNot() throws Exception {
		db.graph().write(tx -> tx.run("CREATE CONSTRAINT key_probe_unique IF NOT EXISTS FOR (n:KeyProbe) REQUIRE n.key IS UNIQUE").consume());
		// The build is held back until the test lets it go, so who waits for it shows.
		CountDownLatch letBuild = new CountDownLatch(1);
		BatchWriter writer = new BatchWriter(db.graph(), 1_000, 2, 1, build -> new Thread(() -> {
			try {
				letBuild.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			build.run();
		}).start());
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			rows.add(row("k" + i, null));
		}
		writer.write("key probes", BatchWriter.Statement.nodes("KeyProbe", "key", """
				UNWIND $rows AS row
				MERGE (n:KeyProbe {key: row.key})""", """
				UNWIND $rows AS row
				CREATE (n:KeyProbe {key: row.key})"""), rows, Map.of(), (s, d, t) -> { });
		assertThat(constraintState()).isEqualTo("absent");

		// A step on other nodes goes on while the build is held.
		writer.write("other probes", BatchWriter.Statement.merge("""
				UNWIND $rows AS row
				MERGE (n:OtherProbe {key: row.key})"""), rows.subList(0, 3), Map.of(), (s, d, t) -> { });
		assertThat(db.count("MATCH (n:OtherProbe) RETURN count(n)")).isEqualTo(3);

		// A step that finds the nodes by key (the label written as :`KeyProbe`) waits for their constraint.
		List<String> statesDuringTheStep = new CopyOnWriteArrayList<>();
		Thread step = new Thread(() -> writer.write("key probes seen", BatchWriter.Statement.merge("""
				UNWIND $rows AS row
				MATCH (n:`KeyProbe` {key: row.key})
				SET n.seen = true"""), rows.subList(0, 3), Map.of(), (s, d, t) -> statesDuringTheStep.add(constraintState())));
		step.start();
		step.join(2_000);
		assertThat(step.isAlive()).isTrue();
		assertThat(statesDuringTheStep).isEmpty();
		letBuild.countDown();
		step.join(60_000);
		assertThat(step.isAlive()).isFalse();
		assertThat(statesDuringTheStep).containsExactly("ONLINE");
		assertThat(db.count("MATCH (n:KeyProbe) WHERE n.seen RETURN count(n)")).isEqualTo(3);
		assertThat(db.count("MATCH (d:DeferredIndexes) RETURN count(d)")).isZero();
	}

	@Test
	void anImportWaitsForEveryIndexBuildEvenWhenOneFails() {
		// The first build runs at once and fails; the second takes a second longer, in its own thread.
		AtomicInteger builds = new AtomicInteger();
		BatchWriter writer = new BatchWriter(db.graph(), 1_000, 2, 1, build -> {
			if (builds.incrementAndGet() == 1) {
				build.run();
				return;
			}
			new Thread(() -> {
				try {
					Thread.sleep(1_000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				build.run();
			}).start();
		});
		// Two labels with a constraint each; one label's rows break its constraint, so its build fails.
		db.graph().write(tx -> tx.run("CREATE CONSTRAINT twin_probe_unique IF NOT EXISTS FOR (n:TwinProbe) REQUIRE n.key IS UNIQUE").consume());
		db.graph().write(tx -> tx.run("CREATE CONSTRAINT fine_probe_unique IF NOT EXISTS FOR (n:FineProbe) REQUIRE n.key IS UNIQUE").consume());
		writer.write("twins", BatchWriter.Statement.nodes("TwinProbe", "key", "UNWIND $rows AS row MERGE (n:TwinProbe {key: row.key})",
				"UNWIND $rows AS row CREATE (n:TwinProbe {key: row.key})"), List.of(row("same", null), row("same", null)), Map.of(),
				(s, d, t) -> { });
		writer.write("fine", BatchWriter.Statement.nodes("FineProbe", "key", "UNWIND $rows AS row MERGE (n:FineProbe {key: row.key})",
				"UNWIND $rows AS row CREATE (n:FineProbe {key: row.key})"), List.of(row("one", null), row("two", null)), Map.of(),
				(s, d, t) -> { });
		assertThatThrownBy(writer::awaitIndexes).hasMessageContaining("TwinProbe");
		// The other build was waited for, though it ended after the failure.
		String fine = db.graph().read(tx -> tx.run("SHOW INDEXES YIELD name, state WHERE name = 'fine_probe_unique' RETURN state")
			.single().get(0).asString());
		assertThat(fine).isEqualTo("ONLINE");
		// Nothing left pending: a second wait has nothing to throw.
		writer.awaitIndexes();
		// The failed label keeps its way back, for the next import (DeferredIndexesIT); not this test's concern.
		db.graph().write(tx -> tx.run("MATCH (n:TwinProbe) DETACH DELETE n").consume());
		db.graph().write(tx -> tx.run("MATCH (d:DeferredIndexes) DELETE d").consume());
	}

	private static String constraintState() {
		return db.graph().read(tx -> tx.run("SHOW INDEXES YIELD name, state WHERE name = 'key_probe_unique' RETURN state")
			.list(r -> r.get(0).asString())).stream().findFirst().orElse("absent");
	}
}
