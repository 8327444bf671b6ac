package cn.chainscout.tripmap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chainscout.chain.ChainMaps;
import cn.chainscout.graph.Graph;
import cn.chainscout.recommend.Recommendations;
import cn.chainscout.referral.WarmPaths;
import cn.chainscout.region.Gazetteer;
import cn.chainscout.region.Region;
import cn.chainscout.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans a recruitment trip: the chain recommendations located in the destination regions, the
 * referrers there (商会, natives, funds…), every must-visit firm; located at their city's centre,
 * routed by {@link TripRoute} and split into days by {@link TripDays}. Plans are stored in the graph
 * ({@code (:TripMap {id})}) so a link to one keeps working.
 */
@Service
public class TripPlanner {

	static final String[] COLORS = { "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2" };

	/** Province-level municipalities: their own city. */
	private static final Set<String> MUNICIPALITIES = Set.of("110000", "120000", "310000", "500000");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Graph graph;

	private final ChainMaps maps;

	private final Recommendations recommendations;

	private final WarmPaths warmPaths;

	private final RegionGroups groups;

	private final Gazetteer gazetteer = Gazetteer.load();

	public TripPlanner(Graph graph, ChainMaps maps, Recommendations recommendations, WarmPaths warmPaths, RegionGroups groups) {
		this.graph = graph;
		this.maps = maps;
		this.recommendations = recommendations;
		this.warmPaths = warmPaths;
		this.groups = groups;
	}

	/** Plans, stores and returns a trip. */
	public TripPlan plan(TripPlan.Request request) {
		TripPlan plan = compute(request);
		graph.write(tx -> tx.run("""
				MERGE (t:TripMap {id: $id})
				SET t.title = $title, t.createdAt = datetime($createdAt), t.plan = $plan""",
				Map.of("id", plan.id(), "title", plan.title(), "createdAt", plan.createdAt(), "plan", JSON.writeValueAsString(plan))).consume());
		return plan;
	}

	public TripPlan get(String id) {
		return graph.query("MATCH (t:TripMap {id: $id}) RETURN t.plan AS plan", Map.of("id", id)).stream().findFirst()
			.map(r -> JSON.readValue(r.get("plan").asString(), TripPlan.class))
			.orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的招商行程"));
	}

	/** A stored trip, newest first. */
	public record Summary(String id, String title, String createdAt) {
	}

	public List<Summary> recent(int limit) {
		return graph.query("MATCH (t:TripMap) RETURN t.id AS id, t.title AS title, toString(t.createdAt) AS at ORDER BY t.createdAt DESC LIMIT $limit",
				Map.of("limit", limit)).stream()
			.map(r -> new Summary(r.get("id").asString(), r.get("title").asString(), r.get("at").asString().substring(0, 16).replace('T', ' ')))
			.toList();
	}

	/** A candidate stop with how much it matters (must-visit firms are never dropped). */
	private record Candidate(TripPlan.Stop stop, double priority) {
	}

