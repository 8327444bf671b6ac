package cn.chainscout.signal.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.chainscout.crawl.Article;
import cn.chainscout.signal.SignalType;
import org.jspecify.annotations.Nullable;

/**
 * Reads the signals of one article: finds the firms it names, and for each mention reads the event
 * from its own sentence, from its clause up to the clause where another firm is named (so two firms
 * in one sentence get their own events). A sentence with no event word may continue in the next one
 * when that starts with 该公司, 项目, 其… and names no other firm. The amount, place and date come from
 * the same stretch of text; the place falls back to the sentence and then the title, the date to the
 * article's date. A firm with no event on the page gets one MENTION.
 */
public final class SignalExtractor {

	static final ZoneId CHINA = cn.chainscout.system.ChinaTime.ZONE;

	private static final int SNIPPET = 160;

	/** Labels that say an amount is the size of the event, preferred over other figures nearby. */
	private static final Set<String> SIZE_LABELS = Set.of("总投资", "总投资额", "投资总额", "投资", "注册资本", "注册资金", "融资",
			"募集资金", "募集资金总额", "募资", "成交价", "成交金额", "中标金额", "合同金额", "订单金额", "竞得价", "出让价");

	private static final Pattern CONTINUES = Pattern.compile("^[\\s“\"]*(该公司|公司|该项目|项目|此次|本次|其|据悉|据了解|该企业|企业|双方)");

	private final NameDictionary names;

	private final Places places;

	public SignalExtractor(NameDictionary names, Places places) {
		this.names = names;
		this.places = places;
	}

	public NameDictionary names() {
		return names;
	}

	private record Span(int start, int end) {
	}

	public List<ExtractedSignal> extract(Article article) {
		LocalDate articleDate = article.publishedOn() != null ? article.publishedOn()
				: article.fetchedAt().atZone(CHINA).toLocalDate();
		String text = article.text();
		List<NameDictionary.Mention> mentions = names.find(text);
		// Names of firms are no places (安徽合力), unless the link is unsure: 鄂尔多斯 may be the city.
		List<Places.Place> found = places.find(text, mask(text, mentions.stream().filter(m -> !m.review()).toList()));
		List<NameDictionary.Mention> titleMentions = names.find(article.title());
		Optional<Places.Place> titlePlace = Places.best(places.find(article.title(), mask(article.title(), titleMentions)), 0,
				article.title().length());
		List<Span> sentences = sentences(text);
		// News leads with the date (11月3日，…); later sentences without one mean that day.
		LocalDate leadDate = EventDates.find(text.substring(sentences.get(0).start(), sentences.get(0).end()), articleDate)
			.orElse(articleDate);
		Map<String, ExtractedSignal> byKey = new LinkedHashMap<>();
		int si = 0;
		for (int mi = 0; mi < mentions.size(); mi++) {
			NameDictionary.Mention m = mentions.get(mi);
			while (sentences.get(si).end() <= m.start()) {
				si++;
			}
			Span sentence = sentences.get(si);
			int from = clauseStart(text, sentence.start(), m.start());
			int to = sentence.end();
			for (int mj = mi + 1; mj < mentions.size() && mentions.get(mj).start() < sentence.end(); mj++) {
				NameDictionary.Mention other = mentions.get(mj);
				int otherClause = clauseStart(text, sentence.start(), other.start());
				if (!other.code().equals(m.code()) && otherClause > from) {
					to = otherClause;
					break;
				}
			}
			double closeness = 1.0;
			Optional<EventRules.Found> event = EventRules.classify(text, from, to, m.start(), m.end());
			Span scope = new Span(from, to);
			if (event.isEmpty() && to == sentence.end() && si + 1 < sentences.size()) {
				Span next = sentences.get(si + 1);
				boolean namesAnother = mentions.stream().anyMatch(o -> o.start() >= next.start() && o.start() < next.end());
				if (!namesAnother && CONTINUES.matcher(text.substring(next.start(), next.end())).find()) {
					event = EventRules.classify(text, next.start(), next.end(), next.start(), next.start());
					scope = next;
					closeness = 0.85;
				}
			}
			SignalType type = event.map(EventRules.Found::type).orElse(SignalType.MENTION);
			if (event.isPresent() && closeness == 1.0 && event.get().start() >= m.end()
					&& clauseStart(text, sentence.start(), event.get().start()) != clauseStart(text, sentence.start(), m.start())) {
				closeness = 0.95;
			}
			Long amount = type == SignalType.MENTION || type == SignalType.HIRING ? null : amount(text, scope);
			String region = type == SignalType.MENTION ? null
					: Places.best(found, scope.start(), scope.end())
						.or(() -> Places.best(found, sentence.start(), sentence.end()))
						.or(() -> titlePlace)
						.map(p -> p.region().code())
						.orElse(null);
			LocalDate date = EventDates.find(text.substring(scope.start(), scope.end()), articleDate)
				.or(() -> EventDates.find(text.substring(sentence.start(), sentence.end()), articleDate))
				.orElse(leadDate);
			double confidence = Math.round(m.confidence() * closeness * 100) / 100.0;
			String method = m.method() + (event.isPresent() ? "；事件词“" + text.substring(event.get().start(), event.get().end()) + "”"
					+ (closeness < 1 ? (closeness < 0.9 ? "（下一句）" : "（同句后一分句）") : "") : "；仅提及");
			ExtractedSignal signal = new ExtractedSignal(m.code(), type, amount, region, date, snippet(text, sentence, m),
					confidence, confidence < NameDictionary.REVIEW_BELOW, m.matched(), method);
			String key = m.code() + "|" + type;
			ExtractedSignal before = byKey.get(key);
			if (before == null || better(signal, before)) {
				byKey.put(key, signal);
			}
		}
		// Firms named only in the title.
		for (NameDictionary.Mention m : titleMentions) {
			if (byKey.keySet().stream().noneMatch(k -> k.startsWith(m.code() + "|"))) {
				byKey.put(m.code() + "|" + SignalType.MENTION, new ExtractedSignal(m.code(), SignalType.MENTION, null, null,
						leadDate, article.title(), m.confidence(), m.review(), m.matched(), m.method() + "；仅标题提及"));
			}
		}
		List<ExtractedSignal> signals = new ArrayList<>();
		for (ExtractedSignal s : byKey.values()) {
			boolean hasEvent = byKey.values().stream().anyMatch(o -> o.enterprise().equals(s.enterprise()) && o.type() != SignalType.MENTION);
			if (s.type() != SignalType.MENTION || !hasEvent) {
				signals.add(s);
			}
		}
		return signals;
	}

