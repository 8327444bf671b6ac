package cn.chainscout.enterprise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.chainscout.enterprise.EnterpriseProfile.ChainLink;
import cn.chainscout.enterprise.EnterpriseProfile.IndustryFact;
import cn.chainscout.enterprise.EnterpriseProfile.Maker;
import cn.chainscout.enterprise.EnterpriseProfile.ProductFact;
import cn.chainscout.enterprise.EnterpriseProfile.RegionFact;
import cn.chainscout.graph.Graph;
import cn.chainscout.graph.Provenance;
import cn.chainscout.graph.Sources;
import cn.chainscout.region.Gazetteer;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.stereotype.Service;

/** Reads an enterprise's profile and its chain neighbours from the graph. */
@Service
public class EnterpriseProfiles {

	static final int LINKS = 40;

	static final int MAKERS = 5;

	/** Trailing words that name a form, not a kind: 动力电池系统 is a kind of 动力电池. */
	private static final List<String> FORM_SUFFIXES = List.of("系统", "产品", "业务", "组件");

	private final Graph graph;

	public EnterpriseProfiles(Graph graph) {
		this.graph = graph;
	}

	/** @throws EnterpriseNotFoundException when no enterprise has that code */
	public EnterpriseProfile profile(String code) {
		return graph.read(tx -> {
			List<Record> head = tx.run("""
					MATCH (e:Enterprise {code: $code})
					OPTIONAL MATCH (e)-[l:LOCATED_IN]->(r:Region)
					OPTIONAL MATCH (r)-[:PART_OF]->(p1:Region)
					OPTIONAL MATCH (p1)-[:PART_OF]->(p2:Region)
					RETURN e, l, r, p1, p2 LIMIT 1""", Map.of("code", code)).list();
			if (head.isEmpty()) {
				throw new EnterpriseNotFoundException(code);
			}
			Record h = head.get(0);
			Node e = h.get("e").asNode();
			Sources sources = Sources.read(tx);
			List<ProductFact> products = products(tx, code, sources);
			List<Map<String, Object>> vias = vias(tx, products);
			RegionFact region = region(h, sources);
			return new EnterpriseProfile(code, e.get("name").asString(), e.get("fullName").asString(),
					str(e.get("exchange")), e.get("listedOn").isNull() ? null : e.get("listedOn").asLocalDate().toString(),
					e.get("needsReview").asBoolean(false), e.get("nameVariants").asList(Value::asString, List.of()),
					region, region != null ? "resolved" : e.get("regionStatus").asString("unknown"),
					industries(tx, code, sources), products, upstream(tx, code, vias, sources),
					downstream(tx, code, vias, sources), sources.provenance(e.asMap()));
		});
	}

	private static @Nullable RegionFact region(Record h, Sources sources) {
		if (h.get("r").isNull()) {
			return null;
		}
		Node r = h.get("r").asNode();
		Map<String, Object> l = h.get("l").asRelationship().asMap();
		String prefecture = null;
		String province = null;
		for (String key : List.of("p1", "p2")) {
			if (h.get(key).isNull()) {
				continue;
			}
			Node p = h.get(key).asNode();
			if ("PROVINCE".equals(p.get("level").asString())) {
				province = p.get("name").asString();
			}
			else if ("PREFECTURE".equals(p.get("level").asString())) {
				prefecture = p.get("name").asString();
			}
		}
		Double lng = null;
		Double lat = null;
		if (!r.get("location").isNull()) {
			lng = r.get("location").asPoint().x();
			lat = r.get("location").asPoint().y();
		}
		Provenance from = sources.provenance(l);
		var provenance = new Provenance(from.source(), from.line(), from.loadedAt(),
				l.get("method") + "（匹配“" + l.get("matched") + "”，行政区划表 " + Gazetteer.RESOURCE + "）",
				(Double) l.get("confidence"));
		return new RegionFact(r.get("code").asString(), r.get("name").asString(), r.get("level").asString(), prefecture,
				province, lng, lat, provenance);
	}

	private static List<IndustryFact> industries(TransactionContext tx, String code, Sources sources) {
		return tx.run("""
				MATCH (:Enterprise {code: $code})-[x:IN_INDUSTRY]->(i:Industry)
				OPTIONAL MATCH (i)-[:PART_OF]->(i2:Industry)
				OPTIONAL MATCH (i2)-[:PART_OF]->(i1:Industry)
				RETURN i.code AS code, i.name AS name, i2.name AS l2, i1.name AS l1, properties(x) AS x
				ORDER BY code""", Map.of("code", code))
			.list(r -> new IndustryFact(r.get("code").asString(), r.get("name").asString(), str(r.get("l2")),
					str(r.get("l1")), sources.provenance(r.get("x").asMap())));
	}

