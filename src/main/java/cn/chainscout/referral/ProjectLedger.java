package cn.chainscout.referral;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.chainscout.system.ChinaTime;
import cn.chainscout.web.Sheets;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * The project ledger (招商项目台账) as read with its filters: the projects shown, newest first, and how many
 * stand at each stage with how much investment.
 *
 * @param chain the chain filter, or null for all
 * @param stage the current-stage filter, or null for all
 * @param q the keyword filter, or null
 * @param period the reporting period, or null: with one, the ledger holds the projects that moved within
 *        it, and the stage filter and the totals are about stages reached within it
 * @param chains every chain, id → Chinese name
 * @param scope the projects of the chain and keyword filters, at every stage: what the totals by stage count
 * @param projects the projects shown: the scope at the stage filter
 */
public record ProjectLedger(@Nullable String chain, @Nullable String stage, @Nullable String q, @Nullable Period period,
		Map<String, String> chains, List<Projects.Project> scope, List<Projects.Project> projects) {

	/** A reporting period, each end inclusive, either end open (null). */
	public record Period(@Nullable LocalDate from, @Nullable LocalDate to) {

		boolean holds(LocalDate date) {
			return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
		}

		/** Whether the project reached the stage within the period. */
		boolean reached(Projects.Project p, String stage) {
			return p.reached(stage).map(m -> holds(m.date())).orElse(false);
		}

		/** Whether the project landed (first reached 签约 or a later stage) within the period. */
		boolean landed(Projects.Project p) {
			return p.moves().stream().filter(m -> Projects.LANDED.contains(m.stage())).findFirst().map(m -> holds(m.date())).orElse(false);
		}

		/** In words: 2026-01-01 至 2026-11-30, 2026-01-01 起, 2026-11-30 止. */
		public String words() {
			return from != null && to != null ? from + " 至 " + to : from != null ? from + " 起" : to + " 止";
		}
	}

	/** 1 亿元 in 元. */
	static final double YI = 1e8;

	static final List<String> COLUMNS = List.of("项目编号", "项目名称", "企业代码", "企业", "产业链", "当前阶段", "投资额（亿元）", "引荐人", "已记功引荐人",
			"登记人", "在谈", "签约", "开工", "入库", "投产", "达产", "最近进展", "更正记录");

	/**
	 * Projects standing at a stage now (or, with a period, that reached it within the period), and their
	 * investment in 亿元 (projects without an amount count as none).
	 */
	public record StageTotal(String stage, int projects, double investmentYi) {
	}

	/**
	 * One line per stage, in the order 在谈 → 达产, zeros included, over the {@link #scope()}: a stage
	 * filter picks the rows shown, not what the other stages hold.
	 */
	public List<StageTotal> stages() {
		List<StageTotal> out = new ArrayList<>();
		for (String s : Projects.STAGES) {
			List<Projects.Project> at = scope.stream().filter(p -> period == null ? p.stage().equals(s) : period.reached(p, s)).toList();
			out.add(new StageTotal(s, at.size(), yi(at)));
		}
		return out;
	}

	/**
	 * Projects shown that are signed or further on (签约 and later); with a period, those that landed
	 * within it: their first move to 签约 or later falls in the period.
	 */
	public int landed() {
		return (int) projects.stream().filter(p -> period == null ? Projects.LANDED.contains(p.stage()) : period.landed(p)).count();
	}

	/** The investment of the projects shown, in 亿元. */
	public double investmentYi() {
		return yi(projects);
	}

	private static double yi(List<Projects.Project> list) {
		return list.stream().map(Projects.Project::investmentYuan).filter(Objects::nonNull).mapToDouble(d -> d / YI).sum();
	}

	/** The filters in words, e.g. "产业链：新能源汽车；阶段：签约", or "全部项目". */
	public String filters() {
		List<String> parts = new ArrayList<>();
		if (chain != null) {
			parts.add("产业链：" + chains.getOrDefault(chain, chain));
		}
		if (period != null) {
			parts.add("期间：" + period.words());
		}
		if (stage != null) {
			parts.add(period == null ? "当前阶段：" + stage : "期间内到达：" + stage);
		}
		if (q != null) {
			parts.add("关键词：" + q);
		}
		return parts.isEmpty() ? "全部项目" : String.join("；", parts);
	}

	/** The ledger as an Excel workbook: the ledger itself, the totals by stage, and what was exported. */
	public byte[] workbook() {
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			Sheet ledger = Sheets.sheet(wb, "项目台账", COLUMNS, new int[] { 11, 24, 11, 14, 16, 8, 12, 20, 20, 12, 11, 11, 11, 11, 11, 11, 36, 40 });
			for (Projects.Project p : projects) {
				List<Object> cells = new ArrayList<>(List.of(p.id(), p.name(), p.enterprise(), p.enterpriseName(),
						p.chainName() != null ? p.chainName() : p.chain() != null ? p.chain() : "", p.stage()));
				cells.add(p.investmentYuan() == null ? null : p.investmentYuan() / YI);
				cells.add(String.join("、", p.referrers()));
				cells.add(String.join("、", p.referrers().stream().filter(p::credited).toList()));
				cells.add(p.moves().get(0).by());
				for (String s : Projects.STAGES) {
					cells.add(p.reached(s).map(Projects.Move::date).orElse(null));
				}
				Projects.Move last = p.latest();
				cells.add(last.date() + " " + last.stage() + "（" + last.by() + "）");
				cells.add(p.corrections().isEmpty() ? null : String.join("；", p.corrections().stream()
					.map(c -> "已撤销 " + c.stage() + " " + c.date() + "（" + c.undoneBy() + "：" + c.reason() + "）").toList()));
				Sheets.row(ledger, cells.toArray());
			}
			Sheets.decimals(ledger, COLUMNS.indexOf("投资额（亿元）"));
			Sheet totals = Sheets.sheet(wb, "阶段汇总", List.of(period == null ? "当前阶段" : "期间内到达的阶段", "项目数", "投资额（亿元）"),
					new int[] { 24, 10, 14 });
			for (StageTotal t : stages()) {
				Sheets.row(totals, t.stage(), t.projects(), t.investmentYi());
			}
			if (period == null) {
				Sheets.row(totals, "合计", scope.size(), yi(scope));
				Sheets.row(totals, "其中已签约（签约及以后）", (int) scope.stream().filter(p -> Projects.LANDED.contains(p.stage())).count(), null);
			}
			else {
				Sheets.row(totals, "期间内有进展的项目", scope.size(), yi(scope));
			}
			Sheets.decimals(totals, 2);
			Sheet about = Sheets.sheet(wb, "说明", List.of("说明"), new int[] { 100 });
			Sheets.row(about, "链探 ChainScout 招商项目台账，导出于 " + ChinaTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
					+ "（北京时间）");
			Sheets.row(about, "筛选：" + filters() + "，共 " + projects.size() + " 个项目，新登记的在前。"
					+ (stage == null ? "" : "“阶段汇总”不按阶段筛选，列出各阶段的项目。")
					+ (period == null ? "" : "“阶段汇总”为期间内到达各阶段的项目数：一个项目期间内到达几个阶段，就计入几个阶段。"));
			Sheets.row(about, "阶段依次为 " + String.join("→", Projects.STAGES) + "；“在谈”至“达产”各列为到达该阶段的日期，未到达的为空。");
			Sheets.row(about, "投资额以亿元计，未填投资额的项目不计入合计。签约及以后，项目的引荐人记引荐功（项目引荐人奖励）。");
			return Sheets.bytes(wb);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
