package cn.chainscout.dataimport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import cn.chainscout.Application;
import cn.chainscout.graph.Graph;
import cn.chainscout.localfirm.LocalFirmService;
import cn.chainscout.referral.ReferrerReport;
import cn.chainscout.referral.ReferrerService;
import cn.chainscout.support.TestGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code import} command on a new graph, then the service started on the same directories, as
 * the README's large-import section has a user do it.
 */
@ExtendWith(OutputCaptureExtension.class)
class ImportCommandIT {

	@Test
	void importIntoANewGraphLoadsTheChainsOnceAfterItAndLeavesTheOfficeListsToTheService(CapturedOutput output) throws Exception {
		Path home = Files.createTempDirectory("chainscout-import-command");
		String[] dirs = { "--chainscout.neo4j.data-dir=" + home.resolve("neo4j"),
				"--chainscout.importing.report-dir=" + home.resolve("reports"),
				"--chainscout.search.index-dir=" + home.resolve("search"), "--chainscout.crawl.raw-dir=" + home.resolve("crawl") };
		try {
			int code = ImportCommand.run(Stream.concat(Stream.of("--data", "classpath:data/chainkg"), Stream.of(dirs)).toArray(String[]::new));
			assertThat(code).isZero();
			// Before the import there is nothing to match the chains against: the command used to load
			// them anyway and print 1,636 lines of errors and warnings before its progress bar.
			String command = output.getAll();
			assertThat(command).doesNotContain("Chain file problem").doesNotContain("rejected;");
			assertThat(command).contains("Chains from classpath:graph-schema/chains: 7 loaded; 0 errors");
			assertThat(command).doesNotContain("Referrers from");

			String[] service = Stream.concat(Stream.of(dirs), Stream.of("--server.port=0")).toArray(String[]::new);
			try (ConfigurableApplicationContext app = new SpringApplication(Application.class).run(service)) {
				Graph graph = app.getBean(Graph.class);
				// The command's import counts as the start-up import: not imported again.
				assertThat(app.getBean(DataImportService.class).isComplete("chainkg")).isTrue();
				assertThat(count(graph, "MATCH (e:Enterprise) RETURN count(e) AS n")).isEqualTo(4586);
				assertThat(count(graph, "MATCH (c:Chain) RETURN count(c) AS n")).isEqualTo(7);
				// The sample referrer list was read against the imported firms, not against the empty
				// graph the command started on (then 39 of its 70 rows were rejected, for good).
				ReferrerReport referrers = app.getBean(ReferrerService.class).lastReport().orElseThrow();
				assertThat(referrers.rows()).isEqualTo(70);
				assertThat(referrers.rejected()).isEmpty();
				assertThat(referrers.referrers()).isEqualTo(35);
				assertThat(app.getBean(LocalFirmService.class).hasList()).isTrue();
			}
		}
		finally {
			TestGraph.deleteRecursively(home);
		}
	}

	@Test
	void aMissingDirectoryOrFileIsNamedInChinese() throws Exception {
		var err = new java.io.ByteArrayOutputStream();
		var stderr = System.err;
		System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
		try {
			assertThat(ImportCommand.run(new String[] { "--data", "/no/such/chainscout-dir" })).isEqualTo(2);
		}
		finally {
			System.setErr(stderr);
		}
		assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("数据目录 /no/such/chainscout-dir 不存在或不是目录");

		Path empty = Files.createTempDirectory("chainscout-empty-data");
		try {
			DataSetLocation location = DataSetLocation.of(empty.toString());
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> location.open("industries.jsonl"))
				.hasMessage("数据集 " + empty + " 缺少文件 industries.jsonl（或 industries.jsonl.gz）");
		}
		finally {
			TestGraph.deleteRecursively(empty);
		}
	}

	static long count(Graph graph, String cypher) {
		return graph.query(cypher, Map.of()).get(0).get("n").asLong();
	}
}
