package cn.chainscout.referral;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chainscout.graph.Graph;
import cn.chainscout.system.ChinaTime;
import cn.chainscout.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;

/**
 * The project ledger (项目台账): a target enterprise's project moves 在谈 → 签约 → 开工 → 入库 → 投产 →
 * 达产. Each move is kept with who and when. Once a project is signed (签约 or later) the referrers
 * who brought it are credited ({@code (:Referrer)-[:CREDITED]->(:Project)}, 项目引荐人奖励), and its
 * enterprise is no longer recommended for that chain.
 */
@Service
public class Projects {

	public static final List<String> STAGES = List.of("在谈", "签约", "开工", "入库", "投产", "达产");

	/** Stages at which a project counts as landed. */
	public static final Set<String> LANDED = Set.of("签约", "开工", "入库", "投产", "达产");

	private final Graph graph;

	public Projects(Graph graph) {
		this.graph = graph;
	}

	/** A stage reached, with who recorded it and when. */
	public record Move(String stage, LocalDate date, String by, OffsetDateTime at) {
	}

	/** A referrer credited for a project. */
	public record Credit(String referrer, String kind, String stage, OffsetDateTime at) {
	}

	/** A move taken back (撤销): the move as it was, who took it back, why and when. */
	public record Correction(String stage, LocalDate date, String by, String undoneBy, String reason, OffsetDateTime at) {
	}

	public record Project(String id, String name, String enterprise, String enterpriseName, @Nullable String chain,
			@Nullable String chainName, String stage, @Nullable Double investmentYuan, List<String> referrers, List<Move> moves,
			List<Credit> credits, List<Correction> corrections) {

		/** The move that reached a stage, if the project has reached it. */
		public Optional<Move> reached(String stage) {
			return moves.stream().filter(m -> m.stage().equals(stage)).findFirst();
		}

		/** The latest move. */
		public Move latest() {
			return moves.get(moves.size() - 1);
		}

		/** The later stages the project can move to, in order. */
		public List<String> nextStages() {
			return STAGES.subList(STAGES.indexOf(stage) + 1, STAGES.size());
		}

		/** Whether the referrer has been credited for this project. */
		public boolean credited(String referrer) {
			return credits.stream().anyMatch(c -> c.referrer().equals(referrer));
		}
	}

	/** What a recruiter enters to open a project. */
	public record NewProject(@Nullable String name, @Nullable String enterprise, @Nullable String chain, @Nullable String stage,
			@Nullable Double investmentYuan, @Nullable List<String> referrers, @Nullable String by, @Nullable LocalDate date) {
	}

	public Project create(NewProject request) {
		String enterprise = required(request.enterprise(), "enterprise", "企业代码");
		String by = required(request.by(), "by", "登记人").replace('|', '/');
		String stage = request.stage() == null || request.stage().isBlank() ? "在谈" : stage(request.stage());
		if (request.investmentYuan() != null && !(request.investmentYuan() >= 0)) {
			throw new IllegalArgumentException("investmentYuan 的值 " + request.investmentYuan() + " 无效，应为不小于 0 的金额（元）");
		}
		List<String> referrers = request.referrers() == null ? List.of()
				: request.referrers().stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
		String id = newId();
		LocalDate date = happened(request.date());
		graph.write(tx -> {
			Record e = tx.run("MATCH (e:Enterprise {code: $code}) RETURN e.name AS name", Map.of("code", enterprise)).list().stream()
				.findFirst().orElseThrow(() -> new NotFoundException("没有代码为 " + enterprise + " 的企业"));
			if (request.chain() != null && !request.chain().isBlank()
					&& tx.run("MATCH (c:Chain {id: $id}) RETURN c", Map.of("id", request.chain())).list().isEmpty()) {
				throw new IllegalArgumentException("chain 的值 '" + request.chain() + "' 不是已知的产业链 id");
			}
			List<String> known = tx.run("MATCH (r:Referrer) WHERE r.key IN $keys RETURN r.key AS key", Map.of("keys", referrers)).list()
				.stream().map(r -> r.get("key").asString()).toList();
			List<String> unknown = referrers.stream().filter(r -> !known.contains(r)).toList();
			if (!unknown.isEmpty()) {
				throw new IllegalArgumentException("referrers 中的 " + String.join("、", unknown) + " 不在引荐人名单中");
			}
			String name = request.name() == null || request.name().isBlank() ? e.get("name").asString() + "项目" : request.name().strip();
			OffsetDateTime at = OffsetDateTime.now();
			insert(tx, id, name, enterprise, request.chain() == null || request.chain().isBlank() ? null : request.chain(),
					request.investmentYuan(), referrers, by, at, List.of(new Move(stage, date, by, at)));
			return null;
		});
		return get(id);
	}