	TripPlan compute(TripPlan.Request request) {
		if (request.days() < 1 || request.days() > 10) {
			throw new IllegalArgumentException("days 的值 " + request.days() + " 无效，应为 1 到 10 天");
		}
		List<Region> destinations = destinations(request.regions());
		Region startRegion = gazetteer.find(request.start() == null || request.start().isBlank() ? "桐城市" : request.start())
			.filter(r -> r.lng() != null)
			.orElseThrow(() -> new IllegalArgumentException("start 的值 '" + request.start() + "' 不是已知的城市或县"));
		TripPlan.Place start = new TripPlan.Place(startRegion.name(), startRegion.code(), startRegion.lng(), startRegion.lat());
		TripRoute.Point startPoint = new TripRoute.Point(startRegion.code(), startRegion.lng(), startRegion.lat());

		Map<String, String> chainNames = maps.chainNames();
		List<String[]> chains = new ArrayList<>();
		List<String> asked = request.chains() == null ? List.of() : request.chains().stream().filter(c -> c != null && !c.isBlank()).toList();
		for (String c : asked.isEmpty() ? new ArrayList<>(chainNames.keySet()) : asked) {
			String[] parts = c.strip().split("/", 2);
			if (!chainNames.containsKey(parts[0])) {
				throw new IllegalArgumentException("chains 中的 '" + c + "' 不是已知的产业链 id（可写 产业链id 或 产业链id/环节id）");
			}
			chains.add(parts);
		}
		List<TripPlan.ChainColor> colors = new ArrayList<>();
		for (int i = 0; i < chains.size(); i++) {
			String id = chains.get(i)[0];
			if (colors.stream().noneMatch(c -> c.id().equals(id))) {
				colors.add(new TripPlan.ChainColor(id, chainNames.get(id), COLORS[colors.size() % COLORS.length]));
			}
		}
		List<String> mustVisit = request.mustVisit() == null ? List.of()
				: request.mustVisit().stream().filter(m -> m != null && !m.isBlank()).map(m -> m.strip().toUpperCase(java.util.Locale.ROOT)).distinct().toList();

		// Targets of every chain, the best chain kept for a firm several chains want.
		Map<String, Recommendations.Target> targets = new LinkedHashMap<>();
		Map<String, String> targetChain = new HashMap<>();
		for (String[] c : chains) {
			recommendations.recommend(c[0], c.length > 1 ? c[1] : null, null, 200).ifPresent(r -> r.targets().forEach(t -> {
				Recommendations.Target had = targets.get(t.code());
				if (had == null || t.score() > had.score()) {
					targets.put(t.code(), t);
					targetChain.put(t.code(), c[0]);
				}
			}));
		}
		Set<String> codes = new LinkedHashSet<>(targets.keySet());
		codes.addAll(mustVisit);
		Map<String, String[]> firms = firms(codes);
		List<String> unknown = mustVisit.stream().filter(m -> !firms.containsKey(m)).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("mustVisit 中的 " + String.join("、", unknown) + " 不是企业库中的企业代码");
		}
		List<String> warnings = new ArrayList<>();
		List<Candidate> located = new ArrayList<>();
		List<TripPlan.Stop> unlocated = new ArrayList<>();
		Map<String, WarmPaths.WarmPath> warm = warmPaths.best(codes);
		for (String code : codes) {
			String[] f = firms.get(code);
			Region region = f[2] == null ? null : gazetteer.byCode(f[2]).orElse(null);
			boolean must = mustVisit.contains(code);
			if (!must && (region == null || destinations.stream().noneMatch(d -> gazetteer.isWithin(region, d)))) {
				continue;
			}
			Recommendations.Target t = targets.get(code);
			String chain = targetChain.get(code);
			List<String> reasons = new ArrayList<>();
			if (must) {
				reasons.add("必去企业");
			}
			if (t != null) {
				t.parts().forEach(p -> reasons.add(p.name() + "：" + p.evidence()));
			}
			WarmPaths.WarmPath path = warm.get(code);
			Region city = region == null ? null : city(region);
			String province = region == null ? null : gazetteer.byCode(region.code().substring(0, 2) + "0000").map(Region::name).orElse(null);
			TripPlan.Stop stop = new TripPlan.Stop(null, "enterprise", code, f[0], f[1], chain, chain == null ? null : chainNames.get(chain), null,
					city == null ? null : new TripPlan.City(city.code(), city.name()), city == null ? null : city.lng(),
					city == null ? null : city.lat(), null, reasons, t == null ? null : t.score(), path == null ? null : path.text(), null, must,
					null, province);
			if (city == null || city.lng() == null) {
				unlocated.add(stop);
				if (must) {
					warnings.add("必去企业 " + f[0] + "（" + code + "）的城市不详，未排入路线，见“位置不详”");
				}
				continue;
			}
			located.add(new Candidate(stop, must ? Double.MAX_VALUE : t == null ? 0 : t.score()));
		}
		located.sort(Comparator.comparingDouble(Candidate::priority).reversed().thenComparing(c -> c.stop().code()));

