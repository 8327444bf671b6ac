package cn.chainscout.system;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one driver of the application, and the embedded database behind it when no URI is configured.
 * Both paths give the rest of the code the same thing: a {@link Driver} speaking Bolt.
 */
public final class GraphConnection implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(GraphConnection.class);

	private final @Nullable EmbeddedNeo4j embedded;

	private final Driver driver;

	private final String database;

	private final String description;

	/** Set as the connection closes: see {@link StoppingLogging}. */
	private final java.util.concurrent.atomic.AtomicBoolean stopping;

	private GraphConnection(@Nullable EmbeddedNeo4j embedded, Driver driver, String database, String description,
			java.util.concurrent.atomic.AtomicBoolean stopping) {
		this.stopping = stopping;
		this.embedded = embedded;
		this.driver = driver;
		this.database = database;
		this.description = description;
	}

	public static GraphConnection open(ChainScoutProperties.Neo4j settings) {
		var stopping = new java.util.concurrent.atomic.AtomicBoolean();
		if (settings.embedded()) {
			EmbeddedNeo4j embedded = EmbeddedNeo4j.start(settings.dataDir(), settings.boltPort(), settings.pageCache());
			try {
				Driver driver = GraphDatabase.driver(embedded.boltUri(), AuthTokens.none(), driverConfig(stopping::get));
				driver.verifyConnectivity();
				String description = "embedded Neo4j, data in " + embedded.dataDir() + ", Bolt at " + embedded.boltUri();
				log.info("Graph database: {}", description);
				return new GraphConnection(embedded, driver, "neo4j", description, stopping);
			}
			catch (RuntimeException ex) {
				embedded.close();
				throw new GraphStartupProblem("内置数据库已启动，但驱动连不上它的 Bolt 端口 " + embedded.boltUri() + "（" + ex.getMessage() + "）",
						"检查本机防火墙或安全软件是否拦截 127.0.0.1 上的连接；或用 --chainscout.neo4j.bolt-port 换一个端口。", ex);
			}
		}
		String uri = settings.uri();
		URI parsed;
		try {
			parsed = URI.create(uri == null ? "" : uri.trim());
		}
		catch (IllegalArgumentException ex) {
			throw badUri(uri, ex);
		}
		boolean noPassword = settings.password() == null || settings.password().isEmpty();
		var auth = noPassword ? AuthTokens.none() : AuthTokens.basic(settings.user(), settings.password());
		Driver driver;
		try {
			driver = GraphDatabase.driver(parsed, auth, driverConfig(stopping::get));
		}
		catch (IllegalArgumentException ex) {
			throw badUri(uri, ex); // e.g. "localhost:7687" parses as a URI whose scheme is "localhost"
		}
		try {
			driver.verifyConnectivity();
		}
		catch (RuntimeException ex) {
			driver.close();
			if (ex instanceof org.neo4j.driver.exceptions.AuthenticationException) {
				throw new GraphStartupProblem(noPassword
						? "Neo4j 服务器 " + uri + " 要求登录，但没有设置 chainscout.neo4j.password"
						: "Neo4j 服务器 " + uri + " 拒绝了用户名 " + settings.user() + " 和所给的密码",
						"设置或检查 chainscout.neo4j.user 和 chainscout.neo4j.password。", ex);
			}
			throw new GraphStartupProblem("连不上 chainscout.neo4j.uri=" + uri + " 的 Neo4j 服务器（" + ex.getMessage() + "）",
					"确认服务器已启动、地址和端口正确、网络可达；或去掉 chainscout.neo4j.uri，使用内置数据库。", ex);
		}
		String description = "external Neo4j at " + parsed + ", database " + settings.database();
		log.info("Graph database: {}", description);
		return new GraphConnection(null, driver, settings.database(), description, stopping);
	}

	private static GraphStartupProblem badUri(@Nullable String uri, IllegalArgumentException ex) {
		return new GraphStartupProblem("设置 chainscout.neo4j.uri 的值 '" + uri + "' 不是有效的地址（" + ex.getMessage() + "）",
				"填写如 neo4j://服务器:7687 或 bolt://服务器:7687 的地址；不填则使用内置数据库。", ex);
	}

	/**
	 * The driver's settings, for every driver the application or its tests open. The driver logs
	 * through SLF4J: its default logger renders every Bolt message it sends or receives as text, all
	 * parameters and records included, even when debug logging is off and the text is thrown away.
	 * That cost about an eighth of the CPU of an import's enterprise step (a batch of 10,000 rows
	 * formatted value by value).
	 * The SLF4J logger asks whether debug is on before it formats anything.
	 */
	public static Config driverConfig() {
		return driverConfig(() -> false);
	}

	/** As {@link #driverConfig()}, with the retry warnings quiet once {@code stopping} says so ({@link StoppingLogging}). */
	static Config driverConfig(java.util.function.BooleanSupplier stopping) {
		return Config.builder()
			.withMaxConnectionPoolSize(16)
			.withUserAgent("chainscout")
			.withLogging(new StoppingLogging(stopping))
			.build();
	}

	public Driver driver() {
		return driver;
	}

	public String database() {
		return database;
	}

	public boolean isEmbedded() {
		return embedded != null;
	}

	/** One line for people: which database and where. */
	public String description() {
		return description;
	}

	@Override
	public void close() {
		stopping.set(true);
		driver.close();
		if (embedded != null) {
			embedded.close();
		}
	}
}
