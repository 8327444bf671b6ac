package cn.chainscout.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.chainscout.graph.Graph;

/**
 * The part of the graph link prediction needs, in memory and indexed by int: which enterprise
 * makes which real product, product relations, product names, enterprise industries and names.
 * Built from the graph, or from lists (the evaluation builds it without its held-out links).
 */
public final class MakerGraph {

	final String[] enterpriseCodes;

	final String[] enterpriseNames;

	final int[] enterpriseIndustry;

	/** full names and industry names (all three levels), for name profiles; may be null */
	String[] enterpriseFullNames;

	String[] enterpriseIndustryNames;

	final String[] productNames;

	/** per product, its makers (enterprise ids) */
	final int[][] makers;

	/** per enterprise, its products */
	final int[][] products;

	/** per product, related products (upstream, downstream, subclass; both directions) */
	final int[][] related;

	final Map<String, Integer> productIds;

	final Map<String, Integer> enterpriseIds;

	/** One enterprise→product link. */
	public record Link(int enterprise, int product) {
	}

	MakerGraph(String[] enterpriseCodes, String[] enterpriseNames, int[] enterpriseIndustry, String[] productNames, List<Link> links,
			List<int[]> relations) {
		this.enterpriseCodes = enterpriseCodes;
		this.enterpriseNames = enterpriseNames;
		this.enterpriseIndustry = enterpriseIndustry;
		this.productNames = productNames;
		int[] makerCount = new int[productNames.length];
		int[] productCount = new int[enterpriseCodes.length];
		for (Link l : links) {
			makerCount[l.product()]++;
			productCount[l.enterprise()]++;
		}
		makers = new int[productNames.length][];
		products = new int[enterpriseCodes.length][];
		for (int p = 0; p < makers.length; p++) {
			makers[p] = new int[makerCount[p]];
		}
		for (int e = 0; e < products.length; e++) {
			products[e] = new int[productCount[e]];
		}
		int[] mi = new int[productNames.length];
		int[] pi = new int[enterpriseCodes.length];
		for (Link l : links) {
			makers[l.product()][mi[l.product()]++] = l.enterprise();
			products[l.enterprise()][pi[l.enterprise()]++] = l.product();
		}
		int[] relCount = new int[productNames.length];
		for (int[] r : relations) {
			relCount[r[0]]++;
			relCount[r[1]]++;
		}
		related = new int[productNames.length][];
		for (int p = 0; p < related.length; p++) {
			related[p] = new int[relCount[p]];
		}
		int[] ri = new int[productNames.length];
		for (int[] r : relations) {
			related[r[0]][ri[r[0]]++] = r[1];
			related[r[1]][ri[r[1]]++] = r[0];
		}
		productIds = new HashMap<>();
		for (int p = 0; p < productNames.length; p++) {
			productIds.put(productNames[p], p);
		}
		enterpriseIds = new HashMap<>();
		for (int e = 0; e < enterpriseCodes.length; e++) {
			enterpriseIds.put(enterpriseCodes[e], e);
		}
	}

	/** The same graph with other links (for the evaluation's training split). */
	MakerGraph withLinks(List<Link> links) {
		List<int[]> relations = new ArrayList<>();
		for (int p = 0; p < related.length; p++) {
			for (int q : related[p]) {
				if (p < q) {
					relations.add(new int[] { p, q });
				}
			}
		}
		MakerGraph g = new MakerGraph(enterpriseCodes, enterpriseNames, enterpriseIndustry, productNames, links, relations);
		g.enterpriseFullNames = enterpriseFullNames;
		g.enterpriseIndustryNames = enterpriseIndustryNames;
		return g;
	}

	List<Link> links() {
		List<Link> links = new ArrayList<>();
		for (int p = 0; p < makers.length; p++) {
			for (int e : makers[p]) {
				links.add(new Link(e, p));
			}
		}
		return links;
	}

	public int enterprises() {
		return enterpriseCodes.length;
	}

	public int productCount() {
		return productNames.length;
	}

	/** Reads real products (no non-products), enterprises, MAKES, product relations and industries. */
	public static MakerGraph read(Graph graph) {
		return graph.read(tx -> {
			List<String> codes = new ArrayList<>();
			List<String> names = new ArrayList<>();
			List<String> industries = new ArrayList<>();
			List<String> fullNames = new ArrayList<>();
			List<String> industryNames = new ArrayList<>();
			tx.run("""
					MATCH (e:Enterprise)
					OPTIONAL MATCH (e)-[:IN_INDUSTRY]->(i:Industry)
					OPTIONAL MATCH (i)-[:PART_OF*0..2]->(up:Industry)
					WITH e, min(i.code) AS industry, collect(DISTINCT up.name) AS industryNames
					RETURN e.code AS code, coalesce(e.name, '') AS name, coalesce(e.fullName, '') AS fullName, industry,
					       reduce(s = '', x IN industryNames | s + ' ' + x) AS industryNames
					ORDER BY code""").forEachRemaining(r -> {
				codes.add(r.get("code").asString());
				names.add(r.get("name").asString());
				fullNames.add(r.get("fullName").asString());
				industryNames.add(r.get("industryNames").asString());
				industries.add(r.get("industry").isNull() ? null : r.get("industry").asString());
			});
			Map<String, Integer> industryIds = new HashMap<>();
			int[] industry = new int[codes.size()];
			for (int i = 0; i < industry.length; i++) {
				String code = industries.get(i);
				industry[i] = code == null ? -1 : industryIds.computeIfAbsent(code, k -> industryIds.size());
			}
			List<String> productNames = tx.run("MATCH (p:Product) WHERE p.nonProduct IS NULL RETURN p.name AS name ORDER BY name")
				.list(r -> r.get("name").asString());
			Map<String, Integer> pid = new HashMap<>();
			for (int i = 0; i < productNames.size(); i++) {
				pid.put(productNames.get(i), i);
			}
			Map<String, Integer> eid = new HashMap<>();
			for (int i = 0; i < codes.size(); i++) {
				eid.put(codes.get(i), i);
			}
			List<Link> links = new ArrayList<>();
			tx.run("MATCH (e:Enterprise)-[:MAKES]->(p:Product) WHERE p.nonProduct IS NULL RETURN e.code AS e, p.name AS p")
				.forEachRemaining(r -> {
					Integer e = eid.get(r.get("e").asString());
					Integer p = pid.get(r.get("p").asString());
					if (e != null && p != null) {
						links.add(new Link(e, p));
					}
				});
			List<int[]> relations = new ArrayList<>();
			tx.run("""
					MATCH (a:Product)-[r:UPSTREAM_MATERIAL|DOWNSTREAM_PRODUCT|SUBCLASS]->(b:Product)
					WHERE a.nonProduct IS NULL AND b.nonProduct IS NULL
					RETURN a.name AS a, b.name AS b""").forEachRemaining(r -> {
				Integer a = pid.get(r.get("a").asString());
				Integer b = pid.get(r.get("b").asString());
				if (a != null && b != null && !a.equals(b)) {
					relations.add(new int[] { a, b });
				}
			});
			MakerGraph g = new MakerGraph(codes.toArray(String[]::new), names.toArray(String[]::new), industry,
					productNames.toArray(String[]::new), links, relations);
			g.enterpriseFullNames = fullNames.toArray(String[]::new);
			g.enterpriseIndustryNames = industryNames.toArray(String[]::new);
			return g;
		});
	}
}
