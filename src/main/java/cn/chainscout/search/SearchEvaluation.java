package cn.chainscout.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import cn.chainscout.graph.Graph;
import org.jspecify.annotations.Nullable;

/**
 * Measures search quality and speed: ChainScout's index against Neo4j's own full-text index (the
 * baseline a Neo4j user would reach for), on the same graph and the same queries, in the same run.
 * Quality: MRR and hits@1/@10 (a hit counts when it is one of the query's relevant firms). Speed:
 * p50/p99 latency of one client, and queries per second of four concurrent clients.
 */
public final class SearchEvaluation {

	public static final String QUERIES = "search/queries.tsv";

	/** A labelled query. */
	public record LabelledQuery(String kind, String query, List<String> relevant) {
	}

	/** Quality and speed of one system. */
	public record Scores(String system, int queries, double mrr, double hitsAt1, double hitsAt10, double p50Millis,
			double p99Millis, double qps4, Map<String, Double> mrrByKind, Map<String, Double> p99ByKind, List<String> slowest) {
	}

	/** One page of results, as the page and the API show by default. */
	private static final int DEPTH = 20;

	private final EnterpriseSearch search;

	private final Graph graph;

	/** Calls each of the four concurrent clients makes for the QPS figure (rounded to whole passes). */
	private final int qpsCallsPerClient;

	public SearchEvaluation(EnterpriseSearch search, Graph graph) {
		this(search, graph, 2_000);
	}

	SearchEvaluation(EnterpriseSearch search, Graph graph, int qpsCallsPerClient) {
		this.search = search;
		this.graph = graph;
		this.qpsCallsPerClient = qpsCallsPerClient;
	}

	public static List<LabelledQuery> bundledQueries() {
		InputStream in = SearchEvaluation.class.getClassLoader().getResourceAsStream(QUERIES);
		if (in == null) {
			throw new IllegalStateException("Missing " + QUERIES + " on the classpath");
		}
		return parse(in, QUERIES);
	}