		// Referrers there: those who can open a door to a target on the list come first.
		Map<String, List<String>> opens = new HashMap<>();
		Map<String, Double> opensScore = new HashMap<>();
		for (Candidate c : located) {
			WarmPaths.WarmPath path = warm.get(c.stop().code());
			if (path != null) {
				for (WarmPaths.Hop hop : path.hops()) {
					for (WarmPaths.Node n : List.of(hop.from(), hop.to())) {
						if (n.home() && !"本地企业".equals(n.kind())) {
							opens.computeIfAbsent(n.ref(), k -> new ArrayList<>()).add(c.stop().name());
							opensScore.merge(n.ref(), Math.min(c.priority(), 1.0) * 0.9, Math::max);
						}
					}
				}
			}
		}
		List<Candidate> referrers = new ArrayList<>();
		graph.query("""
				MATCH (r:Referrer)-[:LOCATED_IN]->(g:Region)
				RETURN r.key AS key, r.name AS name, r.kind AS kind, r.address AS address, r.contact AS contact, g.code AS region
				ORDER BY r.sourceLine""", Map.of()).forEach(r -> {
			Region region = gazetteer.byCode(r.get("region").asString()).orElse(null);
			if (region == null || destinations.stream().noneMatch(d -> gazetteer.isWithin(region, d))) {
				return;
			}
			Region city = city(region);
			if (city.lng() == null) {
				return;
			}
			String key = r.get("key").asString();
			List<String> reasons = new ArrayList<>();
			List<String> can = opens.getOrDefault(key, List.of());
			if (!can.isEmpty()) {
				reasons.add("可引荐：" + String.join("、", new LinkedHashSet<>(can)));
			}
			reasons.add(r.get("kind").asString() + "，位于" + city.name());
			referrers.add(new Candidate(new TripPlan.Stop(null, "referrer", null, r.get("name").asString(), null, null, null,
					r.get("kind").asString(), new TripPlan.City(city.code(), city.name()), city.lng(), city.lat(), r.get("address").asString(null),
					reasons, null, null, r.get("contact").asString(null), false, null, null), opensScore.getOrDefault(key, 0.01)));
		});

