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
			throw new GraphStartupProblem("设置 chainscout.neo4j.bolt-port 的值 " + boltPort + " 不是有效端口",
					"填 1 到 65535 之间的端口，或填 0 由系统任选一个空闲端口（默认）。");
		}
		Path home = dataDir.toAbsolutePath().normalize();
		long pageCacheBytes;
		try {
			pageCacheBytes = SettingValueParsers.BYTES.parse(pageCache);
		}
		catch (IllegalArgumentException ex) {
			throw new GraphStartupProblem("设置 chainscout.neo4j.page-cache 的值 '" + pageCache + "' 不是有效的大小",
					"填写如 512m 或 2g 的大小。", ex);
		}
		DatabaseManagementService dbms;
		try {
			dbms = builder(home, boltPort, pageCacheBytes).build();
		}
		catch (RuntimeException ex) {
			throw explained(ex, home, boltPort);
		}
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
			throw explained(ex, home, boltPort);
		}
	}

	/** The usual reasons an embedded database does not start, in words that say what to do; others as they are. */
	static RuntimeException explained(RuntimeException ex, Path home, int boltPort) {
		if (GraphStartupProblem.mentions(ex, "Lock file has been locked")
				|| GraphStartupProblem.find(ex, org.neo4j.io.locker.FileLockException.class) != null) {
			return new GraphStartupProblem("数据目录 " + home + " 正被另一个进程使用（多半是另一个已在运行的链探），或者不可写",
					"先停止那个进程再启动；要同时运行两个，用 --chainscout.neo4j.data-dir=另一个目录 给第二个指定自己的数据目录。", ex);
		}
		if (GraphStartupProblem.find(ex, java.net.BindException.class) != null
				|| GraphStartupProblem.mentions(ex, "Address already in use")) {
			return new GraphStartupProblem("内置数据库的 Bolt 端口 127.0.0.1:" + boltPort + " 已被占用或无权使用",
					"换一个端口（--chainscout.neo4j.bolt-port=端口，1024 以上），或填 0 由系统任选空闲端口（默认）。", ex);
		}
		return new GraphStartupProblem("内置数据库无法在数据目录 " + home + " 启动（" + GraphStartupProblem.root(ex).getMessage() + "）",
				"查看 " + home.resolve("logs").resolve("debug.log") + " 中的原因；数据目录须可写、磁盘须有空间。"
						+ "数据目录若已损坏，可把它移走（或用 --chainscout.neo4j.data-dir 指定新目录）后重新启动，演示数据会重新导入。", ex);
	}

	private static DatabaseManagementServiceBuilder builder(Path home, int boltPort, long pageCacheBytes) {
		return new DatabaseManagementServiceBuilder(home)
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
			.setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(200));
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
