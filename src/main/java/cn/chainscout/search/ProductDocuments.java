package cn.chainscout.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import cn.chainscout.graph.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/** Reads products with their makers from the graph, page by page. */
@Component
public class ProductDocuments {

	static final int PAGE = 10_000;

	static final int TOP_MAKERS = 10;

	private final Graph graph;

	public ProductDocuments(Graph graph) {
		this.graph = graph;
	}

	public void forEachPage(Consumer<List<ProductDocument>> each) {
		String after = "";
		while (true) {
			String from = after;
			List<String> names = graph.read(tx -> tx.run("""
					MATCH (p:Product) WHERE p.name > $after
					RETURN p.name AS name ORDER BY p.name LIMIT $limit""", Map.of("after", from, "limit", PAGE))
				.list(r -> r.get(0).asString()));
			if (names.isEmpty()) {
				return;
			}
			List<ProductDocument> page = byNames(names);
			if (!page.isEmpty()) {
				each.accept(page);
			}
			after = names.get(names.size() - 1);
		}
	}

	/** The real products among these names that someone makes. */
	public List<ProductDocument> byNames(Collection<String> names) {
		return graph.read(tx -> tx.run("""
				UNWIND $names AS name
				MATCH (p:Product {name: name}) WHERE p.nonProduct IS NULL
				MATCH (e:Enterprise)-[m:MAKES]->(p)
				WITH p, e, m ORDER BY coalesce(m.share, 0) DESC, e.code
				WITH p, collect({code: e.code, name: e.name, share: m.share}) AS makers
				RETURN p.name AS name, makers[0..$top] AS makers, size(makers) AS count""",
				Map.of("names", List.copyOf(names), "top", TOP_MAKERS)).list(ProductDocuments::document));
	}

	/** Names of the products these enterprises make, so their entries can follow a change. */
	public List<String> productsOf(Collection<String> codes) {
		return graph.read(tx -> tx.run("""
				UNWIND $codes AS code
				MATCH (:Enterprise {code: code})-[:MAKES]->(p:Product)
				RETURN DISTINCT p.name""", Map.of("codes", List.copyOf(codes))).list(r -> r.get(0).asString()));
	}

	public long count() {
		return graph.read(tx -> tx.run("""
				MATCH (p:Product) WHERE p.nonProduct IS NULL AND EXISTS { MATCH (:Enterprise)-[:MAKES]->(p) }
				RETURN count(p)""").single().get(0).asLong());
	}

	private static ProductDocument document(Record r) {
		List<ProductDocument.Maker> makers = new ArrayList<>();
		for (Value m : r.get("makers").values()) {
			makers.add(new ProductDocument.Maker(m.get("code").asString(), m.get("name").asString(),
					m.get("share").isNull() ? null : m.get("share").asDouble()));
		}
		return new ProductDocument(r.get("name").asString(), makers, r.get("count").asLong());
	}
}
