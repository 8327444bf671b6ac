package cn.chainscout.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import cn.chainscout.graph.Graph;
import cn.chainscout.graph.MigrationRunner;
import cn.chainscout.system.EmbeddedNeo4j;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** A real embedded Neo4j in a temporary directory, reached through the driver over Bolt. */
public final class TestGraph implements AutoCloseable {

	private final Path dir;

	private EmbeddedNeo4j neo4j;

	private Driver driver;

	private Graph graph;

	public TestGraph() {
		try {
			this.dir = Files.createTempDirectory("chainscout-neo4j");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		start();
	}

	/** (Re)starts the database on the same files. */
	public void start() {
		neo4j = EmbeddedNeo4j.start(dir, 0, "256m");
		driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
		MigrationRunner.migrate(driver, "neo4j");
		graph = new Graph(driver, "neo4j");
	}

	/** Stops the database as abruptly as the embedded API allows. */
	public void stop() {
		driver.close();
		neo4j.close();
	}

	public Graph graph() {
		return graph;
	}

	public Driver driver() {
		return driver;
	}

	public EmbeddedNeo4j neo4j() {
		return neo4j;
	}

	public Path dir() {
		return dir;
	}

	public long count(String cypher) {
		return graph.read(tx -> tx.run(cypher).single().get(0).asLong());
	}

	/**
	 * A hash of every domain node and relationship with all its properties (import metadata and the
	 * migrations' own nodes excluded), so two graphs can be compared exactly.
	 */
	public String fingerprint() {
		return fingerprint(true);
	}

	/**
	 * @param withLoadTimes false to leave out when facts were loaded ({@code loadedAt}, {@code derivedAt}),
	 *        for comparing two separate imports of the same files
	 */
	public String fingerprint(boolean withLoadTimes) {
		java.util.function.Function<java.util.Map<String, Object>, java.util.TreeMap<String, Object>> props = m -> {
			var t = new java.util.TreeMap<String, Object>(m);
			if (!withLoadTimes) {
				t.remove("loadedAt");
				t.remove("derivedAt");
			}
			return t;
		};
		return graph.read(tx -> {
			java.security.MessageDigest digest;
			try {
				digest = java.security.MessageDigest.getInstance("SHA-256");
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
			var nodes = new java.util.ArrayList<String>(tx.run("""
					MATCH (n) WHERE NOT n:Dataset AND none(l IN labels(n) WHERE l STARTS WITH '__')
					RETURN labels(n) AS l, properties(n) AS p""").list(r -> r.get("l").toString() + props.apply(r.get("p").asMap())));
			var rels = new java.util.ArrayList<String>(tx.run("""
					MATCH (a)-[r]->(b) WHERE none(l IN labels(a) WHERE l STARTS WITH '__')
					RETURN type(r) AS t, properties(r) AS p, coalesce(a.code, a.name) AS a, coalesce(b.code, b.name) AS b""")
				.list(r -> r.get("a").toString() + r.get("t").asString() + r.get("b") + props.apply(r.get("p").asMap())));
			java.util.Collections.sort(nodes);
			java.util.Collections.sort(rels);
			nodes.forEach(s -> digest.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			rels.forEach(s -> digest.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			return nodes.size() + " nodes, " + rels.size() + " relationships, sha256 " + java.util.HexFormat.of().formatHex(digest.digest());
		});
	}

	@Override
	public void close() {
		stop();
		deleteRecursively(dir);
	}

	public static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
