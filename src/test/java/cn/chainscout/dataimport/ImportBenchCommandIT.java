package cn.chainscout.dataimport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.chainscout.support.TestGraph;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The import benchmark imports into a new database each round and leaves none behind. */
class ImportBenchCommandIT {

	@Test
	void everyRoundImportsTheWholeDataSetIntoAnEmptyDatabaseAndDeletesIt() throws Exception {
		Path data = Path.of(getClass().getResource("/dataimport/broken/companies.jsonl").toURI()).getParent();
		Path work = Files.createTempDirectory("chainscout-bench-import-test");
		try {
			List<ImportBenchCommand.Round> told = new ArrayList<>();
			List<ImportBenchCommand.Round> rounds = ImportBenchCommand.run(DataSetLocation.of(data.toString()), 2, work, 2, 2,
					false, told::add);

			assertThat(told).isEqualTo(rounds).hasSize(2);
			// Each round starts from nothing, so each creates what the first did, and that is the whole data set:
			// 2 enterprises and 4 products among the nodes, 3 MAKES among the relationships (BrokenInputImportIT).
			for (ImportBenchCommand.Round round : rounds) {
				assertThat(round.nodesCreated()).isEqualTo(rounds.get(0).nodesCreated()).isGreaterThan(6);
				assertThat(round.relationshipsCreated()).isEqualTo(rounds.get(0).relationshipsCreated()).isGreaterThan(3);
				assertThat(round.nodeRows()).isGreaterThanOrEqualTo(6);
				assertThat(round.nodeRowsPerSecond()).isPositive();
				assertThat(round.relationshipRowsPerSecond()).isPositive();
				assertThat(round.cpuSeconds()).isPositive();
			}
			assertThat(rounds).extracting(ImportBenchCommand.Round::number).containsExactly(1, 2);
			assertThat(rounds.get(1).line()).startsWith("第 2 轮: 导入 ").contains("节点行 ").contains("关系行 ");
			try (var left = Files.list(work)) {
				assertThat(left).isEmpty();
			}
		}
		finally {
			TestGraph.deleteRecursively(work);
		}
	}

	@Test
	void aBadRoundCountIsRefusedWithTheOptionAndValue() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream old = System.err;
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			assertThat(ImportBenchCommand.run(new String[] { "--data", "classpath:data/chainkg", "--rounds", "0" })).isEqualTo(2);
		}
		finally {
			System.setErr(old);
		}
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--rounds 须为正整数，收到 '0'").contains("用法: java -jar chainscout.jar bench-import");
	}
}
