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

/** Reads enterprises from the graph in the shape the index needs, page by page. */
@Component
public class EnterpriseDocuments {

	static final int PAGE = 5_000;

	private static final String RETURN = """
			OPTIONAL MATCH (e)-[:LOCATED_IN]->(r:Region)
			OPTIONAL MATCH (r)-[:PART_OF*0..2]->(a:Region)
			WITH e, collect(DISTINCT a) AS places
			RETURN e.code AS code, e.name AS name, e.fullName AS fullName, e.exchange AS exchange,
			       coalesce(e.nameVariants, []) AS variants,
			       [x IN places WHERE x.level = 'PROVINCE' | x.name][0] AS province,
			       [x IN places WHERE x.level = 'PREFECTURE' | x.name][0] AS city,
			       [x IN places WHERE x.level = 'COUNTY' | x.name][0] AS county,
			       [(e)-[:IN_INDUSTRY]->(i3:Industry) |
			           [[(i3)-[:PART_OF]->(i2:Industry)-[:PART_OF]->(i1:Industry) | i1.name][0],
			            [(i3)-[:PART_OF]->(i2:Industry) | i2.name][0], i3.name]] AS industries,
			       [(e)-[m:MAKES]->(p:Product) WHERE p.nonProduct IS NULL | [p.name, m.share]] AS products""";

	private final Graph graph;

	public EnterpriseDocuments(Graph graph) {
		this.graph = graph;
	}

	/** Calls {@code each} with every enterprise of the graph, in pages of {@value #PAGE}. */
	public void forEachPage(Consumer<List<EnterpriseDocument>> each) {
		String after = "";
		while (true) {
			String from = after;
			List<EnterpriseDocument> page = graph.read(tx -> tx.run("""
					MATCH (e:Enterprise) WHERE e.code > $after
					WITH e ORDER BY e.code LIMIT $limit
					""" + RETURN, Map.of("after", from, "limit", PAGE)).list(EnterpriseDocuments::document));
			if (page.isEmpty()) {
				return;
			}
			each.accept(page);
			after = page.get(page.size() - 1).code();
		}
	}

	public List<EnterpriseDocument> byCodes(Collection<String> codes) {
		return graph.read(tx -> tx.run("""
				UNWIND $codes AS code
				MATCH (e:Enterprise {code: code})
				""" + RETURN, Map.of("codes", List.copyOf(codes))).list(EnterpriseDocuments::document));
	}

	public long count() {
		return graph.read(tx -> tx.run("MATCH (e:Enterprise) RETURN count(e)").single().get(0).asLong());
	}

	private static EnterpriseDocument document(Record r) {
		List<List<String>> industries = new ArrayList<>();
		for (Value levels : r.get("industries").values()) {
			industries.add(levels.asList(v -> v.isNull() ? "" : v.asString()));
		}
		List<EnterpriseDocument.ProductShare> products = new ArrayList<>();
		for (Value p : r.get("products").values()) {
			products.add(new EnterpriseDocument.ProductShare(p.get(0).asString(), p.get(1).isNull() ? null : p.get(1).asDouble()));
		}
		return new EnterpriseDocument(r.get("code").asString(), r.get("name").asString(), r.get("fullName").asString(),
				r.get("variants").asList(Value::asString), str(r.get("exchange")), str(r.get("province")),
				str(r.get("city")), str(r.get("county")), industries, products);
	}

	private static String str(Value v) {
		return v.isNull() ? null : v.asString();
	}
}
