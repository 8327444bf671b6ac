package cn.chainscout.chain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import cn.chainscout.graph.Graph;
import cn.chainscout.region.Gazetteer;
import cn.chainscout.region.Region;
import cn.chainscout.search.EnterprisesChanged;
import cn.chainscout.system.ChainScoutProperties;
import cn.chainscout.system.Warmer;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Reads chains back from the graph as chain maps and gap lists. Results are kept until the chains,
 * the local firms or the enterprises change.
 */
@Service
public class ChainMaps {

	public static final String HEAD_RULE = "龙头企业按规模代理分排序（0–1）：0.6 × 该环节产品占企业营收的比重之和（上限 1）"
			+ " + 0.25 × 覆盖该环节产品数（5 个及以上记满分）/ 5 + 0.15 × 已上市 + 0.1 × 按申万行业归属该环节。"
			+ "数据中没有营收金额，营收占比反映企业对该环节的专注程度。";

	private final Graph graph;

	private final ChainScoutProperties properties;

	private final Gazetteer gazetteer = Gazetteer.load();

	private final Map<String, Optional<ChainMap>> maps = new ConcurrentHashMap<>();

	private final Map<String, List<ChainGap>> gaps = new ConcurrentHashMap<>();

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	/** Bumped by every change, so a result computed before the change is not kept. */
	private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

	/** Computes every chain's map and gaps in the background; a request for a chain being computed waits for it. */
	private final Warmer warmer;

	public ChainMaps(Graph graph, ChainScoutProperties properties) {
		this.graph = graph;
		this.properties = properties;
		this.warmer = new Warmer("chain maps", () -> properties.chains().warmUp(), generation::get, this::chainIds, id -> {
			map(id);
			gaps(id);
		});
	}

	@EventListener
	public void on(ChainsChanged change) {
		clear();
		warmer.changed();
	}

	@EventListener
	public void on(EnterprisesChanged change) {
		clear();
		warmer.changed();
	}

	/** Once the service is ready, compute every chain in the background so no user waits for it. */
	@EventListener
	public void on(org.springframework.boot.context.event.ApplicationReadyEvent event) {
		warmer.ready();
	}

	/** Warm-ups started so far (for tests). */
	long warmUps() {
		return warmer.rounds();
	}

	/** Chains whose map is computed and kept (for tests). */
	int mapsKept() {
		return maps.size();
	}

	@jakarta.annotation.PreDestroy
	void stop() throws InterruptedException {
		warmer.stop();
	}

	public void clear() {
		generation.incrementAndGet();
		maps.clear();
		gaps.clear();
	}

	/** Chain id → Chinese name. */
	public Map<String, String> chainNames() {
		Map<String, String> names = new LinkedHashMap<>();
		graph.query("MATCH (c:Chain) RETURN c.id AS id, c.name AS name ORDER BY c.id", Map.of())
			.forEach(r -> names.put(r.get("id").asString(), r.get("name").asString()));
		return names;
	}

	private List<String> chainIds() {
		return graph.query("MATCH (c:Chain) RETURN c.id AS id ORDER BY c.id", Map.of()).stream().map(r -> r.get("id").asString()).toList();
	}

	/** The cached value, or computed once: concurrent callers wait; a change meanwhile leaves it uncached. */
	private <T> T cached(Map<String, T> cache, String key, java.util.function.Supplier<T> compute) {
		T value = cache.get(key);
		if (value != null) {
			return value;
		}
		synchronized (locks.computeIfAbsent(key + (cache == maps ? "#map" : "#gaps"), k -> new Object())) {
			value = cache.get(key);
			if (value != null) {
				return value;
			}
			long before = generation.get();
			value = compute.get();
			if (generation.get() == before) {
				cache.put(key, value);
			}
			return value;
		}
	}

	public String statusRule() {
		var c = properties.chains();
		return "按本地企业判定（含下级环节）：没有本地企业为“缺”；至少 " + c.strongMinFirms() + " 家且其中至少 1 家规上企业，"
				+ "或合计年产值不低于 " + trim(c.strongMinOutput()) + " 万元为“强”；其余为“弱”。";
	}

	private static String trim(double d) {
		return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
	}

	/** A short entry per chain. */
	public record Summary(String id, String name, String description, ChainMap.StatusCounts counts, int nodes, int localFirms) {
	}