	/**
	 * Writes a project from an office's earlier ledger, with the stages it has already reached, as
	 * {@link ProjectImport} has checked them: known enterprise, chain and referrers, moves in order, none
	 * in the future. Its referrers are credited at its first landed stage.
	 */
	String restore(String name, String enterprise, @Nullable String chain, @Nullable Double investmentYuan, List<String> referrers,
			String by, List<Move> moves) {
		String id = newId();
		graph.write(tx -> {
			insert(tx, id, name, enterprise, chain, investmentYuan, referrers, by, OffsetDateTime.now(), moves);
			return null;
		});
		return id;
	}

	/** {@code P} and 8 hex characters. */
	private static String newId() {
		return "P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
	}

	private static void insert(org.neo4j.driver.TransactionContext tx, String id, String name, String enterprise, @Nullable String chain,
			@Nullable Double investmentYuan, List<String> referrers, String by, OffsetDateTime at, List<Move> moves) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", id);
		p.put("name", name);
		p.put("enterprise", enterprise);
		p.put("chain", chain);
		p.put("stage", moves.get(moves.size() - 1).stage());
		p.put("investment", investmentYuan);
		p.put("referrers", referrers);
		p.put("by", by);
		p.put("at", at);
		p.put("moves", moves.stream().map(m -> String.join("|", m.stage(), m.date().toString(), m.by(), m.at().toString())).toList());
		tx.run("""
				MATCH (e:Enterprise {code: $enterprise})
				MERGE (p:Project {id: $id})
				SET p.name = $name, p.enterprise = $enterprise, p.chain = $chain, p.stage = $stage, p.investmentYuan = $investment,
				    p.createdBy = $by, p.createdAt = $at, p.moves = $moves
				MERGE (p)-[:FOR]->(e)
				WITH p
				UNWIND $referrers AS key
				MATCH (r:Referrer {key: key})
				MERGE (r)-[:BROUGHT]->(p)""", p).consume();
		moves.stream().filter(m -> LANDED.contains(m.stage())).findFirst().ifPresent(m -> credit(tx, id, m.stage(), by));
	}

	/** Moves a project to a later stage; going back is refused. */
	public Project advance(String id, @Nullable String stage, @Nullable String by, @Nullable LocalDate date) {
		String to = stage(required(stage, "stage", "阶段"));
		String who = required(by, "by", "经办人").replace('|', '/');
		Project current = get(id);
		if (STAGES.indexOf(to) <= STAGES.indexOf(current.stage())) {
			throw new IllegalArgumentException("项目 " + id + " 已在“" + current.stage() + "”阶段，不能改为“" + to + "”（阶段只能向后推进："
					+ String.join("→", STAGES) + "）");
		}
		LocalDate when = happened(date);
		Move last = current.latest();
		if (when.isBefore(last.date())) {
			throw new IllegalArgumentException("日期（date）" + when + " 早于项目 " + id + " 上一阶段“" + last.stage() + "”的日期 " + last.date()
					+ "，各阶段的日期应依次不早于前一阶段");
		}
		graph.write(tx -> {
			tx.run("""
					MATCH (p:Project {id: $id})
					WHERE p.stage <> $stage
					SET p.stage = $stage, p.moves = p.moves + [$stage + '|' + toString($date) + '|' + $by + '|' + toString($at)]""",
					Map.of("id", id, "stage", to, "date", when, "by", who, "at", OffsetDateTime.now())).consume();
			credit(tx, id, to, who);
			return null;
		});
		return get(id);
	}

	/**
	 * Takes back the latest move (撤销上一步), for a stage recorded by mistake, naming the stage it takes
	 * back so that a second click, a retry or a colleague's undo cannot take back one more: the project is back at the
	 * stage before, the move is kept as a correction with who took it back and why, and once the project is
	 * back before 签约 its referrers lose the credit. The registration itself cannot be taken back.
	 */
	public Project undo(String id, @Nullable String stage, @Nullable String by, @Nullable String reason) {
		String expected = stage(required(stage, "stage", "要撤销的阶段"));
		String who = required(by, "by", "经办人").replace('|', '/');
		String why = required(reason, "reason", "撤销原因").replace('|', '/');
		Project current = get(id);
		if (!current.stage().equals(expected)) {
			throw new IllegalArgumentException("项目 " + id + " 现在在“" + current.stage() + "”阶段，不是要撤销的“" + expected
					+ "”，未撤销（可能已被他人撤销或推进，请刷新后再看）");
		}
		if (current.moves().size() < 2) {
			throw new IllegalArgumentException("项目 " + id + " 只有登记时的“" + current.stage() + "”这一步，没有可撤销的推进");
		}
		Move last = current.latest();
		Move before = current.moves().get(current.moves().size() - 2);
		graph.write(tx -> {
			int changed = tx.run("""
					MATCH (p:Project {id: $id})
					WHERE size(p.moves) = $count AND p.stage = $expected
					SET p.moves = p.moves[0..-1], p.stage = $stage,
					    p.corrections = coalesce(p.corrections, []) + [$correction]""",
					Map.of("id", id, "count", current.moves().size(), "expected", expected, "stage", before.stage(), "correction",
							String.join("|", last.stage(), last.date().toString(), last.by(), who, why, OffsetDateTime.now().toString())))
				.consume().counters().propertiesSet();
			if (changed == 0) {
				throw new IllegalArgumentException("项目 " + id + " 刚被改动过，请刷新后再撤销");
			}
			if (!LANDED.contains(before.stage())) {
				tx.run("MATCH (:Referrer)-[c:CREDITED]->(:Project {id: $id}) DELETE c", Map.of("id", id)).consume();
			}
			return null;
		});
		return get(id);
	}

	/** Credits the project's referrers once it has landed; idempotent, the first landed stage is kept. */
	private static void credit(org.neo4j.driver.TransactionContext tx, String id, String stage, String by) {
		if (!LANDED.contains(stage)) {
			return;
		}
		tx.run("""
				MATCH (r:Referrer)-[:BROUGHT]->(p:Project {id: $id})
				MERGE (r)-[c:CREDITED]->(p)
				ON CREATE SET c.stage = $stage, c.at = $at, c.by = $by""",
				Map.of("id", id, "stage", stage, "at", OffsetDateTime.now(), "by", by)).consume();
	}

	public Project get(String id) {
		return find("MATCH (p:Project {id: $id})", Map.of("id", id)).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的项目"));
	}

	/** Projects of a chain, an enterprise and at a stage, each filter left out when null; newest first. */
	public List<Project> list(@Nullable String chain, @Nullable String enterprise, @Nullable String stage) {
		Map<String, Object> p = new HashMap<>();
		p.put("chain", chain);
		p.put("enterprise", enterprise);
		p.put("stage", stage == null ? null : stage(stage));
		return find("""
				MATCH (p:Project)
				WHERE ($chain IS NULL OR p.chain = $chain) AND ($enterprise IS NULL OR p.enterprise = $enterprise)
				  AND ($stage IS NULL OR p.stage = $stage)""", p);
	}

	/** The projects a referrer is credited for. */
	public List<Project> creditedTo(String referrer) {
		if (graph.query("MATCH (r:Referrer {key: $key}) RETURN r", Map.of("key", referrer)).isEmpty()) {
			throw new NotFoundException("没有名为 " + referrer + " 的引荐人");
		}
		return find("MATCH (:Referrer {key: $key})-[:CREDITED]->(p:Project)", Map.of("key", referrer));
	}

	/** Enterprises with a landed project in the chain (or in any chain when the project names none). */
	public Set<String> landed(String chain) {
		Set<String> out = new java.util.HashSet<>();
		graph.query("""
				MATCH (p:Project) WHERE p.stage IN $landed AND (p.chain IS NULL OR p.chain = $chain)
				RETURN p.enterprise AS code""", Map.of("landed", List.copyOf(LANDED), "chain", chain))
			.forEach(r -> out.add(r.get("code").asString()));
		return out;
	}

	private List<Project> find(String match, Map<String, Object> params) {
		List<Project> out = new ArrayList<>();
		graph.query(match + """

				MATCH (p)-[:FOR]->(e:Enterprise)
				OPTIONAL MATCH (chain:Chain {id: p.chain})
				OPTIONAL MATCH (r:Referrer)-[:BROUGHT]->(p)
				OPTIONAL MATCH (r)-[c:CREDITED]->(p)
				WITH p, e, chain, r, c ORDER BY r.key
				RETURN p{.*} AS p, e.name AS name, chain.name AS chainName, [x IN collect(r.key) WHERE x IS NOT NULL] AS referrers,
				       [x IN collect(CASE WHEN c IS NOT NULL THEN {referrer: r.key, kind: r.kind, stage: c.stage, at: c.at} END) WHERE x IS NOT NULL] AS credits
				ORDER BY p.createdAt DESC, p.id""", params).forEach(r -> {
			var p = r.get("p");
			List<Move> moves = p.get("moves").asList(v -> {
				String[] f = v.asString().split("\\|", 4);
				return new Move(f[0], LocalDate.parse(f[1]), f[2], OffsetDateTime.parse(f[3]));
			});
			List<Credit> credits = r.get("credits").asList(v -> new Credit(v.get("referrer").asString(), v.get("kind").asString(),
					v.get("stage").asString(), v.get("at").asOffsetDateTime()));
			List<Correction> corrections = p.get("corrections").isNull() ? List.of() : p.get("corrections").asList(v -> {
				String[] f = v.asString().split("\\|", 6);
				return new Correction(f[0], LocalDate.parse(f[1]), f[2], f[3], f[4], OffsetDateTime.parse(f[5]));
			});
			out.add(new Project(p.get("id").asString(), p.get("name").asString(), p.get("enterprise").asString(), r.get("name").asString(),
					p.get("chain").isNull() ? null : p.get("chain").asString(),
					r.get("chainName").isNull() ? null : r.get("chainName").asString(), p.get("stage").asString(),
					p.get("investmentYuan").isNull() ? null : p.get("investmentYuan").asDouble(), r.get("referrers").asList(v -> v.asString()),
					moves, credits, corrections));
		});
		return out;
	}

	/** The date of a move: today when left out; never later than today, as the ledger records what has happened. */
	private static LocalDate happened(@Nullable LocalDate date) {
		LocalDate today = ChinaTime.today();
		if (date != null && date.isAfter(today)) {
			throw new IllegalArgumentException("日期（date）" + date + " 晚于今天（" + today + "），台账只记已经发生的进展");
		}
		return date == null ? today : date;
	}

	/** A stage as given, checked against {@link #STAGES}. */
	static String stage(String text) {
		String s = text.strip();
		if (!STAGES.contains(s)) {
			throw new IllegalArgumentException("阶段（stage）'" + s + "' 无效，可填：" + String.join("、", STAGES));
		}
		return s;
	}

	private static String required(@Nullable String value, String param, String words) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("请填写" + words + "（" + param + "）");
		}
		return value.strip();
	}
}
