package cn.chainscout.system;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Health of the graph database, from a real Bolt round trip rather than a flag. */
@Component("graphDatabaseHealthIndicator")
class GraphHealthIndicator extends AbstractHealthIndicator {

	private final GraphConnection connection;

	GraphHealthIndicator(GraphConnection connection) {
		super("Graph database health check failed");
		this.connection = connection;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Driver driver = connection.driver();
		long start = System.nanoTime();
		try (var session = driver.session(SessionConfig.forDatabase(connection.database()))) {
			var record = session.executeRead(tx -> tx.run("""
					CALL dbms.components() YIELD name, versions, edition
					RETURN name, versions[0] AS version, edition""").single());
			builder.up()
				.withDetail("database", connection.description())
				.withDetail("server", record.get("name").asString() + " " + record.get("version").asString() + " "
						+ record.get("edition").asString())
				.withDetail("roundTripMillis", (System.nanoTime() - start) / 1_000_000.0);
		}
	}
}