	public List<Summary> list() {
		List<String> ids = chainIds();
		List<Summary> out = new ArrayList<>();
		for (String id : ids) {
			map(id).ifPresent(m -> {
				int[] nodes = { 0 };
				java.util.Set<String> firms = new java.util.HashSet<>();
				walk(m.nodes(), n -> {
					nodes[0]++;
					n.localFirms().forEach(f -> firms.add(f.key()));
				});
				out.add(new Summary(m.id(), m.name(), m.description(), m.counts(), nodes[0], firms.size()));
			});
		}
		return out;
	}

	static void walk(List<ChainMap.Node> nodes, java.util.function.Consumer<ChainMap.Node> visit) {
		for (ChainMap.Node n : nodes) {
			visit.accept(n);
			walk(n.children(), visit);
		}
	}

	public Optional<ChainMap> map(String id) {
		return cached(maps, id, () -> build(id));
	}

	private record Raw(String id, String name, String segment, int level, int order, @Nullable String parent) {
	}

	private Optional<ChainMap> build(String id) {
		return graph.read(tx -> {
			List<Record> chain = tx.run("MATCH (c:Chain {id: $id}) RETURN c.name AS name, c.description AS description, c.home AS home",
					Map.of("id", id)).list();
			if (chain.isEmpty()) {
				return Optional.empty();
			}
			Record c = chain.get(0);
			String home = c.get("home").asString(properties.home().region());
			List<Raw> raws = tx.run("""
					MATCH (n:ChainNode {chain: $id})
					RETURN n.id AS id, n.name AS name, n.segment AS segment, n.level AS level, n.order AS order, n.parent AS parent
					ORDER BY n.level, n.order""", Map.of("id", id))
				.list(r -> new Raw(r.get("id").asString(), r.get("name").asString(), r.get("segment").asString(),
						r.get("level").asInt(), r.get("order").asInt(), r.get("parent").isNull() ? null : r.get("parent").asString()));

			Map<String, long[]> products = new HashMap<>();
			Map<String, List<String>> examples = new HashMap<>();
			tx.run("""
					MATCH (n:ChainNode {chain: $id})-[:COVERS]->(p:Product)
					WITH n, p, COUNT { (p)<-[:MAKES]-(:Enterprise) } AS makers
					ORDER BY makers DESC, p.name
					WITH n, count(p) AS products, sum(CASE WHEN makers > 0 THEN 1 ELSE 0 END) AS made,
					     collect(coalesce(p.displayName, p.name)) AS names
					RETURN n.id AS id, products, made, names[0..8] AS examples""", Map.of("id", id))
				.forEachRemaining(r -> {
					products.put(r.get("id").asString(), new long[] { r.get("products").asLong(), r.get("made").asLong() });
					examples.put(r.get("id").asString(), r.get("examples").asList(Value::asString));
				});

			Map<String, Long> makers = new HashMap<>();
			Map<String, List<ChainMap.Head>> heads = new HashMap<>();
			Map<String, List<ChainMap.PlaceCount>> provinces = new HashMap<>();
			tx.run(MAKERS_QUERY, Map.of("id", id, "home", home, "limit", 5)).forEachRemaining(r -> {
				String node = r.get("id").asString();
				makers.put(node, r.get("makers").asLong());
				heads.put(node, r.get("heads").asList(this::head));
				provinces.put(node, r.get("provinces").asList(v -> provinceCount(v.get("prov").asString(), v.get("c").asLong())));
			});

			Map<String, List<ChainMap.LocalFirm>> locals = new HashMap<>();
			tx.run("""
					MATCH (n:ChainNode {chain: $id})-[:HAS_CHILD*0..2]->(:ChainNode)<-[:IN_NODE]-(f:LocalFirm)
					WITH DISTINCT n, f
					OPTIONAL MATCH (f)-[:AT]->(c:Carrier)
					OPTIONAL MATCH (f)-[:SAME_AS]->(e:Enterprise)
					WITH n, f, c, e ORDER BY coalesce(f.outputValue, 0) DESC, f.name
					RETURN n.id AS id, collect({key: f.key, name: f.name, carrier: c.name, above: coalesce(f.aboveScale, false),
					       output: f.outputValue, code: e.code}) AS firms""", Map.of("id", id))
				.forEachRemaining(r -> locals.put(r.get("id").asString(), r.get("firms").asList(v -> new ChainMap.LocalFirm(
						v.get("key").asString(), v.get("name").asString(), v.get("carrier").isNull() ? null : v.get("carrier").asString(),
						v.get("above").asBoolean(), v.get("output").isNull() ? null : v.get("output").asDouble(),
						v.get("code").isNull() ? null : v.get("code").asString()))));

			Map<String, List<Raw>> childrenOf = new LinkedHashMap<>();
			List<Raw> top = new ArrayList<>();
			for (Raw raw : raws) {
				if (raw.parent() == null) {
					top.add(raw);
				}
				else {
					childrenOf.computeIfAbsent(raw.parent(), k -> new ArrayList<>()).add(raw);
				}
			}
			java.util.function.Function<Raw, ChainMap.Node>[] build = new java.util.function.Function[1];
			build[0] = raw -> {
				List<ChainMap.Node> kids = childrenOf.getOrDefault(raw.id(), List.of()).stream()
					.sorted(Comparator.comparingInt(Raw::order))
					.map(build[0])
					.toList();
				List<ChainMap.LocalFirm> firms = locals.getOrDefault(raw.id(), List.of());
				int above = (int) firms.stream().filter(ChainMap.LocalFirm::aboveScale).count();
				double output = firms.stream().mapToDouble(f -> f.outputValue() == null ? 0 : f.outputValue()).sum();
				ChainMap.Status status = status(firms.size(), above, output);
				long[] p = products.getOrDefault(raw.id(), new long[2]);
				return new ChainMap.Node(raw.id(), raw.name(), raw.segment(), raw.level(), kids.isEmpty(), p[0], p[1],
						examples.getOrDefault(raw.id(), List.of()), makers.getOrDefault(raw.id(), 0L), heads.getOrDefault(raw.id(), List.of()),
						provinces.getOrDefault(raw.id(), List.of()), firms, above, output, status, status.words(), kids);
			};
			List<ChainMap.Node> nodes = top.stream().sorted(Comparator.comparingInt(Raw::order)).map(build[0]).toList();
			int[] counts = new int[3];
			walk(nodes, n -> {
				if (n.leaf()) {
					counts[n.status().ordinal()]++;
				}
			});
			boolean sample = tx.run("MATCH (d:Dataset {id: 'local-firms'}) RETURN coalesce(d.sample, false) AS s").list()
				.stream().anyMatch(r -> r.get("s").asBoolean());
			String homeName = gazetteer.byCode(home).map(Region::name).orElse(home);
			return Optional.of(new ChainMap(id, c.get("name").asString(), c.get("description").asString(""),
					new ChainMap.Place(home, homeName), sample, statusRule(), HEAD_RULE,
					new ChainMap.StatusCounts(counts[0], counts[1], counts[2]), nodes));
		});
	}

