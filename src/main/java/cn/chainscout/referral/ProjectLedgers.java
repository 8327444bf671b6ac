package cn.chainscout.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.chainscout.chain.ChainMaps;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Reads the city's project ledger (招商项目台账) as a page or a workbook shows it: filtered, with its totals. */
@Service
public class ProjectLedgers {

	static final int MAX_QUERY = 50;

	private final Projects projects;

	private final ChainMaps chainMaps;

	public ProjectLedgers(Projects projects, ChainMaps chainMaps) {
		this.projects = projects;
		this.chainMaps = chainMaps;
	}

	/** The ledger with no period: see {@link #read(String, String, String, LocalDate, LocalDate)}. */
	public ProjectLedger read(@Nullable String chain, @Nullable String stage, @Nullable String q) {
		return read(chain, stage, q, null, null);
	}

	/**
	 * The projects of a chain, matching a keyword (project, enterprise, code or referrer), each filter left
	 * out when null. Without a period, the stage filter is the current stage. With a period (from, to, or
	 * both; inclusive), the ledger holds the projects that moved within it, and the stage filter is a stage
	 * reached within it: the month's or the year's new signings, whatever stage they stand at now.
	 *
	 * @throws IllegalArgumentException naming the parameter and its value when a filter is not valid
	 */
	public ProjectLedger read(@Nullable String chain, @Nullable String stage, @Nullable String q, @Nullable LocalDate from,
			@Nullable LocalDate to) {
		Map<String, String> chains = chainNames();
		if (chain != null && !chains.containsKey(chain)) {
			List<String> known = chains.entrySet().stream().map(c -> c.getValue() + "（" + c.getKey() + "）").toList();
			throw new IllegalArgumentException("产业链（chain）'" + chain + "' 不存在，可选：" + String.join("、", known));
		}
		String at = stage == null ? null : Projects.stage(stage);
		if (q != null && q.length() > MAX_QUERY) {
			throw new IllegalArgumentException("关键词（q）过长（" + q.length() + " 个字符），请不超过 " + MAX_QUERY + " 个字符");
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw new IllegalArgumentException("期间的开始日期（from）" + from + " 晚于结束日期（to）" + to);
		}
		List<Projects.Project> scope = projects.list(chain, null, null);
		if (q != null) {
			String needle = q.toLowerCase(Locale.ROOT);
			scope = scope.stream().filter(p -> matches(p, needle)).toList();
		}
		ProjectLedger.Period period = from == null && to == null ? null : new ProjectLedger.Period(from, to);
		if (period != null) {
			scope = scope.stream().filter(p -> p.moves().stream().anyMatch(m -> period.holds(m.date()))).toList();
		}
		List<Projects.Project> shown = at == null ? scope
				: scope.stream().filter(p -> period == null ? p.stage().equals(at) : period.reached(p, at)).toList();
		return new ProjectLedger(chain, at, q, period, chains, scope, shown);
	}

	/** A date given as text, for a filter: empty is none. */
	public static @Nullable LocalDate date(@Nullable String text, String param) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new IllegalArgumentException("日期（" + param + "）'" + text.strip() + "' 无效，应写成 2026-11-30 这样的格式");
		}
	}

	private static boolean matches(Projects.Project p, String needle) {
		return p.name().toLowerCase(Locale.ROOT).contains(needle) || p.enterpriseName().toLowerCase(Locale.ROOT).contains(needle)
				|| p.enterprise().toLowerCase(Locale.ROOT).contains(needle) || p.id().toLowerCase(Locale.ROOT).contains(needle)
				|| p.referrers().stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).contains(needle));
	}

	/** Chain id → Chinese name, in the order of the chain list page. */
	Map<String, String> chainNames() {
		return chainMaps.chainNames();
	}
}
