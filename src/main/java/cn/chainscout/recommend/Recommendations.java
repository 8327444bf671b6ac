package cn.chainscout.recommend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.chainscout.chain.ChainGap;
import cn.chainscout.chain.ChainMap;
import cn.chainscout.chain.ChainMaps;
import cn.chainscout.graph.Graph;
import cn.chainscout.referral.Projects;
import cn.chainscout.referral.Ties;
import cn.chainscout.referral.WarmPaths;
import cn.chainscout.system.ChainScoutProperties;
import cn.chainscout.system.ChainScoutProperties.Weights;
import cn.chainscout.region.Gazetteer;
import cn.chainscout.region.Region;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Target enterprises for a chain lead: external enterprises (not local, not already landed) ranked by
 * a score whose parts are in Chinese with their evidence, and always add up to the score. The weights
 * are configuration ({@code chainscout.recommend.weights.*}); each part is its weight times a 0..1 value:
 * <ul>
 * <li>补链 / 强链: it makes products of a link the city lacks or is weak in, scaled by the gap's
 * weight (a weak link counts 0.6 of a missing one, a downstream user link 0.3);</li>
 * <li>配套: it supplies an input that a local firm of the chain needs, or uses a local firm's
 * product as its input (product upstream relations), full at three such links;</li>
 * <li>龙头: its size proxy in those links (revenue share, breadth, listing);</li>
 * <li>动态: recent investment signals ({@link RecentActivity});</li>
 * <li>引荐: the strength of its strongest warm introduction path ({@link WarmPaths});</li>
 * <li>区位: it is in the region the user prefers (only when one is given);</li>
 * <li>跟进: the latest record about it is 有意向.</li>
 * </ul>
 */
@Service
public class Recommendations {

	private final Graph graph;

	private final ChainMaps maps;

	private final Gazetteer gazetteer = Gazetteer.load();

	private final Weights weights;

	private final Feedback feedback;

	private final WarmPaths warmPaths;

	private final Projects projects;

	private final @Nullable RecentActivity activity;

	private final @Nullable LikelyMakerModel likely;

	static final int LIKELY_MAX_MAKERS = 50;

	/** Likely makers of each missing link's main products, by chain node key; dropped when the graph changes. */
	private final Map<String, List<LikelyHit>> likelyByNode = new java.util.concurrent.ConcurrentHashMap<>();

	@org.springframework.beans.factory.annotation.Autowired
	public Recommendations(Graph graph, ChainMaps maps, Feedback feedback, WarmPaths warmPaths, Projects projects,
			ChainScoutProperties properties, ObjectProvider<RecentActivity> activity, LikelyMakerModel likely) {
		this(graph, maps, feedback, warmPaths, projects, properties.recommend().weights(), activity.getIfAvailable(), likely);
		this.warming = properties.recommend().warmUp();
	}

	public Recommendations(Graph graph, ChainMaps maps, Feedback feedback, WarmPaths warmPaths, Projects projects, Weights weights,
			@Nullable RecentActivity activity, @Nullable LikelyMakerModel likely) {
		this.graph = graph;
		this.maps = maps;
		this.feedback = feedback;
		this.warmPaths = warmPaths;
		this.projects = projects;
		this.weights = weights;
		this.activity = activity;
		this.likely = likely;
		this.warmer = new cn.chainscout.system.Warmer("recommendations", () -> warming, generation::get, () -> maps.chainNames().keySet(),
				chain -> recommend(chain, null, null, 1));
	}

	/** Candidates by chain and link, with what the graph says about them; dropped when the graph changes. */
	private final Map<String, Map<String, Builder>> candidates = new java.util.concurrent.ConcurrentHashMap<>();

	@org.springframework.context.event.EventListener
	public void on(cn.chainscout.chain.ChainsChanged change) {
		clear();
		warmer.changed();
	}

	/** Drops what was computed from the graph, so the next request reads it again (benchmarks use it too). */
	public void clear() {
		generation.incrementAndGet();
		likelyByNode.clear();
		candidates.clear();
		sortedByBase.clear();
	}

	/** Counts graph changes, so that an answer computed across one is not kept. */
	private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

	/** {@code chainscout.recommend.warm-up}: false in the jar's commands, which measure their own work only. */
	private boolean warming = true;

