package cn.chainscout.chain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.chainscout.graph.Graph;
import cn.chainscout.graph.Sources;
import cn.chainscout.search.EnterprisesChanged;
import cn.chainscout.system.ChainScoutProperties;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Loads the chain files into the graph and keeps the graph equal to them. Each chain is compared
 * with what the graph holds and only the difference is written, so loading the same files again
 * changes nothing and an edited file changes exactly what was edited. A file with errors is not
 * written: the graph keeps its previous version and the report says why, with line numbers.
 *
 * <p>Graph: {@code (:Chain)-[:HAS_SEGMENT]->(:ChainNode)-[:HAS_CHILD]->(:ChainNode)},
 * {@code (:ChainNode)-[:COVERS {rule}]->(:Product)}, {@code (:ChainNode)-[:COVERS_INDUSTRY]->(:Industry)},
 * {@code (:Chain)-[:FOR_REGION]->(:Region)}. Facts carry {@code src}: the chain file version
 * ({@code (:Source {dataset: 'chains'})}) that created or last changed them.
 */
@Service
public class ChainLoader {

	private static final Logger log = LoggerFactory.getLogger(ChainLoader.class);

	public static final String DATASET = "chains";

	private final Graph graph;

	private final String location;

	private final ApplicationEventPublisher events;

	private volatile @Nullable ChainLoadReport last;

	@org.springframework.beans.factory.annotation.Autowired
	public ChainLoader(Graph graph, ChainScoutProperties properties, ApplicationEventPublisher events) {
		this(graph, properties.chains().location(), events);
	}

	public ChainLoader(Graph graph, String location, ApplicationEventPublisher events) {
		this.graph = graph;
		this.location = location;
		this.events = events;
	}

	public @Nullable ChainLoadReport lastReport() {
		return last;
	}

	public String location() {
		return location;
	}

	/** After a data-set import the products may differ: match every chain again. */
	@EventListener
	public void on(EnterprisesChanged change) {
		if (change.all()) {
			reload(true);
		}
	}

	/**
	 * Reads every chain file and brings the graph in line with them.
	 * @param force match every file even when neither it nor the product catalogue changed
	 */
	public synchronized ChainLoadReport reload(boolean force) {
		long started = System.nanoTime();
		List<ChainFiles.File> files = ChainFiles.list(location);
		String stamp = catalogStamp();
		Map<String, String[]> stored = storedChains();
		ChainMatcher.Catalog catalog = null;
		List<ChainLoadReport.FileResult> results = new ArrayList<>();
		Set<String> present = new HashSet<>();
		for (ChainFiles.File file : files) {
			String chainId = file.name().replaceFirst("\\.ya?ml$", "");
			present.add(chainId);
			String[] before = stored.get(chainId);
			if (!force && before != null && file.sha256().equals(before[0]) && stamp.equals(before[1])) {
				results.add(new ChainLoadReport.FileResult(file.name(), chainId, before[2], ChainLoadReport.Outcome.UNCHANGED,
						ChainLoadReport.Changes.NONE, storedWarnings(file.name(), before)));
				continue;
			}
			ChainFileReader.Result read = ChainFileReader.read(file.name(), file.content(), file.sha256());
			if (read.definition() == null) {
				results.add(new ChainLoadReport.FileResult(file.name(), chainId, "", ChainLoadReport.Outcome.REJECTED,
						ChainLoadReport.Changes.NONE, read.problems()));
				continue;
			}
			if (catalog == null) {
				catalog = readCatalog();
			}
			ChainMatcher.Matched matched = ChainMatcher.match(read.definition(), catalog);
			List<ChainProblem> problems = new ArrayList<>(read.problems());
			problems.addAll(matched.problems());
			if (!matched.loadable()) {
				results.add(new ChainLoadReport.FileResult(file.name(), chainId, read.definition().name(),
						ChainLoadReport.Outcome.REJECTED, ChainLoadReport.Changes.NONE, List.copyOf(problems)));
				continue;
			}
			ChainLoadReport.Changes changes = graph.write(tx -> apply(tx, matched, file, stamp));
			results.add(new ChainLoadReport.FileResult(file.name(), chainId, read.definition().name(),
					ChainLoadReport.Outcome.LOADED, changes, List.copyOf(problems)));
		}
		for (Map.Entry<String, String[]> gone : stored.entrySet()) {
			if (!present.contains(gone.getKey())) {
				int removed = graph.write(tx -> remove(tx, gone.getKey()));
				results.add(new ChainLoadReport.FileResult(gone.getKey() + ".yaml", gone.getKey(), gone.getValue()[2],
						ChainLoadReport.Outcome.REMOVED, new ChainLoadReport.Changes(0, 0, removed, 0, 0, 0, 0, 0, true), List.of()));
			}
		}
		ChainLoadReport report = new ChainLoadReport(location, OffsetDateTime.now(), List.copyOf(results));
		last = report;
		for (ChainLoadReport.FileResult r : results) {
			for (ChainProblem p : r.problems()) {
				if (p.error()) {
					log.warn("Chain file problem: {}", p);
				}
			}
		}
		log.info("Chains from {}: {} in {} ms", location, summary(report), (System.nanoTime() - started) / 1_000_000);
		if (results.stream().anyMatch(r -> r.changes().any())) {
			events.publishEvent(new ChainsChanged("chains"));
		}
		return report;
	}

