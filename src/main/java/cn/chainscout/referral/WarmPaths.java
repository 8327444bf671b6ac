package cn.chainscout.referral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.chainscout.graph.Graph;
import org.springframework.stereotype.Service;

/**
 * Warm introduction paths (引荐路径): chains of 1 to 3 ties from the home side (the city's referrers
 * and local firms) to a target enterprise, each hop named, ranked by strength ({@link Ties#RULE}).
 * A local firm that is the same firm as a listed enterprise is one node, so ties stated against
 * either name meet.
 */
@Service
public class WarmPaths {

	public static final int MAX_HOPS = 3;

	private final Graph graph;

	public WarmPaths(Graph graph) {
		this.graph = graph;
	}

	/** One end of a hop: a referrer, a local firm or an enterprise. */
	public record Node(String ref, String name, String kind, boolean home) {

		String label() {
			return name + "（" + kind + "）";
		}
	}

	/**
	 * One tie on the way.
	 * @param forward true when the tie points from {@code from} to {@code to} as the file states it
	 * @param when the date the strength's time factor was read from, in words
	 */
	public record Hop(Node from, String relation, Node to, boolean forward, double strength, String when) {
	}

	/** A path from a home node to the target, the strongest first. */
	public record WarmPath(String target, double strength, List<Hop> hops, String text) {
	}

	private record Edge(String a, String b, Ties.Kind kind, double strength, String when) {
	}

	/** The ties of the home side as an undirected graph, read fresh for each question. */
	private final class TieGraph {

		final Map<String, Node> nodes = new HashMap<>();
		final Map<String, List<Edge>> edges = new HashMap<>();

		TieGraph() {
			LocalDate today = LocalDate.now();
			Map<String, String> alias = new HashMap<>();
			graph.query("MATCH (f:LocalFirm)-[:SAME_AS]->(e:Enterprise) RETURN f.key AS key, f.name AS name, e.code AS code", Map.of())
				.forEach(r -> {
					alias.put("E:" + r.get("code").asString(), "L:" + r.get("key").asString());
					nodes.put("L:" + r.get("key").asString(), new Node(r.get("key").asString(), r.get("name").asString(), "本地企业", true));
				});
			graph.query("""
					MATCH (a)-[t:%s]->(b)
					WHERE a:Referrer OR a:LocalFirm
					RETURN type(t) AS type, t.since AS since, t.lastContact AS last,
					       CASE WHEN a:Referrer THEN 'R:' + a.key ELSE 'L:' + a.key END AS a, a.name AS aName,
					       CASE WHEN a:Referrer THEN a.kind ELSE '本地企业' END AS aKind,
					       CASE WHEN b:Referrer THEN 'R:' + b.key WHEN b:LocalFirm THEN 'L:' + b.key ELSE 'E:' + b.code END AS b,
					       coalesce(b.name, b.code) AS bName,
					       CASE WHEN b:Referrer THEN b.kind WHEN b:LocalFirm THEN '本地企业' ELSE '企业' END AS bKind,
					       CASE WHEN b:Enterprise THEN b.code END AS bCode
					ORDER BY a, b, type""".formatted(Ties.typePattern()), Map.of()).forEach(r -> {
				String a = r.get("a").asString();
				String b = alias.getOrDefault(r.get("b").asString(), r.get("b").asString());
				nodes.putIfAbsent(a, new Node(a.substring(2), r.get("aName").asString(), r.get("aKind").asString(), true));
				if (!nodes.containsKey(b)) {
					boolean enterprise = b.startsWith("E:");
					nodes.put(b, new Node(b.substring(2), r.get("bName").asString(), r.get("bKind").asString(), !enterprise));
				}
				Ties.Kind kind = Ties.byType(r.get("type").asString()).orElseThrow();
				LocalDate last = r.get("last").isNull() ? null : r.get("last").asLocalDate();
				Integer since = r.get("since").isNull() ? null : r.get("since").asInt();
				double strength = kind.strength() * Ties.recency(last, since, today);
				String when = last != null ? "最近联系 " + last : since != null ? since + " 年起" : "时间不详";
				Edge e = new Edge(a, b, kind, strength, when);
				edges.computeIfAbsent(a, k -> new ArrayList<>()).add(e);
				edges.computeIfAbsent(b, k -> new ArrayList<>()).add(e);
			});
		}

