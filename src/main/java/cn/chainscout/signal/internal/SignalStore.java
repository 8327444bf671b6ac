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

	private static final String MERGE = """
			UNWIND $rows AS row
			MATCH (e:Enterprise {code: row.enterprise})
			MERGE (s:Signal {key: row.key})
			SET s.url = row.url, s.title = row.title, s.source = row.source, s.fetchedAt = row.fetchedAt, s.contentSha256 = row.contentSha256,
			    s.enterprise = row.enterprise, s.type = row.type, s.amountYuan = row.amountYuan, s.region = row.region,
			    s.date = row.date, s.snippet = row.snippet, s.confidence = row.confidence, s.review = row.review,
			    s.matched = row.matched, s.method = row.method
			MERGE (s)-[:ABOUT]->(e)
			WITH s, row
			OPTIONAL MATCH (s)-[old:IN_REGION]->(was:Region) WHERE row.region IS NULL OR was.code <> row.region
			DELETE old
			WITH DISTINCT s, row
			OPTIONAL MATCH (r:Region {code: row.region})
			FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | MERGE (s)-[:IN_REGION]->(r))
			RETURN row.url AS url, count(DISTINCT s) AS n""";

	/** For pages whose URL has no signals yet: nothing to match, so plain creates. */
	private static final String CREATE = """
			UNWIND $rows AS row
			MATCH (e:Enterprise {code: row.enterprise})
			CREATE (s:Signal)-[:ABOUT]->(e)
			SET s = row
			WITH s, row
			OPTIONAL MATCH (r:Region {code: row.region})
			FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | CREATE (s)-[:IN_REGION]->(r))
			RETURN row.url AS url, count(*) AS n""";

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
		return replaceAll(List.of(new Page(article, signals))).get(0);
	}

	/** An article and the signals read from it, to be stored. */
	public record Page(Article article, List<ExtractedSignal> signals) {
	}

	/**
	 * Replaces the signals of every page's URL, all in one transaction, with a fixed number of
	 * statements however many pages there are. A page is skipped when the graph already holds signals
	 * from a later fetch of its URL. The URLs must be distinct.
	 * @return per page, in order, the number of signals its URL now has
	 */
	public List<Integer> replaceAll(List<Page> pages) {
		// Rows and keys are made once, outside the transaction, which the driver may run again.
		List<Map<String, Object>> articles = new ArrayList<>(pages.size());
		List<List<Map<String, Object>>> rowsOfPage = new ArrayList<>(pages.size());
		for (Page page : pages) {
			Article a = page.article();
			List<Map<String, Object>> rows = new ArrayList<>(page.signals().size());
			for (ExtractedSignal s : page.signals()) {
				rows.add(row(a, s));
			}
			rowsOfPage.add(rows);
			Map<String, Object> m = new HashMap<>();
			m.put("url", a.url());
			m.put("keys", rows.stream().map(r -> r.get("key")).toList());
			m.put("fetchedAt", a.fetchedAt().atZone(ZoneOffset.UTC));
			articles.add(m);
		}
		return graph.write(tx -> {
			// A late retry of an older fetch must not undo a newer version of the page.
			Map<String, Value> newest = new HashMap<>();
			Map<String, Integer> had = new HashMap<>();
			tx.run("""
					UNWIND $articles AS a
					MATCH (s:Signal {url: a.url})
					RETURN a.url AS url, max(s.fetchedAt) AS newest, count(s) AS n""", Map.of("articles", articles))
				.forEachRemaining(r -> {
					newest.put(r.get("url").asString(), r.get("newest"));
					had.put(r.get("url").asString(), r.get("n").asInt());
				});
			List<Map<String, Object>> replaced = new ArrayList<>();
			List<Map<String, Object>> merged = new ArrayList<>();
			List<Map<String, Object>> created = new ArrayList<>();
			boolean[] stale = new boolean[pages.size()];
			for (int i = 0; i < pages.size(); i++) {
				Article a = pages.get(i).article();
				Value n = newest.get(a.url());
				if (n != null && !n.isNull() && n.asZonedDateTime().toInstant().isAfter(a.fetchedAt())) {
					stale[i] = true;
				}
				else if (had.containsKey(a.url())) {
					replaced.add(articles.get(i));
					merged.addAll(rowsOfPage.get(i));
				}
				else {
					created.addAll(rowsOfPage.get(i));
				}
			}
			if (!replaced.isEmpty()) {
				tx.run("""
						UNWIND $articles AS a
						MATCH (s:Signal {url: a.url}) WHERE NOT s.key IN a.keys
						DETACH DELETE s""", Map.of("articles", replaced)).consume();
			}
			Map<String, Integer> now = new HashMap<>();
			if (!merged.isEmpty()) {
				tx.run(MERGE, Map.of("rows", merged)).forEachRemaining(r -> now.put(r.get("url").asString(), r.get("n").asInt()));
			}
			if (!created.isEmpty()) {
				tx.run(CREATE, Map.of("rows", dedupe(created))).forEachRemaining(r -> now.put(r.get("url").asString(), r.get("n").asInt()));
			}
			List<Integer> counts = new ArrayList<>(pages.size());
			for (int i = 0; i < pages.size(); i++) {
				String url = pages.get(i).article().url();
				counts.add(stale[i] ? had.getOrDefault(url, 0) : now.getOrDefault(url, 0));
			}
			return counts;
		});
	}

	/** One row per key (the extraction gives one signal per firm and type, but a create must not rely on it). */
	private static List<Map<String, Object>> dedupe(List<Map<String, Object>> rows) {
		Map<Object, Map<String, Object>> byKey = new java.util.LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			byKey.put(row.get("key"), row);
		}
		return List.copyOf(byKey.values());
	}

	private static Map<String, Object> row(Article a, ExtractedSignal s) {
		Map<String, Object> row = new HashMap<>();
		row.put("key", key(a.url(), s.enterprise(), s.type()));
		row.put("url", a.url());
		row.put("title", a.title());
		row.put("source", a.sourceId());
		row.put("fetchedAt", a.fetchedAt().atZone(ZoneOffset.UTC));
		row.put("contentSha256", a.contentSha256());
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
		return row;
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