	static String summary(ChainLoadReport report) {
		Map<ChainLoadReport.Outcome, Integer> counts = new LinkedHashMap<>();
		for (ChainLoadReport.FileResult r : report.files()) {
			counts.merge(r.outcome(), 1, Integer::sum);
		}
		StringBuilder s = new StringBuilder();
		counts.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(v).append(' ').append(k.name().toLowerCase()));
		return s + "; " + report.errors() + " errors, " + report.warnings() + " warnings";
	}

	/** The warnings of the last load, kept on the chain as {@code line<TAB>node<TAB>message}. */
	private static List<ChainProblem> storedWarnings(String file, String[] stored) {
		List<ChainProblem> warnings = new ArrayList<>();
		for (int i = 3; i < stored.length; i++) {
			String[] parts = stored[i].split("\t", 3);
			if (parts.length == 3) {
				warnings.add(new ChainProblem(file, Integer.parseInt(parts[0]), parts[1], parts[2], false));
			}
		}
		return List.copyOf(warnings);
	}

	/** Changes whenever a data-set import may have changed the products or industries chains match. */
	private String catalogStamp() {
		return graph.read(tx -> {
			long products = tx.run("MATCH (p:Product) RETURN count(p) AS n").single().get("n").asLong();
			long industries = tx.run("MATCH (i:Industry) RETURN count(i) AS n").single().get("n").asLong();
			List<Object> sources = tx.run("""
					MATCH (s:Source) WHERE s.file IN ['products.jsonl', 'industries.jsonl']
					RETURN s.id AS id ORDER BY id""").list(r -> r.get("id").asObject());
			return products + "/" + industries + "/" + sources;
		});
	}

	/** chain id → [sha256, catalogue stamp, name] as the graph has them. */
	private Map<String, String[]> storedChains() {
		Map<String, String[]> stored = new HashMap<>();
		graph.read(tx -> tx.run("""
				MATCH (c:Chain)
				RETURN c.id AS id, c.sha256 AS sha, c.catalogStamp AS stamp, c.name AS name, coalesce(c.warnings, []) AS warnings""").list())
			.forEach(r -> {
				List<String> warnings = r.get("warnings").asList(org.neo4j.driver.Value::asString);
				String[] row = new String[3 + warnings.size()];
				row[0] = r.get("sha").asString("");
				row[1] = r.get("stamp").asString("");
				row[2] = r.get("name").asString("");
				for (int i = 0; i < warnings.size(); i++) {
					row[3 + i] = warnings.get(i);
				}
				stored.put(r.get("id").asString(), row);
			});
		return stored;
	}

	ChainMatcher.Catalog readCatalog() {
		return graph.read(tx -> {
			Set<String> products = new java.util.LinkedHashSet<>();
			Set<String> nonProducts = new HashSet<>();
			tx.run("MATCH (p:Product) RETURN p.name AS name, p.nonProduct IS NOT NULL AS np").forEachRemaining(r -> {
				if (r.get("np").asBoolean()) {
					nonProducts.add(r.get("name").asString());
				}
				else {
					products.add(r.get("name").asString());
				}
			});
			Map<String, String> parents = new HashMap<>();
			Map<String, Integer> levels = new HashMap<>();
			tx.run("MATCH (i:Industry) OPTIONAL MATCH (i)-[:PART_OF]->(up:Industry) RETURN i.code AS code, i.level AS level, up.code AS parent")
				.forEachRemaining(r -> {
					levels.put(r.get("code").asString(), r.get("level").asInt(3));
					if (!r.get("parent").isNull()) {
						parents.put(r.get("code").asString(), r.get("parent").asString());
					}
				});
			Map<String, List<String>> leaves = new HashMap<>();
			for (String code : levels.keySet()) {
				leaves.put(code, new ArrayList<>());
			}
			for (String code : levels.keySet()) {
				if (levels.get(code) != 3) {
					continue;
				}
				String c = code;
				int guard = 0;
				while (c != null && guard++ < 5) {
					leaves.get(c).add(code);
					c = parents.get(c);
				}
			}
			// A code with nothing under it (a level-1 or -2 code without level-3 children) stands for itself.
			leaves.replaceAll((code, list) -> list.isEmpty() ? List.of(code) : List.copyOf(list.stream().sorted().toList()));
			return new ChainMatcher.Catalog(products, nonProducts, leaves);
		});
	}

	private record NodeRow(String key, Map<String, Object> props) {
	}

	private ChainLoadReport.Changes apply(TransactionContext tx, ChainMatcher.Matched matched, ChainFiles.File file,
			String stamp) {
		ChainDefinition chain = matched.chain();
		long src = Sources.record(tx, DATASET, file.name(), file.sha256(), location, null);

		// The chain itself.
		Map<String, Object> chainProps = new LinkedHashMap<>();
		chainProps.put("id", chain.id());
		chainProps.put("name", chain.name());
		chainProps.put("description", chain.description());
		chainProps.put("home", chain.home());
		chainProps.put("file", file.name());
		List<org.neo4j.driver.Record> existing = tx.run("MATCH (c:Chain {id: $id}) RETURN c{.*} AS c", Map.of("id", chain.id())).list();
		boolean chainChanged = existing.isEmpty() || !sameProps(existing.get(0).get("c").asMap(), chainProps,
				Set.of("src", "sha256", "catalogStamp", "warnings"));
		List<String> warnings = matched.problems().stream().filter(p -> !p.error())
			.map(p -> p.line() + "\t" + p.node() + "\t" + p.message()).toList();
		tx.run("""
				MERGE (c:Chain {id: $id})
				SET c.sha256 = $sha256, c.catalogStamp = $stamp, c.warnings = $warnings""",
				Map.of("id", chain.id(), "sha256", file.sha256(), "stamp", stamp, "warnings", warnings)).consume();
		if (chainChanged) {
			tx.run("""
					MATCH (c:Chain {id: $id})
					SET c += $props, c.src = $src
					WITH c
					OPTIONAL MATCH (c)-[old:FOR_REGION]->()
					DELETE old
					WITH DISTINCT c
					OPTIONAL MATCH (r:Region {code: $home})
					FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | MERGE (c)-[:FOR_REGION]->(r))""",
					Map.of("id", chain.id(), "props", chainProps, "src", src, "home", chain.home())).consume();
		}

		// Nodes.
		Map<String, NodeRow> desired = new LinkedHashMap<>();
		for (ChainDefinition.Node n : chain.allNodes()) {
			Map<String, Object> props = new LinkedHashMap<>();
			props.put("key", chain.id() + "/" + n.id());
			props.put("chain", chain.id());
			props.put("id", n.id());
			props.put("name", n.name());
			props.put("segment", n.segment());
			props.put("level", (long) n.level());
			props.put("order", (long) n.order());
			if (!n.parent().isEmpty()) {
				props.put("parent", n.parent());
			}
			props.put("sourceLine", (long) n.line());
			desired.put(n.id(), new NodeRow(chain.id() + "/" + n.id(), props));
		}
		Map<String, Map<String, Object>> current = new HashMap<>();
		tx.run("MATCH (n:ChainNode {chain: $id}) RETURN n{.*} AS n", Map.of("id", chain.id()))
			.forEachRemaining(r -> current.put(r.get("n").get("id").asString(), r.get("n").asMap()));
		List<String> removedKeys = new ArrayList<>();
		for (String id : current.keySet()) {
			if (!desired.containsKey(id)) {
				removedKeys.add(chain.id() + "/" + id);
			}
		}
		List<Map<String, Object>> upserts = new ArrayList<>();
		int added = 0;
		for (Map.Entry<String, NodeRow> e : desired.entrySet()) {
			Map<String, Object> now = current.get(e.getKey());
			if (now == null) {
				added++;
			}
			if (now == null || !sameProps(now, e.getValue().props(), Set.of("src"))) {
				upserts.add(Map.of("key", e.getValue().key(), "props", e.getValue().props(),
						"parentKey", e.getValue().props().containsKey("parent") ? chain.id() + "/" + e.getValue().props().get("parent") : ""));
			}
		}
		tx.run("UNWIND $keys AS key MATCH (n:ChainNode {key: key}) DETACH DELETE n", Map.of("keys", removedKeys)).consume();
		tx.run("""
				UNWIND $rows AS row
				MERGE (n:ChainNode {key: row.key})
				SET n = row.props, n.src = $src""", Map.of("rows", upserts, "src", src)).consume();
		tx.run("""
				UNWIND $rows AS row
				MATCH (n:ChainNode {key: row.key})
				OPTIONAL MATCH ()-[old:HAS_CHILD|HAS_SEGMENT]->(n)
				DELETE old
				WITH DISTINCT n, row
				CALL (n, row) {
				  WITH n, row WHERE row.parentKey = ''
				  MATCH (c:Chain {id: $chain})
				  MERGE (c)-[:HAS_SEGMENT]->(n)
				}
				CALL (n, row) {
				  WITH n, row WHERE row.parentKey <> ''
				  MATCH (p:ChainNode {key: row.parentKey})
				  MERGE (p)-[:HAS_CHILD]->(n)
				}""", Map.of("rows", upserts, "chain", chain.id())).consume();

		// Products each node covers.
		Map<String, String> wantCovers = new HashMap<>();
		for (ChainMatcher.NodeMatch m : matched.nodes().values()) {
			m.products().forEach((product, rule) -> wantCovers.put(chain.id() + "/" + m.nodeId() + "\u0000" + product, rule));
		}
		Map<String, String> haveCovers = new HashMap<>();
		tx.run("MATCH (n:ChainNode {chain: $id})-[c:COVERS]->(p:Product) RETURN n.key AS key, p.name AS product, c.rule AS rule",
				Map.of("id", chain.id()))
			.forEachRemaining(r -> haveCovers.put(r.get("key").asString() + "\u0000" + r.get("product").asString(), r.get("rule").asString("")));
		List<Map<String, Object>> coverRemove = new ArrayList<>();
		List<Map<String, Object>> coverSet = new ArrayList<>();
		int coversAdded = 0;
		int coversChanged = 0;
		for (Map.Entry<String, String> have : haveCovers.entrySet()) {
			if (!wantCovers.containsKey(have.getKey())) {
				coverRemove.add(pair(have.getKey(), null));
			}
		}
		for (Map.Entry<String, String> want : wantCovers.entrySet()) {
			String rule = haveCovers.get(want.getKey());
			if (rule == null) {
				coversAdded++;
				coverSet.add(pair(want.getKey(), want.getValue()));
			}
			else if (!rule.equals(want.getValue())) {
				coversChanged++;
				coverSet.add(pair(want.getKey(), want.getValue()));
			}
		}
		tx.run("""
				UNWIND $rows AS row
				MATCH (n:ChainNode {key: row.key})-[c:COVERS]->(p:Product {name: row.other})
				DELETE c""", Map.of("rows", coverRemove)).consume();
		tx.run("""
				UNWIND $rows AS row
				MATCH (n:ChainNode {key: row.key}), (p:Product {name: row.other})
				MERGE (n)-[c:COVERS]->(p)
				SET c.rule = row.rule, c.src = $src""", Map.of("rows", coverSet, "src", src)).consume();

		// Industries each node covers.
		Set<String> wantIndustries = new HashSet<>();
		for (ChainMatcher.NodeMatch m : matched.nodes().values()) {
			m.industries().forEach(code -> wantIndustries.add(chain.id() + "/" + m.nodeId() + "\u0000" + code));
		}
		Set<String> haveIndustries = new HashSet<>();
		tx.run("MATCH (n:ChainNode {chain: $id})-[:COVERS_INDUSTRY]->(i:Industry) RETURN n.key AS key, i.code AS code",
				Map.of("id", chain.id()))
			.forEachRemaining(r -> haveIndustries.add(r.get("key").asString() + "\u0000" + r.get("code").asString()));
		List<Map<String, Object>> industryRemove = haveIndustries.stream().filter(k -> !wantIndustries.contains(k)).map(k -> pair(k, null)).toList();
		List<Map<String, Object>> industryAdd = wantIndustries.stream().filter(k -> !haveIndustries.contains(k)).map(k -> pair(k, null)).toList();
		tx.run("""
				UNWIND $rows AS row
				MATCH (n:ChainNode {key: row.key})-[c:COVERS_INDUSTRY]->(i:Industry {code: row.other})
				DELETE c""", Map.of("rows", industryRemove)).consume();
		tx.run("""
				UNWIND $rows AS row
				MATCH (n:ChainNode {key: row.key}), (i:Industry {code: row.other})
				MERGE (n)-[c:COVERS_INDUSTRY]->(i)
				SET c.src = $src""", Map.of("rows", industryAdd, "src", src)).consume();

		return new ChainLoadReport.Changes(added, upserts.size() - added, removedKeys.size(), coversAdded, coversChanged,
				coverRemove.size(), industryAdd.size(), industryRemove.size(), chainChanged);
	}

	private static Map<String, Object> pair(String joined, @Nullable String rule) {
		int at = joined.indexOf('\u0000');
		Map<String, Object> row = new HashMap<>();
		row.put("key", joined.substring(0, at));
		row.put("other", joined.substring(at + 1));
		row.put("rule", rule);
		return row;
	}

	private static boolean sameProps(Map<String, Object> have, Map<String, Object> want, Set<String> ignore) {
		Map<String, Object> a = new HashMap<>(have);
		a.keySet().removeAll(ignore);
		Map<String, Object> b = new HashMap<>(want);
		b.keySet().removeAll(ignore);
		if (!a.keySet().equals(b.keySet())) {
			return false;
		}
		for (String k : a.keySet()) {
			Object x = a.get(k);
			Object y = b.get(k);
			if (x instanceof Number nx && y instanceof Number ny) {
				if (nx.longValue() != ny.longValue()) {
					return false;
				}
			}
			else if (!Objects.equals(x, y)) {
				return false;
			}
		}
		return true;
	}

	private int remove(TransactionContext tx, String chainId) {
		int nodes = tx.run("MATCH (n:ChainNode {chain: $id}) DETACH DELETE n RETURN count(*) AS n", Map.of("id", chainId))
			.single().get("n").asInt();
		tx.run("MATCH (c:Chain {id: $id}) DETACH DELETE c", Map.of("id", chainId)).consume();
		return nodes;
	}
}
