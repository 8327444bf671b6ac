package cn.chainscout.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import cn.chainscout.graph.Graph;
import cn.chainscout.graph.MigrationRunner;
import cn.chainscout.system.EmbeddedNeo4j;
import cn.chainscout.system.GraphConnection;
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
		driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none(), GraphConnection.driverConfig());
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
		java.security.MessageDigest digest;
		try {
			digest = java.security.MessageDigest.getInstance("SHA-256");
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		List<String> facts = facts(withLoadTimes);
		facts.forEach(s -> digest.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		long nodes = facts.stream().filter(f -> f.startsWith("N ")).count();
		return nodes + " nodes, " + (facts.size() - nodes) + " relationships, sha256 " + java.util.HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * Every domain node ({@code N labels{props}}) and relationship ({@code R start TYPE end{props}}, ends
	 * named by key, code, id or name) as sorted lines, to see exactly what differs between two states.
	 */
	public List<String> facts(boolean withLoadTimes) {
		java.util.function.Function<java.util.Map<String, Object>, java.util.TreeMap<String, Object>> props = m -> {
			var t = new java.util.TreeMap<String, Object>(m);
			if (!withLoadTimes) {
				t.remove("loadedAt");
				t.remove("derivedAt");
			}
			return t;
		};
		return graph.read(tx -> {
			var facts = new java.util.ArrayList<String>(tx.run("""
					MATCH (n) WHERE NOT n:Dataset AND none(l IN labels(n) WHERE l STARTS WITH '__')
					RETURN labels(n) AS l, properties(n) AS p""").list(r -> "N " + r.get("l").toString() + props.apply(r.get("p").asMap())));
			facts.addAll(tx.run("""
					MATCH (a)-[r]->(b) WHERE none(l IN labels(a) WHERE l STARTS WITH '__')
					RETURN type(r) AS t, properties(r) AS p, coalesce(a.key, a.code, a.id, a.name) AS a,
					       coalesce(b.key, b.code, b.id, b.name) AS b""")
				.list(r -> "R " + r.get("a").toString() + " " + r.get("t").asString() + " " + r.get("b") + props.apply(r.get("p").asMap())));
			java.util.Collections.sort(facts);
			return facts;
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
		catch (IOException | UncheckedIOException ex) {
			// A file that vanished while walking (a browser still closing); what is left is reported, not fatal.
			System.err.println("Could not delete all of " + dir + ": " + ex);
		}
	}
}