	/** From {@code rows} of makers with their {@code region} code: the five provinces with most, as {@code provinces}. */
	static final String PROVINCES = """
			CALL (rows) {
			  UNWIND rows AS x
			  WITH left(x.region, 2) AS prov, count(*) AS c
			  WHERE prov IS NOT NULL
			  ORDER BY c DESC, prov
			  RETURN collect({prov: prov, c: c})[0..5] AS provinces
			}""";

	/** Per node (with everything below it): how many enterprises, the head enterprises and the provinces. */
	static final String MAKERS_QUERY = """
			MATCH (n:ChainNode {chain: $id})
			CALL (n) {
			  CALL (n) {
			    MATCH (n)-[:HAS_CHILD*0..2]->(:ChainNode)-[:COVERS]->(p:Product)<-[m:MAKES]-(e:Enterprise)
			    RETURN e, sum(coalesce(m.share, 0.0)) AS share, count(DISTINCT p) AS breadth, 0 AS ind
			    UNION ALL
			    MATCH (n)-[:HAS_CHILD*0..2]->(:ChainNode)-[:COVERS_INDUSTRY]->(:Industry)<-[:IN_INDUSTRY]-(e:Enterprise)
			    RETURN DISTINCT e, 0.0 AS share, 0 AS breadth, 1 AS ind
			  }
			  WITH e, sum(share) AS share, sum(breadth) AS breadth, max(ind) AS ind
			  WITH e, CASE WHEN share > 1.0 THEN 1.0 ELSE share END AS share, breadth, ind
			  WITH e, share, breadth, ind,
			       0.6 * share + 0.25 * (CASE WHEN breadth > 5 THEN 5 ELSE breadth END) / 5.0
			       + 0.15 * (CASE WHEN e.listedOn IS NULL THEN 0 ELSE 1 END) + 0.1 * ind AS score
			  OPTIONAL MATCH (e)-[:LOCATED_IN]->(r:Region)
			  WITH e, share, breadth, ind, score, r.code AS region
			  ORDER BY score DESC, e.code
			  WITH collect({e: e, share: share, breadth: breadth, ind: ind, score: score, region: region}) AS rows
			  WITH rows, [x IN rows[0..$limit] | x.e] AS top
			  CALL (top) {
			    UNWIND top AS t
			    MATCH (t)<-[:SAME_AS]-(:LocalFirm)
			    RETURN collect(DISTINCT t.code) AS localCodes
			  }
			  ${provinces}
			  RETURN size(rows) AS makers, provinces,
			         [x IN rows[0..$limit] | {code: x.e.code, name: x.e.name, listed: x.e.listedOn IS NOT NULL, share: x.share,
			          breadth: x.breadth, ind: x.ind, score: x.score, region: x.region,
			          local: x.region = $home OR x.e.code IN localCodes}] AS heads
			}
			RETURN n.id AS id, makers, heads, provinces""".replace("${provinces}", PROVINCES);

