package cn.chainscout.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.ZonedDateTime;
import java.util.concurrent.*;

import cn.chainscout.support.TestGraph;
import org.junit.jupiter.api.Test;

class ScratchVariantsIT {

	@Test
	void variants() throws Exception {
		int n = 100_000;
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Map<String, Object> m = new HashMap<>();
			m.put("name", "产品名称" + i);
			m.put("displayName", "产品名称" + i);
			m.put("nonProduct", false);
			m.put("reason", null);
			m.put("line", (long) i);
			rows.add(m);
		}
		ZonedDateTime now = ZonedDateTime.now();
		String merge = """
				UNWIND $rows AS row
				MERGE (p:Product {name: row.name})
				ON CREATE SET p.loadedAt = $loadedAt
				SET p.displayName = row.displayName, p.nonProduct = row.nonProduct,
				    p.nonProductReason = row.reason, p.source = $source, p.sourceLine = row.line""";
		String mergeCols = """
				UNWIND range(0, size($names) - 1) AS i
				MERGE (p:Product {name: $names[i]})
				ON CREATE SET p.loadedAt = $loadedAt
				SET p.displayName = $display[i], p.nonProduct = $np[i], p.source = $source, p.sourceLine = $lines[i]""";
		for (int round = 0; round < 2; round++) {
			for (String variant : round == 0 ? List.of("mergeCols2threads") : List.of("mergeCols2threads", "create2threads", "createMin2threads", "rels")) {
				try (TestGraph db = new TestGraph()) {
					long t0 = System.nanoTime();
					int batch = 10_000;
					if (variant.equals("rels")) {
						db.graph().write(tx -> tx.run("UNWIND range(0, 99999) AS i CREATE (:Product {name: '产品名称' + i})").consume());
						t0 = System.nanoTime();
						String[] qs = { "UNWIND range(0, size($a) - 1) AS i MATCH (a:Product {name: $a[i]}) MATCH (b:Product {name: $b[i]}) MERGE (a)-[r:UP]->(b) SET r.source = $source, r.sourceLine = $lines[i]",
								"UNWIND range(0, size($a) - 1) AS i MATCH (a:Product {name: $a[i]}) MATCH (b:Product {name: $b[i]}) CREATE (a)-[r:UP2 {source: $source, sourceLine: $lines[i]}]->(b)" };
						for (String q : qs) {
							long t1 = System.nanoTime();
							ExecutorService ex = Executors.newFixedThreadPool(2);
							List<Future<?>> fs = new ArrayList<>();
							java.util.Random rnd = new java.util.Random(1);
							for (int from = 0; from < n; from += batch) {
								List<String> a = new ArrayList<>(), b = new ArrayList<>(); List<Long> l = new ArrayList<>();
								for (int k = 0; k < batch; k++) { a.add("产品名称" + rnd.nextInt(n)); b.add("产品名称" + rnd.nextInt(n)); l.add((long) k); }
								fs.add(ex.submit(() -> db.graph().write(tx -> tx.run(q, Map.of("a", a, "b", b, "lines", l, "source", "x")).consume())));
							}
							for (var f : fs) f.get();
							ex.shutdown();
							double s1 = (System.nanoTime() - t1) / 1e9;
							System.out.printf("VARIANT rels %-60s %.2f s  %.0f rels/s%n", q.substring(q.indexOf(") ") + 60, q.indexOf(") ") + 100), s1, n / s1);
						}
					}
					else if (variant.endsWith("2threads")) {
						String qq = variant.equals("mergeCols2threads") ? mergeCols : variant.equals("create2threads")
								? mergeCols.replace("MERGE", "CREATE").replace("ON CREATE SET p.loadedAt = $loadedAt", "SET p.loadedAt = $loadedAt")
								: "UNWIND range(0, size($names) - 1) AS i CREATE (p:Product {name: $names[i], displayName: $display[i], nonProduct: $np[i], source: $source, sourceLine: $lines[i], loadedAt: $loadedAt})";
						ExecutorService ex = Executors.newFixedThreadPool(2);
						List<Future<?>> fs = new ArrayList<>();
						for (int from = 0; from < n; from += batch) {
							var sub = rows.subList(from, Math.min(n, from + batch));
							fs.add(ex.submit(() -> db.graph().write(tx -> tx.run(qq, cols(sub, now)).consume())));
						}
						for (var f : fs) f.get();
						ex.shutdown();
					}
					else {
						for (int from = 0; from < n; from += batch) {
							var sub = rows.subList(from, Math.min(n, from + batch));
							Map<String, Object> params;
							String q;
							switch (variant) {
								case "merge" -> { params = new HashMap<>(Map.of("rows", sub, "loadedAt", now, "source", "x/products.jsonl")); q = merge; }
								case "mergeCols" -> { params = cols(sub, now); q = mergeCols; }
								case "create" -> { params = cols(sub, now); q = mergeCols.replace("MERGE", "CREATE").replace("ON CREATE SET p.loadedAt = $loadedAt", "SET p.loadedAt = $loadedAt"); }
								default -> { params = Map.of("names", sub.stream().map(r -> r.get("name")).toList()); q = "UNWIND $names AS n MERGE (p:Product {name: n})"; }
							}
							db.graph().write(tx -> tx.run(q, params).consume());
						}
					}
					double s = (System.nanoTime() - t0) / 1e9;
					System.out.printf("VARIANT round %d %-20s %.2f s  %.0f nodes/s%n", round, variant, s, n / s);
				}
			}
		}
	}

	static Map<String, Object> cols(List<Map<String, Object>> sub, ZonedDateTime now) {
		Map<String, Object> p = new HashMap<>();
		p.put("names", sub.stream().map(r -> r.get("name")).toList());
		p.put("display", sub.stream().map(r -> r.get("displayName")).toList());
		p.put("np", sub.stream().map(r -> r.get("nonProduct")).toList());
		p.put("lines", sub.stream().map(r -> r.get("line")).toList());
		p.put("loadedAt", now);
		p.put("source", "x/products.jsonl");
		return p;
	}
}
