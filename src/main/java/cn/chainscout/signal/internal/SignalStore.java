package cn.chainscout.signal.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.chainscout.crawl.Article;
import cn.chainscout.graph.Graph;
import cn.chainscout.signal.Signal;
import cn.chainscout.signal.SignalPage;
import cn.chainscout.signal.SignalQuery;
import cn.chainscout.signal.SignalType;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Signals in the graph: {@code (:Signal)-[:ABOUT]->(:Enterprise)} and {@code (:Signal)-[:IN_REGION]->(:Region)},
 * keyed by a hash of URL, enterprise and type, so a page gives at most one signal of a type per firm
 * and reading it again finds the same nodes.
 */
public final class SignalStore {

	/** Removes what an earlier version of the page gave and this one no longer does. */
	private static final String DELETE_GONE = """
			MATCH (s:Signal {url: $url}) WHERE NOT s.key IN $keys
			DETACH DELETE s""";

	private static final String MERGE = """
			UNWIND $rows AS row
			MATCH (e:Enterprise {code: row.enterprise})
			MERGE (s:Signal {key: row.key})
			SET s.url = $url, s.title = $title, s.source = $source, s.fetchedAt = $fetchedAt, s.contentSha256 = $sha,
			    s.enterprise = row.enterprise, s.type = row.type, s.amountYuan = row.amountYuan, s.region = row.region,
			    s.date = row.date, s.snippet = row.snippet, s.confidence = row.confidence, s.review = row.review,
			    s.matched = row.matched, s.method = row.method
			MERGE (s)-[:ABOUT]->(e)
			WITH s, row
			OPTIONAL MATCH (s)-[old:IN_REGION]->(was:Region) WHERE row.region IS NULL OR was.code <> row.region
			DELETE old
			WITH DISTINCT s, row
			OPTIONAL MATCH (r:Region {code: row.region})
			FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | MERGE (s)-[:IN_REGION]->(r))""";

	private static final String RETURN = """
			RETURN s.enterprise AS enterprise, e.name AS name, s.type AS type, s.amountYuan AS amountYuan,
			       s.region AS region, r.name AS regionName, s.date AS date, s.url AS url, s.title AS title,
			       s.snippet AS snippet, s.confidence AS confidence, s.review AS review, s.fetchedAt AS fetchedAt""";

	private final Graph graph;

	public SignalStore(Graph graph) {
		this.graph = graph;
	}