	/** Computes every chain's candidates in the background, so that a chain lead's first request is answered from memory. */
	private final cn.chainscout.system.Warmer warmer;

	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	void ready() {
		warmer.ready();
	}

	/** Warm-ups started since the service started (for tests). */
	long warmUps() {
		return warmer.rounds();
	}

	@jakarta.annotation.PreDestroy
	void stopWarming() throws InterruptedException {
		warmer.stop();
	}

	@org.springframework.context.event.EventListener
	public void on(cn.chainscout.search.EnterprisesChanged change) {
		clear();
		warmer.changed();
	}

	/** A firm the graph does not link to a missing link's product but that probably makes it. */
	private record LikelyHit(String code, double score, String product, String evidence) {
	}

	/**
	 * The top five likely makers of up to three products of a link: those most made among the products
	 * with 1 to {@value #LIKELY_MAX_MAKERS} known makers. Where a product already has many makers the
	 * graph knows enough; predicting more of them would only cost time on a large graph.
	 */
	private List<LikelyHit> likelyMakersOf(String nodeKey) {
		List<LikelyHit> known = likelyByNode.get(nodeKey);
		if (known != null) {
			return known;
		}
		long seen = generation.get();
		List<LikelyHit> computed = computeLikely(nodeKey);
		if (seen == generation.get()) {
			likelyByNode.putIfAbsent(nodeKey, computed);
		}
		return computed;
	}

	private List<LikelyHit> computeLikely(String key) {
		List<LikelyHit> out = new ArrayList<>();
		List<String> products = graph.query("""
				MATCH (n:ChainNode {key: $key})-[:HAS_CHILD*0..2]->(:ChainNode)-[:COVERS]->(p:Product)
				WHERE p.nonProduct IS NULL
				WITH DISTINCT p
				WITH p, COUNT { (p)<-[:MAKES]-(:Enterprise) } AS makers
				WHERE makers >= 1 AND makers <= $max
				RETURN p.name AS name, makers
				ORDER BY makers DESC, name LIMIT 3""", Map.of("key", key, "max", LIKELY_MAX_MAKERS)).stream().map(r -> r.get("name").asString()).toList();
		for (String product : products) {
			likely.top(product, 5).ifPresent(top -> top.forEach(c -> out.add(new LikelyHit(c.code(), Math.min(1, c.score()), product,
					c.parts().isEmpty() ? "" : c.parts().get(0).name() + "：" + c.parts().get(0).evidence()))));
		}
		return List.copyOf(out);
	}

	/** The scoring rule in words, with the configured weights. */
	public String rule() {
		return "得分 = 补链/强链 " + w(weights.gap()) + " ×（该企业所产环节的缺口权重 / 本链最高缺口权重；弱环节再乘 0.6，下游用户环节再乘 0.3）"
				+ " + 配套 " + w(weights.supply()) + " ×（为本链本地企业供应原料或采购其产品的关联数 / 3，最多 1）"
				+ " + 龙头 " + w(weights.head()) + " × 规模代理分（营收占比 0.6、产品覆盖 0.25、上市 0.15）"
				+ " + 动态 " + w(weights.signal()) + " × 近期投资动态强度"
				+ " + 引荐 " + w(weights.referral()) + " × 最强引荐路径的强度"
				+ " + 区位 " + w(weights.region()) + "（位于偏好地区时）+ 跟进 " + w(weights.followUp()) + "（最近一次记录为“有意向”时）。"
				+ "不含本地企业和已签约落地的企业；最近一次记录为“不合适”的企业不再推荐。权重可在配置 chainscout.recommend.weights.* 中调整。"
				+ Ties.RULE;
	}

	private static String w(double d) {
		return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
	}

	/** One part of a score. */
	public record Part(String name, double value, String evidence) {
	}

	/** A recommended target, with what recruiters recorded about it (newest first). */
	public record Target(String code, String name, @Nullable String province, double score, List<Part> parts,
			List<Feedback.Entry> history, WarmPaths.@Nullable WarmPath warmPath) {
	}

	/**
	 * @param suppressed targets left out because a recruiter marked them 不合适 for this chain
	 * @param landed targets left out because they have a signed project (签约 or later)
	 */
	public record Result(String chain, String name, String rule, @Nullable String node, @Nullable String region, boolean sample,
			List<Target> targets, int suppressed, int landed) {
	}