		List<WarmPath> pathsTo(String code) {
			String target = nodes.containsKey("E:" + code) ? "E:" + code : null;
			if (target == null) {
				return List.of();
			}
			List<WarmPath> out = new ArrayList<>();
			List<Edge> trail = new ArrayList<>();
			List<String> visited = new ArrayList<>();
			visited.add(target);
			walk(code, target, trail, visited, out);
			out.sort(Comparator.comparingDouble(WarmPath::strength).reversed()
				.thenComparingInt(p -> p.hops().size())
				.thenComparing(WarmPath::text));
			return out;
		}

		/** Walks back from the target; every home node reached closes a path. */
		private void walk(String code, String at, List<Edge> trail, List<String> visited, List<WarmPath> out) {
			if (trail.size() == MAX_HOPS) {
				return;
			}
			for (Edge e : edges.getOrDefault(at, List.of())) {
				String next = e.a().equals(at) ? e.b() : e.a();
				if (visited.contains(next)) {
					continue;
				}
				trail.add(e);
				visited.add(next);
				if (nodes.get(next).home()) {
					out.add(path(code, trail, visited));
				}
				walk(code, next, trail, visited, out);
				trail.remove(trail.size() - 1);
				visited.remove(visited.size() - 1);
			}
		}

		/** The trail runs target → home; the path reads home → target. */
		private WarmPath path(String code, List<Edge> trail, List<String> visited) {
			List<Hop> hops = new ArrayList<>();
			double strength = 1;
			StringBuilder text = new StringBuilder(nodes.get(visited.get(visited.size() - 1)).label());
			for (int i = trail.size() - 1; i >= 0; i--) {
				Edge e = trail.get(i);
				String from = visited.get(i + 1);
				String to = visited.get(i);
				boolean forward = e.a().equals(from);
				hops.add(new Hop(nodes.get(from), e.kind().chinese(), nodes.get(to), forward, round(e.strength()), e.when()));
				strength *= e.strength();
				text.append(forward ? " —" + e.kind().chinese() + "→ " : " ←" + e.kind().chinese() + "— ").append(nodes.get(to).label());
			}
			return new WarmPath(code, round(strength), List.copyOf(hops), text.toString());
		}
	}

	/** The paths to one enterprise, strongest first. */
	public List<WarmPath> to(String code, int limit) {
		List<WarmPath> all = new TieGraph().pathsTo(code);
		return List.copyOf(all.subList(0, Math.min(limit, all.size())));
	}

	/** The strongest path to each of the enterprises that has one. */
	public Map<String, WarmPath> best(Collection<String> codes) {
		TieGraph g = new TieGraph();
		Map<String, WarmPath> out = new HashMap<>();
		// A chain on a large graph has far more candidates than the ties reach: walk the smaller side.
		Collection<String> asked = codes;
		if (codes.size() > g.nodes.size()) {
			java.util.Set<String> wanted = codes instanceof java.util.Set<String> set ? set : new java.util.HashSet<>(codes);
			asked = g.nodes.keySet().stream().filter(id -> id.startsWith("E:")).map(id -> id.substring(2)).filter(wanted::contains).toList();
		}
		for (String code : new LinkedHashSet<>(asked)) {
			List<WarmPath> paths = g.pathsTo(code);
			if (!paths.isEmpty()) {
				out.put(code, paths.get(0));
			}
		}
		return out;
	}

	/** Enterprises any warm path reaches. */
	public Set<String> reachable() {
		TieGraph g = new TieGraph();
		Set<String> out = new LinkedHashSet<>();
		for (String id : g.nodes.keySet()) {
			if (id.startsWith("E:") && !g.pathsTo(id.substring(2)).isEmpty()) {
				out.add(id.substring(2));
			}
		}
		return out;
	}

	static double round(double d) {
		return Math.round(d * 10000) / 10000.0;
	}
}
