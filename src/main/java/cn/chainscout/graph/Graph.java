package cn.chainscout.graph;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;

/**
 * Short-lived sessions on the one driver. Reads and writes go through managed transactions, which
 * the driver retries on transient errors; every write must therefore be idempotent.
 */
public final class Graph {

	private final Driver driver;

	private final SessionConfig sessionConfig;

	public Graph(Driver driver, String database) {
		this.driver = driver;
		this.sessionConfig = SessionConfig.forDatabase(database);
	}

	public <T> T read(TransactionCallback<T> work) {
		try (Session session = session()) {
			return session.executeRead(work);
		}
	}

	public <T> T write(TransactionCallback<T> work) {
		try (Session session = session()) {
			return session.executeWrite(work);
		}
	}

	/** Runs one read query and returns all its records. */
	public List<Record> query(String cypher, Map<String, Object> parameters) {
		return read(tx -> tx.run(cypher, parameters).list());
	}

	public Session session() {
		return driver.session(sessionConfig);
	}

	public Driver driver() {
		return driver;
	}
}