	private static final class Builder {

		final String code;
		String name = "";
		String region;
		boolean listed;
		double gap;
		String gapEvidence = "";
		String gapType = "";
		double share;
		long breadth;
		final List<String> supply = new ArrayList<>();

		Builder(String code) {
			this.code = code;
		}
	}

	/**
	 * @param node only targets for this link (and below it), or null for the whole chain
	 * @param region a preferred province or city (name or code), or null
	 */
	public Optional<Result> recommend(String chainId, @Nullable String node, @Nullable String region, int limit) {
		Optional<ChainMap> map = maps.map(chainId);
		if (map.isEmpty()) {
			return Optional.empty();
		}
		Region preferred = null;
		if (region != null && !region.isBlank()) {
			preferred = resolveRegion(region.strip());
			if (preferred == null) {
				throw new IllegalArgumentException("参数 region 的值 '" + region + "' 不是已知的省、市或县（可填名称或六位代码）");
			}
		}
		List<ChainGap> gaps = maps.gaps(chainId).orElse(List.of()).stream()
			.filter(g -> g.nodeId() != null && !g.type().equals(ChainGap.EXTEND))
			.toList();
		if (node != null && !node.isBlank()) {
			java.util.Set<String> under = new java.util.HashSet<>();
			boolean[] found = { false };
			collectUnder(map.get().nodes(), node, false, under, found);
			if (!found[0]) {
				throw new IllegalArgumentException("参数 node 的值 '" + node + "' 不是产业链 '" + chainId + "' 的环节");
			}
			gaps = gaps.stream().filter(g -> under.contains(g.nodeId())).toList();
		}
		double maxWeight = gaps.stream().mapToDouble(ChainGap::weight).max().orElse(1);
		String home = map.get().home().code();
		List<Map<String, Object>> rows = new ArrayList<>();
		Map<String, Double> gapWeights = new java.util.HashMap<>();
		for (ChainGap g : gaps) {
			// Downstream links are the chain's customers (食品饮料, 医药…): worth knowing, but the chain
			// lead recruits producers first, so they count 0.3.
			double segment = "downstream".equals(g.segment()) ? 0.3 : 1.0;
			double weight = g.weight() / maxWeight * (g.type().equals(ChainGap.FILL) ? 1.0 : 0.6) * segment;
			rows.add(Map.of("key", chainId + "/" + g.nodeId(), "name", g.name(), "type", g.type(), "weight", weight));
			gapWeights.put(chainId + "/" + g.nodeId(), weight);
		}
		String cacheKey = chainId + "|" + (node == null ? "" : node.strip());
		Map<String, Builder> builders = candidates.get(cacheKey);
		if (builders == null) {
			long seen = generation.get();
			builders = Collections.unmodifiableMap(candidates(chainId, home, gaps, rows, gapWeights));
			// A graph change while computing makes this answer stale: give it, but do not keep it.
			if (seen == generation.get()) {
				candidates.putIfAbsent(cacheKey, builders);
			}
		}
		boolean nodeOnly = node != null && !node.isBlank();
		Map<String, List<Feedback.Entry>> history = feedback.forChain(chainId);
		java.util.Set<String> landedCodes = projects.landed(chainId);
		Map<String, WarmPaths.WarmPath> warm = warmPaths.best(builders.keySet());
		Map<String, RecentActivity.Activity> recent = activity == null ? Map.of() : activity.recent(builders.keySet());
		// Firms with something of their own (a record, a project, a warm path, news) are scored one by one;
		// the rest differ only by their base score (and 区位), so they are read best first until none can
		// reach the list any more. On a large graph a chain has hundreds of thousands of candidates.
		java.util.Set<String> special = new java.util.LinkedHashSet<>();
		for (java.util.Collection<String> codes : List.of(history.keySet(), landedCodes, warm.keySet(), recent.keySet())) {
			codes.stream().filter(builders::containsKey).forEach(special::add);
		}
		int suppressed = 0;
		int landed = 0;
		List<Target> targets = new ArrayList<>();
		java.util.PriorityQueue<Double> best = new java.util.PriorityQueue<>();
		for (String code : special) {
			Builder b = builders.get(code);
			if (nodeOnly && b.gap == 0) {
				continue;
			}
			if (landedCodes.contains(b.code)) {
				landed++;
				continue;
			}
			List<Feedback.Entry> h = history.getOrDefault(b.code, List.of());
			if (!h.isEmpty() && h.get(0).status().equals("不合适")) {
				suppressed++;
				continue;
			}
			keep(target(b, h, warm.get(b.code), recent.get(b.code), preferred), targets, best, limit);
		}
		double maxExtra = preferred != null ? weights.region() : 0;
		for (Builder b : byBase(cacheKey, builders)) {
			if (special.contains(b.code) || (nodeOnly && b.gap == 0)) {
				continue;
			}
			if (best.size() >= limit && base(b) + maxExtra < best.peek() - 0.001) {
				break;
			}
			keep(target(b, List.of(), null, null, preferred), targets, best, limit);
		}
		targets.sort(Comparator.comparingDouble(Target::score).reversed().thenComparing(Target::code));
		return Optional.of(new Result(chainId, map.get().name(), rule(), nodeOnly ? node : null, preferred == null ? null : preferred.name(),
				map.get().sample(), List.copyOf(targets.subList(0, Math.min(limit, targets.size()))), suppressed, landed));
	}