	ChainMap.Head head(Value v) {
		String region = v.get("region").isNull() ? null : v.get("region").asString();
		return new ChainMap.Head(v.get("code").asString(), v.get("name").asString(""), round(v.get("score").asDouble()),
				round(v.get("share").asDouble()), v.get("breadth").asLong(), v.get("listed").asBoolean(), v.get("ind").asLong() > 0,
				region == null ? null : province(region.substring(0, 2)), v.get("local").asBoolean(false));
	}

	static double round(double d) {
		return Math.round(d * 1000) / 1000.0;
	}

	ChainMap.@Nullable Place province(String twoDigits) {
		String code = twoDigits + "0000";
		return gazetteer.byCode(code).map(r -> new ChainMap.Place(code, r.name())).orElse(new ChainMap.Place(code, code));
	}

	ChainMap.PlaceCount provinceCount(String twoDigits, long count) {
		ChainMap.Place p = province(twoDigits);
		return new ChainMap.PlaceCount(p.code(), p.name(), count);
	}

	ChainMap.Status status(int firms, int aboveScale, double output) {
		if (firms == 0) {
			return ChainMap.Status.MISSING;
		}
		var c = properties.chains();
		if ((firms >= c.strongMinFirms() && aboveScale >= 1) || output >= c.strongMinOutput()) {
			return ChainMap.Status.STRONG;
		}
		return ChainMap.Status.WEAK;
	}

	// ------------------------------------------------------------------ gaps

	public static final String GAP_RULE = "补链：环节状态为“缺”；强链：状态为“弱”；延链：本链产品的上游原料或下游产品、不属于本链且全国有企业生产。"
			+ "权重 = 3 × 需要该环节产品的本地企业数（按产品上游关系）+ 1.5 × log2(1 + 全国企业数) + 环节系数"
			+ "（补链、强链：上中游 2、下游 1；强链另加 1 若无规上企业；延链：关联的本链产品数，另加 1 若属于本市其他产业链）。";

