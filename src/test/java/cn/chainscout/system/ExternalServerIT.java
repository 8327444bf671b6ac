package cn.chainscout.system;

import java.nio.file.Files;
import java.nio.file.Path;

import cn.chainscout.Application;
import cn.chainscout.support.Http;
import cn.chainscout.support.TestGraph;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With chainscout.neo4j.uri set, nothing embedded starts and the same code works against that server.
 * A second embedded instance, started by the test, plays the external server.
 */
class ExternalServerIT {

	@Test
	void configuredUriSwitchesToTheExternalServer() throws Exception {
		Path serverDir = Files.createTempDirectory("chainscout-external");
		Path appHome = Files.createTempDirectory("chainscout-app");
		Path unusedEmbeddedDir = appHome.resolve("neo4j-must-not-exist");
		Path data = Path.of(ExternalServerIT.class.getResource("/dataimport/broken/companies.jsonl").toURI()).getParent();
		try (EmbeddedNeo4j external = EmbeddedNeo4j.start(serverDir, 0, "128m")) {
			String uri = "neo4j://127.0.0.1:" + external.boltUri().getPort();
			try (ConfigurableApplicationContext app = SpringApplication.run(Application.class, "--server.port=0",
					"--chainscout.neo4j.uri=" + uri, "--chainscout.neo4j.data-dir=" + unusedEmbeddedDir,
					"--chainscout.importing.data=" + data, "--chainscout.importing.report-dir=" + appHome.resolve("reports"),
					"--chainscout.search.index-dir=" + appHome.resolve("search"))) {
				int port = ((WebServerApplicationContext) app).getWebServer().getPort();
				var health = Http.get("http://localhost:" + port + "/actuator/health").json();
				assertThat(health.get("components").get("graphDatabase").get("details").get("database").asString())
					.startsWith("external Neo4j at " + uri);
				assertThat(Http.get("http://localhost:" + port + "/api/v1/enterprises/000002.SZ").json().get("name").asString())
					.isEqualTo("测试乙");
			}
			assertThat(unusedEmbeddedDir).doesNotExist();
			// The application wrote to the external server, which outlives it.
			try (Driver driver = GraphDatabase.driver(external.boltUri(), AuthTokens.none());
					var session = driver.session()) {
				assertThat(session.run("MATCH (e:Enterprise) RETURN count(e)").single().get(0).asLong()).isEqualTo(2);
				assertThat(session.run("MATCH (d:Dataset {id: 'broken', status: 'COMPLETE'}) RETURN count(d)").single().get(0).asLong()).isEqualTo(1);
			}
		}
		finally {
			TestGraph.deleteRecursively(serverDir);
			TestGraph.deleteRecursively(appHome);
		}
	}
}