	private static void keep(Target t, List<Target> targets, java.util.PriorityQueue<Double> best, int limit) {
		targets.add(t);
		best.add(t.score());
		if (best.size() > limit) {
			best.poll();
		}
	}

	/** The candidates best first by their base score (补链/强链, 配套, 龙头), kept with the candidates. */
	private List<Builder> byBase(String cacheKey, Map<String, Builder> builders) {
		List<Builder> sorted = sortedByBase.get(cacheKey);
		if (sorted == null || sorted.size() != builders.size()) {
			sorted = new ArrayList<>(builders.values());
			sorted.sort(Comparator.comparingDouble((Builder b) -> base(b)).reversed().thenComparing(b -> b.code));
			sorted = List.copyOf(sorted);
			if (candidates.get(cacheKey) == builders) {
				sortedByBase.put(cacheKey, sorted);
			}
		}
		return sorted;
	}

	private final Map<String, List<Builder>> sortedByBase = new java.util.concurrent.ConcurrentHashMap<>();

	private double head(Builder b) {
		return 0.6 * b.share + 0.25 * Math.min(b.breadth, 5) / 5.0 + 0.15 * (b.listed ? 1 : 0);
	}

	private double base(Builder b) {
		return (b.gap > 0 ? weights.gap() * b.gap + weights.head() * head(b) : 0)
				+ (b.supply.isEmpty() ? 0 : weights.supply() * Math.min(1, b.supply.size() / 3.0));
	}

	/** A candidate's explained score for this request. */
	private Target target(Builder b, List<Feedback.Entry> h, WarmPaths.@Nullable WarmPath path, RecentActivity.@Nullable Activity a,
			@Nullable Region preferred) {
		List<Part> parts = new ArrayList<>();
		if (b.gap > 0) {
			parts.add(new Part(b.gapType, round(weights.gap() * b.gap), b.gapEvidence));
		}
		if (!b.supply.isEmpty()) {
			parts.add(new Part("配套", round(weights.supply() * Math.min(1, b.supply.size() / 3.0)),
					String.join("；", b.supply.subList(0, Math.min(3, b.supply.size())))));
		}
		if (b.gap > 0) {
			parts.add(new Part("龙头", round(weights.head() * head(b)), "营收占比 " + Math.round(b.share * 100) + "%，覆盖 " + b.breadth + " 种环节产品"
					+ (b.listed ? "，上市公司" : "")));
		}
		if (a != null && a.strength() > 0 && weights.signal() > 0) {
			parts.add(new Part("动态", round(weights.signal() * Math.min(1, a.strength())), a.evidence()));
		}
		if (path != null && weights.referral() > 0) {
			parts.add(new Part("引荐", round(weights.referral() * path.strength()), path.text() + "（路径强度 " + path.strength() + "）"));
		}
		String province = b.region == null ? null : gazetteer.byCode(b.region.substring(0, 2) + "0000").map(Region::name).orElse(null);
		if (preferred != null && b.region != null && within(b.region, preferred) && weights.region() > 0) {
			parts.add(new Part("区位", round(weights.region()), "位于偏好地区 " + preferred.name()));
		}
		if (!h.isEmpty() && h.get(0).status().equals("有意向") && weights.followUp() > 0) {
			parts.add(new Part("跟进", round(weights.followUp()), h.get(0).by() + " " + h.get(0).at().toLocalDate() + " 记录：有意向"));
		}
		double score = round(parts.stream().mapToDouble(Part::value).sum());
		return new Target(b.code, b.name, province, score, List.copyOf(parts), List.copyOf(h), path);
	}