	public static List<LabelledQuery> parse(InputStream in, String name) {
		List<LabelledQuery> queries = new ArrayList<>();
		try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line = reader.readLine();
			int lineNo = 1;
			while ((line = reader.readLine()) != null) {
				lineNo++;
				if (line.isBlank()) {
					continue;
				}
				String[] f = line.split("\t");
				if (f.length < 3) {
					throw new IllegalArgumentException(name + " line " + lineNo + ": expected kind<TAB>query<TAB>relevant");
				}
				queries.add(new LabelledQuery(f[0], f[1], Arrays.asList(f[2].split(","))));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return queries;
	}

	/**
	 * Queries for a graph nobody labelled (the synthetic one): sampled enterprises sought by short name,
	 * code, pinyin and initials, each with that enterprise as the answer.
	 */
	public List<LabelledQuery> sampledQueries(int count, long seed) {
		long total = graph.read(tx -> tx.run("MATCH (e:Enterprise) RETURN count(e)").single().get(0).asLong());
		Random random = new Random(seed);
		List<LabelledQuery> queries = new ArrayList<>();
		while (queries.size() < count) {
			long skip = (long) (random.nextDouble() * total);
			var r = graph.read(tx -> tx.run("MATCH (e:Enterprise) RETURN e.code AS code, e.name AS name SKIP $skip LIMIT 1",
					Map.of("skip", skip)).single());
			String code = r.get("code").asString();
			String name = r.get("name").asString();
			switch (queries.size() % 4) {
				case 0 -> queries.add(new LabelledQuery("name", name, List.of(code)));
				case 1 -> queries.add(new LabelledQuery("code", code, List.of(code)));
				case 2 -> queries.add(new LabelledQuery("pinyin", Pinyin.variants(name).get(0).full(), List.of(code)));
				default -> queries.add(new LabelledQuery("initials", Pinyin.variants(name).get(0).initials(), List.of(code)));
			}
		}
		return queries;
	}

	/** Both systems' scores, and the warm-up they had before being measured. */
	public record Evaluation(List<Scores> scores, int warmUpPasses, double warmUpSeconds) {

		public String warmUpSummary() {
			return String.format(java.util.Locale.ROOT, "Warm-up before measuring: %d passes of each system over the queries, %.1f s",
					warmUpPasses, warmUpSeconds);
		}
	}

	/**
	 * Scores both systems after warming both up together: passes over the queries, one system then
	 * the other, until {@code warmUp} has gone by (none when it is zero). Both run in this process
	 * on shared code (Neo4j's full-text index is Lucene too), so whichever ran first would otherwise
	 * be measured while the JIT still compiles what the second then finds compiled.
	 */
	public Evaluation run(List<LabelledQuery> queries, java.time.Duration warmUp) {
		ensureBaselineIndexes();
		long start = System.nanoTime();
		int passes = 0;
		while (System.nanoTime() - start < warmUp.toNanos()) {
			queries.forEach(q -> chainScout(q.query()));
			queries.forEach(q -> neo4jFullText(q.query()));
			passes++;
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		List<Scores> out = new ArrayList<>();
		out.add(score("ChainScout (Lucene)", queries, this::chainScout));
		out.add(score("Neo4j full-text (baseline)", queries, this::neo4jFullText));
		return new Evaluation(out, passes, seconds);
	}

	List<String> chainScout(String q) {
		return search.search(SearchRequest.parse(q, null, null, null, null, "1", String.valueOf(DEPTH), null)).hits()
			.stream().map(SearchResult.Hit::code).toList();
	}

	/**
	 * What a Neo4j user would write: full-text indexes over enterprise names and product names with the
	 * built-in CJK analyser; name hits first, then the makers of matching products.
	 */
	List<String> neo4jFullText(String q) {
		String lucene = escape(q);
		return graph.read(tx -> {
			Set<String> codes = new LinkedHashSet<>();
			tx.run("""
					CALL db.index.fulltext.queryNodes('baseline_enterprise_names', $q, {limit: $limit}) YIELD node
					RETURN node.code AS code""", Map.of("q", lucene, "limit", DEPTH)).forEachRemaining(r -> codes.add(r.get(0).asString()));
			if (codes.size() < DEPTH) {
				tx.run("""
						CALL db.index.fulltext.queryNodes('baseline_product_names', $q, {limit: $limit}) YIELD node, score
						MATCH (e:Enterprise)-[m:MAKES]->(node)
						RETURN e.code AS code, max(score * coalesce(m.share, 0.05)) AS s ORDER BY s DESC LIMIT $limit""",
						Map.of("q", lucene, "limit", DEPTH)).forEachRemaining(r -> codes.add(r.get(0).asString()));
			}
			return new ArrayList<>(codes).subList(0, Math.min(DEPTH, codes.size()));
		});
	}

	private void ensureBaselineIndexes() {
		graph.write(tx -> tx.run("""
				CREATE FULLTEXT INDEX baseline_enterprise_names IF NOT EXISTS
				FOR (e:Enterprise) ON EACH [e.name, e.fullName, e.code] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}""").consume());
		graph.write(tx -> tx.run("""
				CREATE FULLTEXT INDEX baseline_product_names IF NOT EXISTS
				FOR (p:Product) ON EACH [p.name] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}""").consume());
		graph.write(tx -> tx.run("CALL db.awaitIndexes(600)").consume());
	}

	private static String escape(String q) {
		return q.replaceAll("([+\\-!(){}\\[\\]^\"~*?:\\\\/]|&&|\\|\\|)", "\\\\$1");
	}

	private Scores score(String system, List<LabelledQuery> queries, Function<String, List<String>> engine) {
		// One pass to warm up; quality from the next, latency over five.
		queries.forEach(q -> engine.apply(q.query()));
		int passes = 5;
		double rr = 0;
		int at1 = 0;
		int at10 = 0;
		double[] millis = new double[queries.size() * passes];
		Map<String, double[]> byKind = new LinkedHashMap<>();
		Map<String, List<Double>> millisByKind = new LinkedHashMap<>();
		for (int i = 0; i < queries.size(); i++) {
			LabelledQuery q = queries.get(i);
			long start = System.nanoTime();
			List<String> hits = engine.apply(q.query());
			millis[i] = (System.nanoTime() - start) / 1e6;
			for (int pass = 1; pass < passes; pass++) {
				long again = System.nanoTime();
				engine.apply(q.query());
				millis[pass * queries.size() + i] = (System.nanoTime() - again) / 1e6;
			}
			for (int pass = 0; pass < passes; pass++) {
				millisByKind.computeIfAbsent(q.kind(), x -> new ArrayList<>()).add(millis[pass * queries.size() + i]);
			}
			int rank = rank(hits, q.relevant());
			double reciprocal = rank == 0 ? 0 : 1.0 / rank;
			rr += reciprocal;
			at1 += rank == 1 ? 1 : 0;
			at10 += rank >= 1 && rank <= 10 ? 1 : 0;
			double[] k = byKind.computeIfAbsent(q.kind(), x -> new double[2]);
			k[0] += reciprocal;
			k[1]++;
		}
		List<String> slowest = slowest(queries, millis, 10);
		Arrays.sort(millis);
		Map<String, Double> mrrByKind = new LinkedHashMap<>();
		byKind.forEach((kind, v) -> mrrByKind.put(kind, round(v[0] / v[1])));
		Map<String, Double> p99ByKind = new LinkedHashMap<>();
		millisByKind.forEach((kind, v) -> p99ByKind.put(kind, round(percentile(v.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.99))));
		int n = queries.size();
		return new Scores(system, n, round(rr / n), round((double) at1 / n), round((double) at10 / n),
				round(percentile(millis, 0.50)), round(percentile(millis, 0.99)), round(qps(queries, engine, 4)), mrrByKind, p99ByKind, slowest);
	}

	/** The slowest single calls, to say what the p99 is made of: time, kind and query. */
	private static List<String> slowest(List<LabelledQuery> queries, double[] millis, int count) {
		Integer[] order = new Integer[millis.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Double.compare(millis[b], millis[a]));
		List<String> out = new ArrayList<>();
		for (int i = 0; i < Math.min(count, order.length); i++) {
			LabelledQuery q = queries.get(order[i] % queries.size());
			out.add(String.format("%.2f ms, pass %d, %s: %s", millis[order[i]], order[i] / queries.size() + 1, q.kind(), q.query()));
		}
		return out;
	}

	private static int rank(List<String> hits, List<String> relevant) {
		for (int i = 0; i < hits.size(); i++) {
			if (relevant.contains(hits.get(i))) {
				return i + 1;
			}
		}
		return 0;
	}

	private double qps(List<LabelledQuery> queries, Function<String, List<String>> engine, int clients) {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			int rounds = Math.max(1, qpsCallsPerClient / queries.size());
			long start = System.nanoTime();
			List<Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				int offset = c;
				futures.add(pool.submit(() -> {
					for (int r = 0; r < rounds; r++) {
						for (int i = 0; i < queries.size(); i++) {
							engine.apply(queries.get((i + offset * 7) % queries.size()).query());
						}
					}
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			return clients * rounds * queries.size() / seconds;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Concurrent search measurement failed", ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static double percentile(double[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int i = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
	}

	private static double round(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

	/** The scores as a Markdown table. */
	public static String table(List<Scores> scores, @Nullable Path queriesFile) {
		StringBuilder sb = new StringBuilder();
		sb.append("| system | queries | MRR | hits@1 | hits@10 | p50 ms | p99 ms | QPS (4 clients) |\n");
		sb.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
		for (Scores s : scores) {
			sb.append(String.format("| %s | %d | %.3f | %.3f | %.3f | %.2f | %.2f | %.0f |%n", s.system(), s.queries(), s.mrr(),
					s.hitsAt1(), s.hitsAt10(), s.p50Millis(), s.p99Millis(), s.qps4()));
		}
		Set<String> kinds = scores.get(0).mrrByKind().keySet();
		byKind(sb, "MRR by kind of query", scores, kinds, " %.3f |", Scores::mrrByKind);
		byKind(sb, "p99 ms by kind of query", scores, kinds, " %.2f |", Scores::p99ByKind);
		for (Scores s : scores) {
			sb.append("\nSlowest calls, ").append(s.system()).append(":\n\n");
			s.slowest().forEach(line -> sb.append("- ").append(line).append('\n'));
		}
		if (queriesFile != null) {
			sb.append("\nQueries: ").append(queriesFile).append('\n');
		}
		return sb.toString();
	}

	private static void byKind(StringBuilder sb, String title, List<Scores> scores, Set<String> kinds, String format,
			Function<Scores, Map<String, Double>> figures) {
		sb.append("\n").append(title).append(":\n\n| system |");
		kinds.forEach(k -> sb.append(' ').append(k).append(" |"));
		sb.append("\n| --- |");
		kinds.forEach(k -> sb.append(" --- |"));
		sb.append('\n');
		for (Scores s : scores) {
			sb.append("| ").append(s.system()).append(" |");
			kinds.forEach(k -> sb.append(String.format(format, figures.apply(s).getOrDefault(k, 0.0))));
			sb.append('\n');
		}
	}

	static List<LabelledQuery> read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return parse(in, file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}
}