	public Optional<List<ChainGap>> gaps(String id) {
		Optional<ChainMap> map = map(id);
		if (map.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(cached(gaps, id, () -> buildGaps(map.get())));
	}

	private List<ChainGap> buildGaps(ChainMap map) {
		List<ChainMap.Node> candidates = new ArrayList<>();
		walk(map.nodes(), n -> {
			if (n.leaf() && n.status() != ChainMap.Status.STRONG) {
				candidates.add(n);
			}
		});
		Map<String, List<ChainGap.Buyer>> buyers = new HashMap<>();
		graph.read(tx -> {
			tx.run("""
					UNWIND $keys AS key
					MATCH (n:ChainNode {key: key})-[:COVERS]->(input:Product)<-[:UPSTREAM_MATERIAL]-(x:Product)<-[:PRODUCES]-(f:LocalFirm)
					RETURN DISTINCT n.id AS id, f.name AS firm, coalesce(x.displayName, x.name) AS product,
					       coalesce(input.displayName, input.name) AS input
					ORDER BY id, firm, product, input""",
					Map.of("keys", candidates.stream().map(n -> map.id() + "/" + n.id()).toList()))
				.forEachRemaining(r -> buyers.computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>())
					.add(new ChainGap.Buyer(r.get("firm").asString(), r.get("product").asString(), r.get("input").asString())));
			return null;
		});
		List<ChainGap> out = new ArrayList<>();
		for (ChainMap.Node n : candidates) {
			List<ChainGap.Buyer> b = buyers.getOrDefault(n.id(), List.of());
			long buyerFirms = b.stream().map(ChainGap.Buyer::firm).distinct().count();
			double segment = "downstream".equals(n.segment()) ? 1 : 2;
			boolean missing = n.status() == ChainMap.Status.MISSING;
			double noAbove = !missing && n.aboveScale() == 0 ? 1 : 0;
			double makersPart = 1.5 * log2(1 + n.makers());
			double weight = 3 * buyerFirms + makersPart + segment + noAbove;
			String parts = "3×" + buyerFirms + "（本地需求企业）+ 1.5×log2(1+" + n.makers() + ")（全国企业）+ " + trim(segment) + "（"
					+ segmentWords(n.segment()) + "）" + (noAbove > 0 ? " + 1（无规上企业）" : "");
			String reason = missing
					? "本市没有“" + n.name() + "”环节的企业" + (buyerFirms > 0 ? "，" + buyerFirms + " 家本地企业需要其产品" : "")
							+ "；全国有 " + n.makers() + " 家上市企业可对接。"
					: "本市“" + n.name() + "”环节仅 " + n.localFirms().size() + " 家企业" + (n.aboveScale() == 0 ? "，没有规上企业" : "")
							+ (buyerFirms > 0 ? "，" + buyerFirms + " 家本地企业需要其产品" : "") + "；全国有 " + n.makers() + " 家上市企业。";
			out.add(new ChainGap(missing ? ChainGap.FILL : ChainGap.STRENGTHEN, n.id(), n.name(), n.segment(), round(weight), parts,
					reason, b, n.makers(), n.provinces(), n.heads(), List.of(), null));
		}
		out.addAll(extensions(map));
		out.sort(Comparator.comparingDouble(ChainGap::weight).reversed().thenComparing(ChainGap::name));
		return List.copyOf(out);
	}

	/** 上游 / 中游 / 下游 for a segment id. */
	public static String segmentWords(String segment) {
		return switch (segment) {
			case "upstream" -> "上游";
			case "midstream" -> "中游";
			default -> "下游";
		};
	}