	/**
	 * The candidates of a chain (or of one link and the links below it) with what the graph says about
	 * them: the expensive part, kept until the chains, the local firms or the enterprises change.
	 */
	private Map<String, Builder> candidates(String chainId, String home, List<ChainGap> gaps, List<Map<String, Object>> rows,
			Map<String, Double> gapWeights) {
		Map<String, Builder> builders = new LinkedHashMap<>();
		graph.read(tx -> {
			tx.run("""
					UNWIND $gaps AS g
					MATCH (n:ChainNode {key: g.key})-[:HAS_CHILD*0..2]->(:ChainNode)-[:COVERS]->(p:Product)<-[m:MAKES]-(e:Enterprise)
					WHERE NOT EXISTS { (e)<-[:SAME_AS]-(:LocalFirm) }
					WITH e, g, sum(coalesce(m.share, 0.0)) AS share, count(DISTINCT p) AS breadth,
					     collect(DISTINCT coalesce(p.displayName, p.name))[0..3] AS products
					OPTIONAL MATCH (e)-[:LOCATED_IN]->(r:Region)
					WITH e, g, share, breadth, products, r.code AS region
					WHERE region IS NULL OR region <> $home
					RETURN e.code AS code, e.name AS name, e.listedOn IS NOT NULL AS listed, region, g.name AS gap, g.type AS type,
					       g.weight AS weight, share, breadth, products""", Map.of("gaps", rows, "home", home))
				.forEachRemaining(r -> {
					Builder b = builders.computeIfAbsent(r.get("code").asString(), Builder::new);
					b.name = r.get("name").asString("");
					b.region = r.get("region").isNull() ? null : r.get("region").asString();
					b.listed = r.get("listed").asBoolean();
					double w = r.get("weight").asDouble();
					if (w > b.gap) {
						b.gap = w;
						b.gapType = r.get("type").asString();
						b.gapEvidence = "生产 " + String.join("、", r.get("products").asList(v -> v.asString())) + "（" + r.get("type").asString()
								+ "：" + r.get("gap").asString() + "）";
						b.share = Math.min(1, r.get("share").asDouble());
						b.breadth = r.get("breadth").asLong();
					}
				});
			tx.run("""
					MATCH (f:LocalFirm)-[:PRODUCES]->(x:Product)
					WHERE $chain IN f.chains
					CALL (f, x) {
					  MATCH (x)-[:UPSTREAM_MATERIAL]->(y:Product)<-[:MAKES]-(e:Enterprise)
					  WHERE y.nonProduct IS NULL
					  RETURN e, '供应 ' + coalesce(y.displayName, y.name) + '，' + f.name + ' 的 ' + coalesce(x.displayName, x.name) + ' 需要' AS why
					  UNION
					  MATCH (x)<-[:UPSTREAM_MATERIAL]-(z:Product)<-[:MAKES]-(e:Enterprise)
					  WHERE z.nonProduct IS NULL
					  RETURN e, '以 ' + f.name + ' 的 ' + coalesce(x.displayName, x.name) + ' 为原料生产 ' + coalesce(z.displayName, z.name) AS why
					}
					WITH e, why
					WHERE NOT EXISTS { (e)<-[:SAME_AS]-(:LocalFirm) }
					OPTIONAL MATCH (e)-[:LOCATED_IN]->(r:Region)
					WITH e, why, r.code AS region
					WHERE region IS NULL OR region <> $home
					RETURN e.code AS code, e.name AS name, e.listedOn IS NOT NULL AS listed, region, collect(DISTINCT why) AS whys""",
					Map.of("chain", chainId, "home", home))
				.forEachRemaining(r -> {
					Builder b = builders.computeIfAbsent(r.get("code").asString(), Builder::new);
					b.name = r.get("name").asString("");
					b.region = r.get("region").isNull() ? null : r.get("region").asString();
					b.listed = r.get("listed").asBoolean();
					b.supply.addAll(r.get("whys").asList(v -> v.asString()));
				});
			return null;
		});
		if (likely != null) {
			addLikelyMakers(gaps, chainId, gapWeights, home, builders);
		}
		return builders;
	}

