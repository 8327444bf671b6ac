package cn.chainscout.recommend;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.chainscout.graph.Graph;
import cn.chainscout.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What recruiters record about a target: 有意向 (interested), 已接触 (contacted) or 不合适 (not a fit,
 * with a reason). Stored in the graph as {@code (:Feedback)-[:ABOUT]->(:Enterprise)} with the chain,
 * who and when. 不合适 takes the target off that chain's list; the history shows on the target.
 */
@Service
public class Feedback {

	public static final Set<String> STATUSES = Set.of("有意向", "已接触", "不合适");

	private final Graph graph;

	public Feedback(Graph graph) {
		this.graph = graph;
	}

	/** One record. */
	public record Entry(String id, String chain, String code, String status, @Nullable String reason, String by, OffsetDateTime at) {
	}

	public Entry record(String chain, String code, String status, @Nullable String reason, String by) {
		if (!STATUSES.contains(status)) {
			throw new IllegalArgumentException("status 的值 '" + status + "' 无效，可填：有意向、已接触、不合适");
		}
		if ("不合适".equals(status) && (reason == null || reason.isBlank())) {
			throw new IllegalArgumentException("标为“不合适”时请填写原因（reason）");
		}
		if (by == null || by.isBlank()) {
			throw new IllegalArgumentException("请填写记录人（by）");
		}
		Entry entry = new Entry(UUID.randomUUID().toString(), chain, code, status, reason == null || reason.isBlank() ? null : reason.strip(),
				by.strip(), OffsetDateTime.now());
		boolean written = graph.write(tx -> {
			if (tx.run("MATCH (c:Chain {id: $id}) RETURN c", Map.of("id", chain)).list().isEmpty()) {
				throw new NotFoundException("没有 id 为 '" + chain + "' 的产业链");
			}
			Map<String, Object> p = new HashMap<>();
			p.put("id", entry.id());
			p.put("chain", chain);
			p.put("code", code);
			p.put("status", status);
			p.put("reason", entry.reason());
			p.put("by", entry.by());
			p.put("at", entry.at());
			return !tx.run("""
					MATCH (e:Enterprise {code: $code})
					CREATE (f:Feedback {id: $id, chain: $chain, status: $status, by: $by, at: $at})-[:ABOUT]->(e)
					SET f.reason = $reason
					RETURN f.id""", p).list().isEmpty();
		});
		if (!written) {
			throw new NotFoundException("没有代码为 " + code + " 的企业");
		}
		return entry;
	}

	/** Every record for a chain's targets, newest first, by enterprise code. */
	public Map<String, List<Entry>> forChain(String chain) {
		Map<String, List<Entry>> out = new HashMap<>();
		graph.query("""
				MATCH (f:Feedback {chain: $chain})-[:ABOUT]->(e:Enterprise)
				RETURN f.id AS id, e.code AS code, f.status AS status, f.reason AS reason, f.by AS by, f.at AS at
				ORDER BY f.at DESC, f.id""", Map.of("chain", chain)).forEach(r -> out.computeIfAbsent(r.get("code").asString(), k -> new java.util.ArrayList<>())
			.add(new Entry(r.get("id").asString(), chain, r.get("code").asString(), r.get("status").asString(),
					r.get("reason").isNull() ? null : r.get("reason").asString(), r.get("by").asString(),
					r.get("at").asOffsetDateTime())));
		return out;
	}
}