	private static List<ProductFact> products(TransactionContext tx, String code, Sources sources) {
		return tx.run("""
				MATCH (:Enterprise {code: $code})-[m:MAKES]->(p:Product)
				RETURN p.name AS name, p.nonProduct AS np, p.nonProductReason AS reason, properties(m) AS m
				ORDER BY coalesce(m.share, -1) DESC, name""", Map.of("code", code)).list(r -> {
			Map<String, Object> m = r.get("m").asMap();
			return new ProductFact(r.get("name").asString(), (Double) m.get("share"), (Double) m.get("shareRaw"),
					r.get("np").asBoolean(false), str(r.get("reason")), sources.provenance(m));
		});
	}

	/**
	 * The products whose relations describe this enterprise's chain: its own real products, and the
	 * kindred products their names end with (动力电池系统 → 动力电池, 电池), since the source records
	 * relations on the general kind more often than on each firm's wording.
	 */
	private static List<Map<String, Object>> vias(TransactionContext tx, List<ProductFact> products) {
		Map<String, String> candidates = new LinkedHashMap<>();
		for (ProductFact p : products) {
			if (p.nonProduct()) {
				continue;
			}
			candidates.putIfAbsent(p.name(), p.name());
			String head = p.name();
			for (String suffix : FORM_SUFFIXES) {
				if (head.endsWith(suffix) && head.length() > suffix.length() + 1) {
					head = head.substring(0, head.length() - suffix.length());
				}
			}
			for (int i = 0; i <= head.length() - 2; i++) {
				candidates.putIfAbsent(head.substring(i), p.name());
			}
		}
		List<String> existing = tx.run("""
				UNWIND $names AS name
				MATCH (p:Product {name: name}) WHERE p.nonProduct IS NULL
				RETURN p.name AS name""", Map.of("names", new ArrayList<>(candidates.keySet()))).list(r -> r.get(0).asString());
		List<Map<String, Object>> vias = new ArrayList<>();
		for (String name : existing) {
			vias.add(Map.of("via", name, "own", candidates.get(name)));
		}
		return vias;
	}

	private static List<ChainLink> upstream(TransactionContext tx, String code, List<Map<String, Object>> vias,
			Sources sources) {
		return links(tx, sources, """
				UNWIND $vias AS via
				MATCH (v:Product {name: via.via})-[rel:UPSTREAM_MATERIAL]->(other:Product)
				WHERE other.nonProduct IS NULL""", code, vias);
	}

	private static List<ChainLink> downstream(TransactionContext tx, String code, List<Map<String, Object>> vias,
			Sources sources) {
		return links(tx, sources, """
				UNWIND $vias AS via
				MATCH (v:Product {name: via.via})-[rel:DOWNSTREAM_PRODUCT|UPSTREAM_MATERIAL]-(other:Product)
				WHERE other.nonProduct IS NULL
				  AND ((type(rel) = 'DOWNSTREAM_PRODUCT' AND startNode(rel) = v)
				    OR (type(rel) = 'UPSTREAM_MATERIAL' AND endNode(rel) = v))""", code, vias);
	}

	private static List<ChainLink> links(TransactionContext tx, Sources sources, String match, String code,
			List<Map<String, Object>> vias) {
		return tx.run(match + """

				OPTIONAL MATCH (maker:Enterprise)-[mm:MAKES]->(other) WHERE maker.code <> $code
				WITH via, rel, other, maker, mm ORDER BY coalesce(mm.share, 0) DESC, maker.code
				WITH via, rel, other, collect(CASE WHEN maker IS NULL THEN null ELSE {code: maker.code, name: maker.name,
				     share: mm.share, region: [(maker)-[:LOCATED_IN]->(rr:Region) | rr.name][0]} END) AS makers
				RETURN via.own AS own, via.via AS viaProduct, other.name AS product, type(rel) AS relation, properties(rel) AS rel,
				       makers[0..$makers] AS makers, size(makers) AS makerCount
				ORDER BY CASE WHEN makerCount > 0 THEN 0 ELSE 1 END, CASE WHEN own = viaProduct THEN 0 ELSE 1 END,
				         makerCount DESC, product
				LIMIT $limit""", Map.of("vias", vias, "code", code, "makers", MAKERS, "limit", LINKS)).list(r -> {
			List<Maker> makers = r.get("makers").asList(m -> new Maker(m.get("code").asString(), m.get("name").asString(),
					m.get("share").isNull() ? null : m.get("share").asDouble(), str(m.get("region"))));
			return new ChainLink(r.get("own").asString(), r.get("viaProduct").asString(), r.get("product").asString(),
					r.get("relation").asString(), makers, sources.provenance(r.get("rel").asMap()));
		});
	}

	private static @Nullable String str(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Value v) {
			return v.isNull() ? null : v.asObject().toString();
		}
		return value.toString();
	}
}