	/**
	 * Firms the graph does not connect to a missing link yet, but which probably make its main products
	 * (likely makers): they join with a 补链 part at half weight, scaled by their likelihood, its
	 * evidence saying it is inferred.
	 */
	private void addLikelyMakers(List<ChainGap> gaps, String chainId, Map<String, Double> gapWeights, String home,
			Map<String, Builder> builders) {
		Map<String, LikelyHit> best = new LinkedHashMap<>();
		Map<String, ChainGap> gapOf = new java.util.HashMap<>();
		Map<String, Double> valueOf = new java.util.HashMap<>();
		for (ChainGap g : gaps) {
			if (!g.type().equals(ChainGap.FILL)) {
				continue;
			}
			String key = chainId + "/" + g.nodeId();
			for (LikelyHit hit : likelyMakersOf(key)) {
				double value = gapWeights.get(key) * hit.score() * 0.5;
				if (!builders.containsKey(hit.code()) && value > valueOf.getOrDefault(hit.code(), 0.0)) {
					best.put(hit.code(), hit);
					gapOf.put(hit.code(), g);
					valueOf.put(hit.code(), value);
				}
			}
		}
		if (best.isEmpty()) {
			return;
		}
		graph.query("""
				MATCH (e:Enterprise) WHERE e.code IN $codes AND NOT EXISTS { (e)<-[:SAME_AS]-(:LocalFirm) }
				OPTIONAL MATCH (e)-[:LOCATED_IN]->(r:Region)
				WITH e, r.code AS region WHERE region IS NULL OR region <> $home
				RETURN e.code AS code, e.name AS name, e.listedOn IS NOT NULL AS listed, region""",
				Map.of("codes", List.copyOf(best.keySet()), "home", home)).forEach(r -> {
			String code = r.get("code").asString();
			LikelyHit hit = best.get(code);
			ChainGap g = gapOf.get(code);
			Builder b = new Builder(code);
			b.name = r.get("name").asString("");
			b.region = r.get("region").isNull() ? null : r.get("region").asString();
			b.listed = r.get("listed").asBoolean();
			b.gap = valueOf.get(code);
			b.gapType = g.type();
			b.gapEvidence = "可能生产 " + hit.product() + "（图中尚无此关系，推测依据：" + hit.evidence() + "，可能性 " + round(hit.score()) + "）（"
					+ g.type() + "：" + g.name() + "）";
			builders.put(code, b);
		});
	}

	private @Nullable Region resolveRegion(String text) {
		return gazetteer.find(text).orElse(null);
	}

	private boolean within(String code, Region preferred) {
		return switch (preferred.level()) {
			case PROVINCE -> code.startsWith(preferred.code().substring(0, 2));
			case PREFECTURE -> code.startsWith(preferred.code().substring(0, 4));
			default -> code.equals(preferred.code());
		};
	}

	private static void collectUnder(List<ChainMap.Node> nodes, String id, boolean inside, java.util.Set<String> out, boolean[] found) {
		for (ChainMap.Node n : nodes) {
			boolean in = inside || n.id().equals(id);
			if (n.id().equals(id)) {
				found[0] = true;
			}
			if (in) {
				out.add(n.id());
			}
			collectUnder(n.children(), id, in, out, found);
		}
	}

	static double round(double d) {
		return Math.round(d * 10000) / 10000.0;
	}

	/** Where an enterprise stands as a target: its rank and explained score in each chain that recommends it. */
	public record Standing(String chain, String chainName, int rank, int of, Target target) {
	}

	/** Every chain whose top {@code depth} targets include the enterprise. */
	public List<Standing> standings(String code, int depth) {
		List<Standing> out = new ArrayList<>();
		for (String chain : maps.chainNames().keySet()) {
			recommend(chain, null, null, depth).ifPresent(r -> {
				for (int i = 0; i < r.targets().size(); i++) {
					if (r.targets().get(i).code().equals(code)) {
						out.add(new Standing(chain, r.name(), i + 1, r.targets().size(), r.targets().get(i)));
					}
				}
			});
		}
		out.sort(Comparator.comparingInt(Standing::rank));
		return out;
	}
}
