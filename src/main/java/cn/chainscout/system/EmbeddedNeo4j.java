package cn.chainscout.system;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j database started in this process with Bolt on 127.0.0.1. The application never uses its
 * embedded API: it is a server that the driver connects to, exactly like an external one.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

	private final DatabaseManagementService dbms;

	private final Path dataDir;

	private final int boltPort;

	private EmbeddedNeo4j(DatabaseManagementService dbms, Path dataDir, int boltPort) {
		this.dbms = dbms;
		this.dataDir = dataDir;
		this.boltPort = boltPort;
	}

	/**
	 * Starts the database and waits until Bolt accepts connections.
	 * @param dataDir home of the database files, created when missing
	 * @param boltPort port on 127.0.0.1, or 0 for a free one
	 * @param pageCache page cache size such as {@code 512m}
	 */
	public static EmbeddedNeo4j start(Path dataDir, int boltPort, String pageCache) {
		if (boltPort < 0 || boltPort > 65535) {
			throw new IllegalArgumentException("chainscout.neo4j.bolt-port must be 0..65535, was " + boltPort);
		}
		Path home = dataDir.toAbsolutePath().normalize();
		long pageCacheBytes;
		try {
			pageCacheBytes = SettingValueParsers.BYTES.parse(pageCache);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"chainscout.neo4j.page-cache must be a size such as 512m or 2g, was '" + pageCache + "'", ex);
		}
		DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
			.setUserLogProvider(new Slf4jLogProvider())
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			.setConfig(HttpConnector.enabled, false)
			.setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
			.setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
			.setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
			// Bookkeeping an embedded single-user server does not need, and each write pays for.
			.setConfig(GraphDatabaseSettings.memory_tracking, false)
			.setConfig(GraphDatabaseSettings.track_query_cpu_time, false)
			.setConfig(GraphDatabaseSettings.transaction_tracing_level, GraphDatabaseSettings.TransactionTracingLevel.DISABLED)
			// An index is built over existing nodes by one worker unless told otherwise ("cores - 1"); the
			// import builds its large indexes after writing the nodes, with nothing else running.
			.setConfig(GraphDatabaseInternalSettings.index_population_workers, Math.max(2, Runtime.getRuntime().availableProcessors()))
			// Without these, stopping Bolt waits 10 s for idle driver connections.
			.setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(200))
			.setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(200))
			.build();
		try {
			GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
			int port = db.getDependencyResolver()
				.resolveDependency(ConnectorPortRegister.class)
				.getLocalAddress(ConnectorType.BOLT)
				.getPort();
			return new EmbeddedNeo4j(dbms, home, port);
		}
		catch (RuntimeException ex) {
			dbms.shutdown();
			throw ex;
		}
	}

	public URI boltUri() {
		return URI.create("bolt://127.0.0.1:" + boltPort);
	}

	public Path dataDir() {
		return dataDir;
	}

	@Override
	public void close() {
		long start = System.nanoTime();
		dbms.shutdown();
		log.info("Embedded Neo4j at {} stopped in {} ms", dataDir, (System.nanoTime() - start) / 1_000_000);
	}
}