	/** The graph key of a signal: the same page, firm and type always give the same key. */
	public static String key(String url, String enterprise, SignalType type) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest((url + "\n" + enterprise + "\n" + type.name()).getBytes(StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Replaces the signals of the article's URL with these, in one transaction, unless the graph
	 * already holds signals from a later fetch of the page.
	 * @return the number of signals the URL now has
	 */
	public int replace(Article article, List<ExtractedSignal> signals) {
		List<Map<String, Object>> rows = new ArrayList<>(signals.size());
		List<String> keys = new ArrayList<>(signals.size());
		for (ExtractedSignal s : signals) {
			Map<String, Object> row = new HashMap<>();
			String key = key(article.url(), s.enterprise(), s.type());
			keys.add(key);
			row.put("key", key);
			row.put("enterprise", s.enterprise());
			row.put("type", s.type().name());
			row.put("amountYuan", s.amountYuan());
			row.put("region", s.region());
			row.put("date", s.date());
			row.put("snippet", s.snippet());
			row.put("confidence", s.confidence());
			row.put("review", s.review() ? Boolean.TRUE : null);
			row.put("matched", s.matched());
			row.put("method", s.method());
			rows.add(row);
		}
		Map<String, Object> p = new HashMap<>();
		p.put("url", article.url());
		p.put("keys", keys);
		p.put("rows", rows);
		p.put("title", article.title());
		p.put("source", article.sourceId());
		p.put("fetchedAt", article.fetchedAt().atZone(ZoneOffset.UTC));
		p.put("sha", article.contentSha256());
		return graph.write(tx -> {
			// A late retry of an older fetch must not undo a newer version of the page.
			var newest = tx.run("MATCH (s:Signal {url: $url}) RETURN max(s.fetchedAt) AS newest, count(s) AS n", p).single();
			if (!newest.get("newest").isNull()
					&& newest.get("newest").asZonedDateTime().toInstant().isAfter(article.fetchedAt())) {
				return newest.get("n").asInt();
			}
			tx.run(DELETE_GONE, p).consume();
			if (!rows.isEmpty()) {
				tx.run(MERGE, p).consume();
			}
			return tx.run("MATCH (s:Signal {url: $url}) RETURN count(s)", p).single().get(0).asInt();
		});
	}

	/** Every enterprise's names, for the dictionary. */
	public List<EnterpriseName> names() {
		return graph.read(tx -> tx.run("""
				MATCH (e:Enterprise)
				RETURN e.code AS code, e.name AS name, e.fullName AS fullName, coalesce(e.nameVariants, []) AS variants""")
			.list(r -> new EnterpriseName(r.get("code").asString(), str(r.get("name")), str(r.get("fullName")),
					formerNames(r.get("variants").asList(Value::asString)))));
	}

	/** {@code nameVariants} reads {@code name / fullName / exchange / listedOn @file:line}: the names are the first two. */
	static List<String> formerNames(List<String> variants) {
		List<String> names = new ArrayList<>();
		for (String v : variants) {
			String[] parts = v.split(" / ");
			for (int i = 0; i < Math.min(2, parts.length); i++) {
				String n = parts[i].strip();
				if (!n.isEmpty() && !names.contains(n)) {
					names.add(n);
				}
			}
		}
		return names;
	}

	public SignalPage search(SignalQuery q) {
		List<String> where = new ArrayList<>();
		Map<String, Object> p = new HashMap<>();
		String match = "MATCH (s:Signal)";
		if (q.enterprise() != null) {
			match = "MATCH (s:Signal {enterprise: $enterprise})";
			p.put("enterprise", q.enterprise());
		}
		if (q.type() != null) {
			where.add("s.type = $type");
			p.put("type", q.type().name());
		}
		else {
			where.add("s.type <> 'MENTION'");
		}
		if (q.since() != null) {
			where.add("s.date >= $since");
			p.put("since", q.since());
		}
		if (!q.includeReview()) {
			where.add("s.review IS NULL");
		}
		if (q.region() != null) {
			where.add("EXISTS { (s)-[:IN_REGION]->(:Region)-[:PART_OF*0..2]->(:Region {code: $region}) }");
			p.put("region", q.region());
		}
		String filter = match + (where.isEmpty() ? "" : "\nWHERE " + String.join(" AND ", where));
		p.put("skip", (long) (q.page() - 1) * q.size());
		p.put("limit", q.size());
		return graph.read(tx -> {
			long total = tx.run(filter + "\nRETURN count(s)", p).single().get(0).asLong();
			List<Signal> items = tx.run(filter + """

					WITH s ORDER BY s.date DESC, s.confidence DESC, s.key SKIP $skip LIMIT $limit
					OPTIONAL MATCH (s)-[:ABOUT]->(e:Enterprise)
					OPTIONAL MATCH (s)-[:IN_REGION]->(r:Region)
					""" + RETURN, p).list(SignalStore::signal);
			return new SignalPage(total, q.page(), q.size(), items);
		});
	}

	/** Events (no mentions, no links under review) of every firm since a date, newest first. */
	public List<Signal> recent(LocalDate since) {
		return graph.read(tx -> tx.run("""
				MATCH (s:Signal)
				WHERE s.date >= $since AND s.type <> 'MENTION' AND s.review IS NULL
				WITH s ORDER BY s.date DESC, s.confidence DESC, s.key
				OPTIONAL MATCH (s)-[:ABOUT]->(e:Enterprise)
				OPTIONAL MATCH (s)-[:IN_REGION]->(r:Region)
				""" + RETURN, Map.of("since", since)).list(SignalStore::signal));
	}

	/** Events (no mentions, no links under review) of these firms since a date, newest first. */
	public List<Signal> recent(Collection<String> codes, LocalDate since) {
		return graph.read(tx -> tx.run("""
				UNWIND $codes AS code
				MATCH (s:Signal {enterprise: code})
				WHERE s.date >= $since AND s.type <> 'MENTION' AND s.review IS NULL
				WITH s ORDER BY s.date DESC, s.confidence DESC, s.key
				OPTIONAL MATCH (s)-[:ABOUT]->(e:Enterprise)
				OPTIONAL MATCH (s)-[:IN_REGION]->(r:Region)
				""" + RETURN, Map.of("codes", List.copyOf(codes), "since", since)).list(SignalStore::signal));
	}

	private static Signal signal(Record r) {
		SignalType type = SignalType.valueOf(r.get("type").asString());
		Value region = r.get("region");
		return new Signal(r.get("enterprise").asString(), str(r.get("name")), type, type.chinese(),
				r.get("amountYuan").isNull() ? null : r.get("amountYuan").asLong(),
				region.isNull() ? null : new Signal.RegionRef(region.asString(), str(r.get("regionName"))),
				r.get("date").asLocalDate().toString(), r.get("url").asString(), str(r.get("title")), str(r.get("snippet")),
				r.get("confidence").asDouble(), r.get("review").asBoolean(false),
				r.get("fetchedAt").isNull() ? "" : r.get("fetchedAt").asZonedDateTime().toInstant().toString());
	}

	private static String str(Value v) {
		return v.isNull() ? "" : v.asString();
	}
}
