package cn.chainscout.signal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.chainscout.recommend.RecentActivity;
import org.springframework.stereotype.Component;

/**
 * The 动态 part of a target's score from its signals of the last year: each event counts by its kind
 * (签约, 投资, 扩产, 拿地, 开工 1.0; 融资, 设立子公司 0.8; 投产 0.7; 中标/订单 0.5; 招聘 0.3) times its
 * confidence times its freshness (1.0 within 90 days, falling to 0.3 at a year); the strength is the
 * sum, at most 1. Mentions and links under review do not count.
 */
@Component
public class SignalActivity implements RecentActivity {

	static final String RULE = "动态强度 = Σ（事件类别权重 × 置信度 × 时效），最多 1：签约、投资、扩产、拿地、开工 1.0，融资、设立子公司 0.8，投产 0.7，"
			+ "中标/订单 0.5，招聘 0.3；90 天内时效 1.0，之后逐日降到一年时的 0.3；只计近一年、已确认的事件。";

	private final Signals signals;

	public SignalActivity(Signals signals) {
		this.signals = signals;
	}

	static double kindWeight(SignalType type) {
		return switch (type) {
			case SIGNING, INVESTMENT, EXPANSION, LAND, CONSTRUCTION -> 1.0;
			case FINANCING, NEW_ENTITY -> 0.8;
			case PRODUCTION -> 0.7;
			case CONTRACT -> 0.5;
			case HIRING -> 0.3;
			case MENTION -> 0.0;
		};
	}

	static double freshness(LocalDate date, LocalDate today) {
		long days = Math.max(0, ChronoUnit.DAYS.between(date, today));
		return days <= 90 ? 1.0 : Math.max(0.3, 1.0 - 0.7 * (days - 90) / 275.0);
	}

	@Override
	public Map<String, Activity> recent(Collection<String> codes) {
		return recent(codes, LocalDate.now());
	}

	/** As of a given day. */
	public Map<String, Activity> recent(Collection<String> codes, LocalDate today) {
		Map<String, List<Signal>> byFirm = new LinkedHashMap<>();
		for (Signal s : signals.recentSignals(codes, today.minusDays(365))) {
			if (!s.review() && s.type() != SignalType.MENTION) {
				byFirm.computeIfAbsent(s.enterprise(), k -> new ArrayList<>()).add(s);
			}
		}
		Map<String, Activity> out = new HashMap<>();
		byFirm.forEach((code, list) -> {
			double strength = 0;
			for (Signal s : list) {
				strength += kindWeight(s.type()) * s.confidence() * freshness(LocalDate.parse(s.date()), today);
			}
			List<String> words = new ArrayList<>();
			for (Signal s : list.subList(0, Math.min(2, list.size()))) {
				words.add(s.date() + " " + s.typeName() + (s.amountYuan() == null ? "" : "（" + yuan(s.amountYuan()) + "）")
						+ (s.region() == null ? "" : "，" + s.region().name()) + "：" + s.title());
			}
			out.put(code, new Activity(Math.min(1, strength), String.join("；", words) + (list.size() > 2 ? "；共 " + list.size() + " 条" : "")));
		});
		return out;
	}

	static String yuan(long y) {
		return y >= 100_000_000 ? String.format(java.util.Locale.ROOT, "%.2f 亿元", y / 1e8).replace(".00 ", " ")
				: String.format(java.util.Locale.ROOT, "%d 万元", Math.round(y / 1e4));
	}
}
