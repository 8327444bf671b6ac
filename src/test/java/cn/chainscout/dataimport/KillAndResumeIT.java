package cn.chainscout.dataimport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import cn.chainscout.region.Gazetteer;
import cn.chainscout.support.TestGraph;
import cn.chainscout.synth.SyntheticGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import whose database dies mid-batch, run again after a restart, ends with exactly the graph of
 * an import that never stopped.
 */
class KillAndResumeIT {

	static Path data;

	static Path reports;

	@BeforeAll
	static void generate() throws Exception {
		data = Files.createTempDirectory("chainscout-synth");
		reports = Files.createTempDirectory("chainscout-reports");
		new SyntheticGenerator(7).generate(3_000, data);
	}

	@AfterAll
	static void clean() {
		TestGraph.deleteRecursively(data);
		TestGraph.deleteRecursively(reports);
	}

	static ChainKgImporter importer(TestGraph db, cn.chainscout.graph.BatchWriter.Progress progress) {
		return new ChainKgImporter(db.graph(), 500, Gazetteer.load(), NonProductRules.load(), progress);
	}

	@Test
	void importKilledMidBatchConvergesWhenRunAgain() throws Exception {
		String reference;
		try (TestGraph clean = new TestGraph()) {
			importer(clean, (s, d, t) -> { }).importFrom(DataSetLocation.of(data.toString()), reports);
			reference = clean.fingerprint(false);
		}

		try (TestGraph db = new TestGraph()) {
			CountDownLatch midway = new CountDownLatch(1);
			CompletableFuture<Void> running = CompletableFuture.runAsync(() -> importer(db, (step, done, total) -> {
				if (step.equals("enterprise products") && done >= total / 2) {
					midway.countDown();
					sleepQuietly();
				}
			}).importFrom(DataSetLocation.of(data.toString()), reports));
			assertThat(midway.await(120, TimeUnit.SECONDS)).isTrue();
			db.stop(); // the database goes away under the running import
			assertThat(running).failsWithin(60, TimeUnit.SECONDS);
			db.start();
			assertThat(db.count("MATCH (d:Dataset {status: 'IMPORTING'}) RETURN count(d)")).isEqualTo(1);
			String partial = db.fingerprint(false);
			assertThat(partial).isNotEqualTo(reference);

			importer(db, (s, d, t) -> { }).importFrom(DataSetLocation.of(data.toString()), reports);
			assertThat(db.fingerprint(false)).isEqualTo(reference);
			assertThat(db.count("MATCH (d:Dataset {status: 'COMPLETE'}) RETURN count(d)")).isEqualTo(1);
		}
	}

	private static void sleepQuietly() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