		// Fill the days: everything must-visit, then by priority, dropping the least until the days hold it.
		int capacity = request.days() * TripDays.VISITS_PER_DAY;
		List<Candidate> all = new ArrayList<>(located);
		all.addAll(referrers);
		all.sort(Comparator.comparingDouble(Candidate::priority).reversed());
		List<Candidate> chosen = new ArrayList<>();
		List<Candidate> alternates = new ArrayList<>();
		for (Candidate c : all) {
			(c.priority() == Double.MAX_VALUE || chosen.size() < capacity ? chosen : alternates).add(c);
		}
		List<TripPlan.Day> days;
		while (true) {
			List<TripPlan.Stop> routed = TripDays.route(startPoint, ordered(chosen));
			days = TripDays.split(startPoint, routed);
			if (days.size() <= request.days()) {
				break;
			}
			int drop = -1;
			for (int i = chosen.size() - 1; i >= 0; i--) {
				if (chosen.get(i).priority() != Double.MAX_VALUE) {
					drop = i;
					break;
				}
			}
			if (drop < 0) {
				warnings.add("必去企业需要 " + days.size() + " 天，超过所选的 " + request.days() + " 天；行程按 " + days.size() + " 天安排");
				break;
			}
			alternates.add(0, chosen.remove(drop));
		}
		List<TripPlan.Stop> rankedEnterprises = located.stream().filter(chosen::contains).map(Candidate::stop).toList();
		List<TripPlan.Stop> routedAll = days.stream().flatMap(d -> d.stops().stream()).toList();
		// From the unrounded route, as the naive distance is, so that the two compare exactly.
		double distance = TripDays.naiveKm(startPoint, routedAll);
		List<TripPlan.Stop> rankedAll = new ArrayList<>(rankedEnterprises);
		chosen.stream().filter(c -> c.stop().kind().equals("referrer")).forEach(c -> rankedAll.add(c.stop()));
		double naive = TripDays.naiveKm(startPoint, rankedAll);
		TripPlan.Stop last = routedAll.isEmpty() ? null : routedAll.get(routedAll.size() - 1);
		double back = last == null ? 0 : TripRoute.km(new TripRoute.Point("", last.lng(), last.lat()), startPoint);
		long cities = routedAll.stream().map(s -> s.city().code()).distinct().count();
		String title = String.join("、", request.regions()) + " " + days.size() + " 天招商行程";
		boolean sample = !colors.isEmpty() && maps.map(colors.get(0).id()).map(m -> m.sample()).orElse(false);
		return new TripPlan("T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT), title,
				Instant.now().toString(), sample,
				new TripPlan.Request(List.copyOf(request.regions()), asked, request.days(), start.name(), mustVisit), start,
				TripDays.RULE, colors, days, unlocated.stream().map(TripPlan.Stop::unrouted).toList(),
				alternates.stream().map(c -> c.stop().unrouted()).toList(),
				new TripPlan.Totals(routedAll.size(), (int) cities, days.size(), TripDays.round(distance), TripDays.round(naive), TripDays.round(back)),
				warnings);
	}

	/** Within a city, referrers first (they open the doors), then by priority. */
	private static List<TripPlan.Stop> ordered(List<Candidate> chosen) {
		List<Candidate> sorted = new ArrayList<>(chosen);
		// Cities keep the order in which the ranked list first names them (the naive order the route improves on).
		Map<String, Integer> cityRank = new HashMap<>();
		chosen.forEach(c -> cityRank.putIfAbsent(c.stop().city().code(), cityRank.size()));
		sorted.sort(Comparator.comparingInt((Candidate c) -> cityRank.get(c.stop().city().code()))
			.thenComparing(c -> c.stop().kind().equals("referrer") ? 0 : 1)
			.thenComparing(Comparator.comparingDouble(Candidate::priority).reversed()));
		return sorted.stream().map(Candidate::stop).toList();
	}

	/** The prefecture-level city of a region, or the municipality; null when only the province is known. */
	private @Nullable Region city(Region region) {
		if (region.level() == Region.Level.PROVINCE) {
			return MUNICIPALITIES.contains(region.code()) ? region : null;
		}
		return gazetteer.cityOf(region);
	}

	private List<Region> destinations(@Nullable List<String> regions) {
		if (regions == null || regions.stream().allMatch(r -> r == null || r.isBlank())) {
			throw new IllegalArgumentException("请填写目的地 regions（省、市，或 长三角、珠三角、京津冀 等区域）");
		}
		List<Region> out = new ArrayList<>();
		for (String r : regions) {
			if (r == null || r.isBlank()) {
				continue;
			}
			Optional<List<Region>> group = groups.members(r.strip());
			if (group.isPresent()) {
				out.addAll(group.get());
				continue;
			}
			out.add(gazetteer.find(r).orElseThrow(() -> new IllegalArgumentException("regions 中的 '" + r + "' 不是已知的省、市、县或区域（"
					+ String.join("、", groups.names()) + "）")));
		}
		return out;
	}

	/** name, fullName, region code by enterprise code. */
	private Map<String, String[]> firms(Set<String> codes) {
		Map<String, String[]> out = new HashMap<>();
		graph.query("""
				MATCH (e:Enterprise) WHERE e.code IN $codes
				OPTIONAL MATCH (e)-[:LOCATED_IN]->(r:Region)
				RETURN e.code AS code, e.name AS name, e.fullName AS fullName, r.code AS region""", Map.of("codes", List.copyOf(codes)))
			.forEach(r -> out.put(r.get("code").asString(), new String[] { r.get("name").asString(""), r.get("fullName").asString(null),
					r.get("region").asString(null) }));
		return out;
	}
}