	static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}

	/** 延链: the most linked products next to the chain (inputs of its products, or made from them). */
	private List<ChainGap> extensions(ChainMap map) {
		record Adjacent(String name, String side, List<String> links, long localFirms, long makers, @Nullable String otherChain) {
		}
		List<Adjacent> adjacent = graph.read(tx -> tx.run("""
				MATCH (n:ChainNode {chain: $id})-[:COVERS]->(p:Product)
				CALL (p) {
				  MATCH (p)-[:UPSTREAM_MATERIAL]->(x:Product)
				  RETURN x, 'upstream' AS side
				  UNION
				  MATCH (p)<-[:UPSTREAM_MATERIAL]-(x:Product)
				  RETURN x, 'downstream' AS side
				}
				WITH x, side, p
				WHERE x.nonProduct IS NULL AND NOT EXISTS { (x)<-[:COVERS]-(:ChainNode {chain: $id}) }
				WITH x, side, collect(DISTINCT coalesce(p.displayName, p.name)) AS links,
				     count(DISTINCT CASE WHEN EXISTS { (p)<-[:PRODUCES]-(:LocalFirm) } THEN p END) AS localLinks
				WITH x, side, links, localLinks, COUNT { (x)<-[:MAKES]-(:Enterprise) } AS makers
				WHERE makers > 0
				OPTIONAL MATCH (x)<-[:COVERS]-(o:ChainNode)
				WITH x, side, links, localLinks, makers, collect(o.chain + '/' + o.name)[0] AS other
				RETURN coalesce(x.displayName, x.name) AS name, x.name AS key, side, links, localLinks, makers, other
				ORDER BY size(links) + localLinks * 3 DESC, makers DESC, name
				LIMIT 40""", Map.of("id", map.id()))
			.list(r -> new Adjacent(r.get("key").asString(), r.get("side").asString(), r.get("links").asList(Value::asString),
					r.get("localLinks").asLong(), r.get("makers").asLong(), r.get("other").isNull() ? null : r.get("other").asString())));
		Map<String, String> chainNames = new HashMap<>();
		graph.query("MATCH (c:Chain) RETURN c.id AS id, c.name AS name", Map.of())
			.forEach(r -> chainNames.put(r.get("id").asString(), r.get("name").asString()));
		List<ChainGap> out = new ArrayList<>();
		List<Adjacent> ranked = new ArrayList<>(adjacent);
		java.util.function.ToDoubleFunction<Adjacent> weightOf = a -> a.links().size() + 1.5 * log2(1 + a.makers())
				+ 3 * a.localFirms() + (a.otherChain() != null ? 1 : 0);
		ranked.sort(Comparator.comparingDouble(weightOf).reversed().thenComparing(Adjacent::name));
		List<Adjacent> top = ranked.subList(0, Math.min(10, ranked.size()));
		Map<String, List<ChainMap.Head>> topMakers = new HashMap<>();
		Map<String, List<ChainMap.PlaceCount>> provinces = new HashMap<>();
		graph.read(tx -> {
			tx.run("""
					UNWIND $names AS name
					MATCH (x:Product {name: name})<-[m:MAKES]-(e:Enterprise)
					OPTIONAL MATCH (e)-[:LOCATED_IN]->(r:Region)
					WITH name, e, coalesce(m.share, 0.0) AS share, r.code AS region
					WITH name, e, share, region, 0.6 * CASE WHEN share > 1.0 THEN 1.0 ELSE share END + 0.05
					     + 0.15 * (CASE WHEN e.listedOn IS NULL THEN 0 ELSE 1 END) AS score
					ORDER BY score DESC, e.code
					WITH name, collect({code: e.code, name: e.name, listed: e.listedOn IS NOT NULL, share: share, breadth: 1, ind: 0,
					     score: score, region: region, local: region = $home OR EXISTS { (e)<-[:SAME_AS]-(:LocalFirm) }}) AS rows
					${provinces}
					RETURN name, rows[0..5] AS heads, provinces""".replace("${provinces}", PROVINCES),
					Map.of("names", top.stream().map(Adjacent::name).toList(), "home", map.home().code()))
				.forEachRemaining(r -> {
					topMakers.put(r.get("name").asString(), r.get("heads").asList(this::head));
					provinces.put(r.get("name").asString(),
							r.get("provinces").asList(v -> provinceCount(v.get("prov").asString(), v.get("c").asLong())));
				});
			return null;
		});
		for (Adjacent a : top) {
			String other = a.otherChain() == null ? null
					: chainNames.getOrDefault(a.otherChain().substring(0, a.otherChain().indexOf('/')), "") + "／"
							+ a.otherChain().substring(a.otherChain().indexOf('/') + 1);
			String parts = trim(a.links().size()) + "（关联本链产品）+ 1.5×log2(1+" + a.makers() + ")（全国企业）+ 3×" + a.localFirms()
					+ "（本地企业生产的关联产品）" + (other != null ? " + 1（属于本市其他产业链）" : "");
			String sideWords = "upstream".equals(a.side()) ? "是本链 " + a.links().size() + " 种产品的上游原料" : "以本链 " + a.links().size() + " 种产品为原料";
			out.add(new ChainGap(ChainGap.EXTEND, null, a.name(), a.side(), round(weightOf.applyAsDouble(a)), parts,
					"“" + a.name() + "”" + sideWords + "，本链尚未覆盖；全国有 " + a.makers() + " 家上市企业生产"
							+ (other != null ? "；它属于本市的“" + other + "”" : "") + "。",
					List.of(), a.makers(), provinces.getOrDefault(a.name(), List.of()), topMakers.getOrDefault(a.name(), List.of()),
					a.links().subList(0, Math.min(10, a.links().size())), other));
		}
		return out;
	}

	// ------------------------------------------------------------------ a node's makers

	/**
	 * Everything a click on a node shows.
	 *
	 * @param total enterprises of the graph in the node or below it
	 * @param makers the first of them, local ones first, then by size proxy
	 */
	public record NodeMakers(String chain, String nodeId, String nodeName, ChainMap.Status status, long total,
			List<ChainMap.Head> makers, List<ChainMap.LocalFirm> localFirms) {
	}

	public Optional<NodeMakers> makers(String chainId, String nodeId, int limit) {
		Optional<ChainMap> map = map(chainId);
		if (map.isEmpty()) {
			return Optional.empty();
		}
		ChainMap.Node[] found = new ChainMap.Node[1];
		walk(map.get().nodes(), n -> {
			if (n.id().equals(nodeId)) {
				found[0] = n;
			}
		});
		if (found[0] == null) {
			return Optional.empty();
		}
		ChainMap.Node node = found[0];
		String query = MAKERS_QUERY.replace("MATCH (n:ChainNode {chain: $id})", "MATCH (n:ChainNode {key: $key})");
		List<ChainMap.Head> heads = graph.read(tx -> tx.run(query,
				Map.of("key", chainId + "/" + nodeId, "home", map.get().home().code(), "limit", limit * 4 + 50))
			.list()).stream().findFirst().map(r -> r.get("heads").asList(this::head)).orElse(List.of());
		List<ChainMap.Head> sorted = new ArrayList<>(heads);
		sorted.sort(Comparator.comparing((ChainMap.Head h) -> !h.local()).thenComparing(Comparator.comparingDouble(ChainMap.Head::score).reversed()));
		return Optional.of(new NodeMakers(chainId, nodeId, node.name(), node.status(), node.makers(),
				List.copyOf(sorted.subList(0, Math.min(limit, sorted.size()))), node.localFirms()));
	}

	// ------------------------------------------------------------------ mapping report

	/**
	 * What a node of a chain file matched in the graph, for a domain person to check.
	 *
	 * @param matched products the node covers itself
	 * @param made of those, made by at least one enterprise
	 * @param makers enterprises making one of them
	 * @param byRule how many products each rule selected ({@code 名称} for listed names, else the glob)
	 * @param industries level-3 industry codes of the node
	 * @param industryFirms enterprises classified under them
	 * @param examples the products most often made, at most 5
	 */
	public record NodeMapping(String chain, String nodeId, String name, String segment, int level, long matched, long made,
			long makers, Map<String, Long> byRule, List<String> industries, long industryFirms, List<String> examples) {

		public boolean empty() {
			return matched == 0 && industries.isEmpty();
		}
	}

	public List<NodeMapping> mapping() {
		return graph.read(tx -> tx.run("""
				MATCH (n:ChainNode)
				CALL (n) {
				  OPTIONAL MATCH (n)-[c:COVERS]->(p:Product)
				  WITH c.rule AS rule, p, CASE WHEN p IS NULL THEN 0 ELSE COUNT { (p)<-[:MAKES]-(:Enterprise) } END AS mk
				  ORDER BY mk DESC, p.name
				  RETURN count(p) AS matched, sum(CASE WHEN mk > 0 THEN 1 ELSE 0 END) AS made,
				         collect(rule) AS rules, collect(coalesce(p.displayName, p.name))[0..5] AS examples
				}
				CALL (n) {
				  OPTIONAL MATCH (n)-[:COVERS]->(:Product)<-[:MAKES]-(e:Enterprise)
				  RETURN count(DISTINCT e) AS makers
				}
				CALL (n) {
				  OPTIONAL MATCH (n)-[:COVERS_INDUSTRY]->(i:Industry)
				  OPTIONAL MATCH (i)<-[:IN_INDUSTRY]-(e:Enterprise)
				  RETURN collect(DISTINCT i.code) AS industries, count(DISTINCT e) AS industryFirms
				}
				RETURN n.chain AS chain, n.id AS id, n.name AS name, n.segment AS segment, n.level AS level,
				       matched, made, makers, rules, industries, industryFirms, examples
				ORDER BY chain, n.sourceLine""").list(r -> {
			Map<String, Long> byRule = new LinkedHashMap<>();
			for (Object rule : r.get("rules").asList()) {
				byRule.merge(String.valueOf(rule), 1L, Long::sum);
			}
			return new NodeMapping(r.get("chain").asString(), r.get("id").asString(), r.get("name").asString(),
					r.get("segment").asString(), r.get("level").asInt(), r.get("matched").asLong(), r.get("made").asLong(),
					r.get("makers").asLong(), byRule, r.get("industries").asList(Value::asString), r.get("industryFirms").asLong(),
					r.get("examples").asList(Value::asString));
		}));
	}
}