	/** A second mention of the same firm and type replaces the first only when surer, or equally sure with more facts. */
	private static boolean better(ExtractedSignal candidate, ExtractedSignal current) {
		if (candidate.confidence() != current.confidence()) {
			return candidate.confidence() > current.confidence();
		}
		return facts(candidate) > facts(current);
	}

	private static int facts(ExtractedSignal s) {
		return (s.amountYuan() != null ? 1 : 0) + (s.region() != null ? 1 : 0);
	}

	private static @Nullable Long amount(String text, Span scope) {
		List<Amounts.Amount> amounts = Amounts.find(text.substring(scope.start(), scope.end()));
		for (Amounts.Amount a : amounts) {
			if (SIZE_LABELS.contains(a.label())) {
				return a.yuan();
			}
		}
		return amounts.isEmpty() ? null : amounts.get(0).yuan();
	}

	private static boolean[] mask(String text, List<NameDictionary.Mention> mentions) {
		boolean[] mask = new boolean[text.length()];
		for (NameDictionary.Mention m : mentions) {
			for (int i = m.start(); i < m.end(); i++) {
				mask[i] = true;
			}
		}
		return mask;
	}

	/** Sentences end at 。！？ and line breaks; a closing quote stays with its sentence. */
	static List<Span> sentences(String text) {
		List<Span> spans = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '\n') {
				int end = i + 1;
				while (end < text.length() && (text.charAt(end) == '”' || text.charAt(end) == '’')) {
					end++;
				}
				spans.add(new Span(start, end));
				start = end;
				i = end - 1;
			}
		}
		if (start < text.length() || spans.isEmpty()) {
			spans.add(new Span(start, text.length()));
		}
		return spans;
	}

	private static int clauseStart(String text, int sentenceStart, int at) {
		int i = at;
		while (i > sentenceStart && "，,；;：:".indexOf(text.charAt(i - 1)) < 0) {
			i--;
		}
		return i;
	}

	private static String snippet(String text, Span sentence, NameDictionary.Mention m) {
		String s = text.substring(sentence.start(), sentence.end()).strip();
		if (s.length() <= SNIPPET) {
			return s;
		}
		int from = Math.max(sentence.start(), m.start() - SNIPPET / 3);
		int to = Math.min(sentence.end(), from + SNIPPET);
		return (from > sentence.start() ? "…" : "") + text.substring(from, to).strip() + (to < sentence.end() ? "…" : "");
	}
}
