package cn.chainscout.signal.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chainscout.signal.SignalType;

/**
 * Which event a stretch of text reports, by keyword rules tried in order: the more specific first
 * (设立子公司 before 投资, 竞得土地 before 签约, 投产 before 开工), so one clause gives one event.
 * A firm that only attends someone else's event (出席…签约仪式, 见证) or denies it (否认, 并未) gets
 * no event from that clause.
 */
public final class EventRules {

	/** A rule: the type and what the text must contain. */
	record Rule(SignalType type, Pattern pattern) {
	}

	/** The event found, where its keyword is. */
	public record Found(SignalType type, int start, int end) {
	}

	static final List<Rule> RULES = List.of(
			rule(SignalType.NEW_ENTITY, "(设立|成立|注册成立|新设|组建)[^，。；]{0,12}(子公司|分公司|孙公司|合资公司|控股公司|全资子|公司)|(子公司|分公司)[^，。；]{0,6}(设立|成立|注册成立|揭牌)"),
			rule(SignalType.LAND, "竞得|摘得|拿地|摘牌|(受让|取得|购得)[^，。；]{0,10}(土地|地块|国有建设用地)|土地使用权[^，。；]{0,6}(竞买|出让)"),
			rule(SignalType.CONTRACT, "中标|成交候选人|(签订|签署|获得|斩获|收到|拿下)[^，。；]{0,12}(订单|采购合同|供货合同|销售合同|采购协议|供货协议|框架合同|合同)|大单|定点"),
			rule(SignalType.FINANCING, "融资(?!融券|租赁)|定增|定向增发|非公开发行|向特定对象发行|募集资金|募资|可转债|配股|(首次公开发行|IPO)|(成功|挂牌|正式|登陆[^，。；]{0,8})上市(?!公司)|上市(申请|交易|辅导|注册)|(天使|Pre-?[A-D]|[A-D]\\+?)轮"),
			rule(SignalType.PRODUCTION, "投产|量产|竣工投产|试生产|达产|下线|正式生产"),
			rule(SignalType.CONSTRUCTION, "开工|动工|奠基|开建|破土"),
			rule(SignalType.EXPANSION, "扩产|扩建|增资扩|扩能|增资|技改|二期|三期|产能提升|新增产能|扩大产能"),
			rule(SignalType.SIGNING, "签约|签署[^，。；]{0,12}(协议|备忘录)|签订[^，。；]{0,12}(协议|备忘录)|战略合作"),
			rule(SignalType.INVESTMENT, "投资(?!者|人|收益|损失|机构|建议|价值|评级|亮点|风险|策略|逻辑|关系)|落户|投建|入驻|布局建设|新建[^，。；]{0,10}(项目|基地|工厂|生产线)|建设[^，。；]{0,10}(项目|基地|工厂|生产线)"),
			rule(SignalType.HIRING, "招聘|招工|招募[^，。；]{0,4}(员工|人才)|用工需求|招贤纳士"));

	/** Attending or witnessing someone else's event; denials and rumours. */
	private static final Pattern NOT_THEIRS = Pattern.compile("出席|见证|参加|应邀|观摩|考察|调研|参观|走访|拜访|致辞|主持|否认|并未|未能|未曾|没有|暂无|不会|辟谣|传闻|澄清");

	/** An event word that only sets the scene: 在签约仪式上表示, 开工现场. */
	private static final Pattern SETTING_AFTER = Pattern.compile("^[^，。；]{0,2}(仪式上|大会上|会上|活动上|典礼上)");

	private EventRules() {
	}

	private static Rule rule(SignalType type, String regex) {
		return new Rule(type, Pattern.compile(regex));
	}

	/**
	 * The event {@code [from, to)} of the text reports about a firm named at {@code [mentionStart,
	 * mentionEnd)}: the first rule that matches there, unless a word between the firm and the keyword,
	 * or after the firm in its own clause, says the firm only attended it or denies it.
	 */
	public static Optional<Found> classify(String text, int from, int to, int mentionStart, int mentionEnd) {
		int clauseEnd = mentionEnd;
		while (clauseEnd < to && "，。；,;！？".indexOf(text.charAt(clauseEnd)) < 0) {
			clauseEnd++;
		}
		// The firm's own clause first: 柳工…正式签约，负责人表示将尽快开工 is a signing.
		Optional<Found> own = firstRule(text, from, clauseEnd, mentionStart, clauseEnd);
		return own.isPresent() || clauseEnd >= to ? own : firstRule(text, from, to, mentionStart, clauseEnd);
	}

	private static Optional<Found> firstRule(String text, int from, int to, int mentionStart, int clauseEnd) {
		String scope = text.substring(from, to);
		for (Rule rule : RULES) {
			Matcher m = rule.pattern().matcher(scope);
			while (m.find()) {
				int start = from + m.start();
				int lo = Math.max(from, Math.min(mentionStart, start));
				int hi = Math.min(to, Math.max(start, start < mentionStart ? clauseEnd : mentionStart));
				if (lo < hi && NOT_THEIRS.matcher(text.substring(lo, hi)).find()
						|| SETTING_AFTER.matcher(text.substring(from + m.end(), Math.min(to, from + m.end() + 8))).find()) {
					continue;
				}
				return Optional.of(new Found(rule.type(), start, from + m.end()));
			}
		}
		return Optional.empty();
	}
}
