package cn.chainscout.system;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.chainscout.Application;
import cn.chainscout.support.TestGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the person starting the service reads when the graph database cannot start or be reached. */
@ExtendWith(OutputCaptureExtension.class)
class StartupProblemsIT {

	@Test
	void aDataDirectoryInUseIsNamedWithWhatToDo() throws Exception {
		Path dir = Files.createTempDirectory("chainscout-locked");
		try (EmbeddedNeo4j first = EmbeddedNeo4j.start(dir, 0, "64m")) {
			assertThatThrownBy(() -> EmbeddedNeo4j.start(dir, 0, "64m"))
				.isInstanceOf(GraphStartupProblem.class)
				.hasMessageContaining("数据目录 " + dir.toAbsolutePath().normalize() + " 正被另一个进程使用")
				.satisfies(ex -> assertThat(((GraphStartupProblem) ex).action()).contains("--chainscout.neo4j.data-dir"));
		}
		finally {
			TestGraph.deleteRecursively(dir);
		}
	}

	@Test
	void aBoltPortInUseIsNamed() throws Exception {
		Path dir = Files.createTempDirectory("chainscout-port");
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			int port = taken.getLocalPort();
			assertThatThrownBy(() -> EmbeddedNeo4j.start(dir, port, "64m"))
				.isInstanceOf(GraphStartupProblem.class)
				.hasMessage("内置数据库的 Bolt 端口 127.0.0.1:" + port + " 已被占用或无权使用");
		}
		finally {
			TestGraph.deleteRecursively(dir);
		}
	}

	@Test
	void aUriWithoutSchemeIsNamedAsABadSetting() {
		assertThatThrownBy(() -> GraphConnection.open(new ChainScoutProperties.Neo4j("localhost:7687", "neo4j", "", "neo4j",
				Path.of("unused"), 0, "64m")))
			.isInstanceOf(GraphStartupProblem.class)
			.hasMessageStartingWith("设置 chainscout.neo4j.uri 的值 'localhost:7687' 不是有效的地址");
	}

	@Test
	void theImportCommandSaysWhatToDoWhenTheDataDirectoryIsInUse() throws Exception {
		Path home = Files.createTempDirectory("chainscout-import-locked");
		Path data = Path.of(StartupProblemsIT.class.getResource("/dataimport/broken/companies.jsonl").toURI()).getParent();
		var err = new java.io.ByteArrayOutputStream();
		var stderr = System.err;
		try (EmbeddedNeo4j running = EmbeddedNeo4j.start(home.resolve("neo4j"), 0, "64m")) {
			System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
			int code = cn.chainscout.dataimport.ImportCommand.run(new String[] { "--data", data.toString(),
					"--chainscout.neo4j.data-dir=" + home.resolve("neo4j"), "--chainscout.importing.report-dir=" + home.resolve("reports"),
					"--chainscout.search.index-dir=" + home.resolve("search") });
			assertThat(code).isEqualTo(1);
		}
		finally {
			System.setErr(stderr);
			TestGraph.deleteRecursively(home);
		}
		assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
			.startsWith("导入失败: 数据目录 " + home.resolve("neo4j").toAbsolutePath().normalize() + " 正被另一个进程使用")
			.contains("办法: 先停止那个进程再启动")
			.doesNotContain("Error creating bean");
	}

	@Test
	void aWebPortInUseIsExplainedInChinese(CapturedOutput output) throws Exception {
		Path home = Files.createTempDirectory("chainscout-web-port");
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
			int port = taken.getLocalPort();
			assertThatThrownBy(() -> SpringApplication.run(Application.class, "--server.port=" + port,
					"--chainscout.neo4j.data-dir=" + home.resolve("neo4j"), "--chainscout.importing.auto=false",
					"--chainscout.importing.report-dir=" + home.resolve("reports"), "--chainscout.search.index-dir=" + home.resolve("search")));
			assertThat(output.getAll()).contains("网页端口 " + port + " 已被占用").contains("--server.port=" + (port + 1))
				.doesNotContain("Identify and stop the process");
		}
		finally {
			TestGraph.deleteRecursively(home);
		}
	}

	@Test
	void anUnreachableServerStopsTheStartWithAnExplanationNotAStackTrace(CapturedOutput output) throws Exception {
		int closed;
		try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			closed = s.getLocalPort();
		}
		Path home = Files.createTempDirectory("chainscout-unreachable");
		try {
			String uri = "neo4j://127.0.0.1:" + closed;
			assertThatThrownBy(() -> SpringApplication.run(Application.class, "--server.port=0", "--chainscout.neo4j.uri=" + uri,
					"--chainscout.importing.report-dir=" + home.resolve("reports"), "--chainscout.search.index-dir=" + home.resolve("search")))
				.satisfies(ex -> assertThat(GraphStartupProblem.find(ex, GraphStartupProblem.class)).isNotNull());
			String printed = output.getAll();
			assertThat(printed).contains("APPLICATION FAILED TO START")
				.contains("连不上 chainscout.neo4j.uri=" + uri + " 的 Neo4j 服务器")
				.contains("确认服务器已启动");
			assertThat(printed).doesNotContain("\tat org.springframework").doesNotContain("Caused by:")
				.doesNotContain("Exception encountered during context initialization");
		}
		finally {
			TestGraph.deleteRecursively(home);
		}
	}
}
