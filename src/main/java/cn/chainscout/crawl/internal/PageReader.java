package cn.chainscout.crawl.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import cn.chainscout.crawl.SourceDefinition.FieldRules;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Reads a fetched page: is it an article, a list of articles or something else (navigation, a
 * search form), and for an article its title, publication date and main text without navigation,
 * share bars and footers. Field rules from a source file say where things are; without them the
 * generic article mode finds the densest block of text.
 */
public final class PageReader {

	public enum Kind {
		ARTICLE, LIST, OTHER
	}

	/**
	 * @param links every link to follow, absolute, in page order
	 */
	public record Page(Kind kind, @Nullable String title, @Nullable LocalDate publishedOn, String text, List<String> links) {
	}

	/** Least text (characters without spaces) of an article's main block. */
	static final int MIN_ARTICLE_CHARS = 120;

	/** An anchor text at least this long reads like an article title in a list. */
	static final int TITLE_LINK_CHARS = 8;

	private static final Pattern BOILERPLATE = Pattern.compile(
			"(?i)(^|[\\s_-])(nav|navbar|menu|footer|foot|header|head|top|sidebar|side|breadcrumb|crumb|position|location|share|print|copyright|comment|related|relate|xgxw|tools?|banner|advert|ads?|login|search|pager|pagination)([\\s_-]|$)");

	private static final Pattern BOILERPLATE_LINE = Pattern.compile(
			"^[【\\[]?\\s*(打印本页|打印|关闭窗口|关闭|返回顶部|收藏|分享到|字体|字号|大|中|小)[\\s】\\]：:|/]*.*$");

	/** A short line of article metadata (date, source, author, views): not part of the text. */
	private static final Pattern META_LINE = Pattern.compile(
			"^[【\\[（(]?\\s*(发布时间|发布日期|发文日期|时间|日期|来源|作者|编辑|责任编辑|浏览次数|浏览|阅读|点击)\\s*[:：].*$");

	private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
			"section", "article", "blockquote", "ul", "ol", "dd", "dt", "center");

	private PageReader() {
	}

	public static Page read(Document doc, @Nullable FieldRules rules) {
		return rules == null ? generic(doc) : withRules(doc, rules);
	}

	// ---------------------------------------------------------------- generic article mode

	public static Page generic(Document doc) {
		List<String> links = links(doc.select(css("a[href]")));
		String title = title(doc);
		Document clean = doc.clone();
		clean.select(css("script, style, noscript, iframe, nav, header, footer, aside, form, select, input, button")).remove();
		LocalDate date = date(doc, clean);
		for (Element e : new ArrayList<>(clean.body() == null ? List.of() : clean.body().select(css("[class], [id]")))) {
			if (e != clean.body() && e.parent() != null && BOILERPLATE.matcher(e.className() + " " + e.id()).find()) {
				e.remove();
			}
		}
		Element block = mainBlock(clean);
		String text = block == null ? "" : paragraphs(block, title);
		int chars = text.replaceAll("\\s", "").length();
		double linkDensity = block == null ? 1 : linkDensity(block);
		long titleLinks = doc.select(css("a[href]")).stream().filter(a -> a.text().strip().length() >= TITLE_LINK_CHARS).count();
		Kind kind;
		if (title != null && chars >= MIN_ARTICLE_CHARS && linkDensity < 0.35) {
			kind = Kind.ARTICLE;
		}
		else if (titleLinks >= 5) {
			kind = Kind.LIST;
		}
		else {
			kind = Kind.OTHER;
		}
		return new Page(kind, kind == Kind.ARTICLE ? title : null, kind == Kind.ARTICLE ? date : null,
				kind == Kind.ARTICLE ? text : "", links);
	}

	/**
	 * The title: a heading the {@code <title>} repeats (the title tag usually adds the site name),
	 * the ArticleTitle meta tag government sites carry, or the first part of the title tag.
	 */
	static @Nullable String title(Document doc) {
		String meta = meta(doc, "ArticleTitle", "og:title");
		if (meta != null && meta.length() >= 4) {
			return meta;
		}
		String titleTag = doc.title().strip();
		String firstPart = null;
		for (String part : titleTag.split("\\s*(?:[-_|—–]{1,2}|\\s-\\s)\\s*")) {
			if (part.strip().length() >= 4) {
				firstPart = part.strip();
				break;
			}
		}
		Elements headings = doc.body() == null ? new Elements()
				: doc.body().select(css("h1, h2, h3, .title, .article-title, [class*=title], [id*=title]"));
		String firstH1 = null;
		for (Element h : headings) {
			String t = h.text().strip();
			if (t.length() < 4 || t.length() > 100 || h.select(css("a")).text().length() >= t.length() / 2) {
				continue;
			}
			// The title tag starts with the article title and ends with the site name, which a logo h1 repeats.
			if (titleTag.startsWith(t) || firstPart != null && t.startsWith(firstPart)) {
				return t;
			}
			if (firstH1 == null && h.tagName().equals("h1")) {
				firstH1 = t;
			}
		}
		if (firstPart != null) {
			return firstPart;
		}
		if (firstH1 != null) {
			return firstH1;
		}
		return titleTag.isEmpty() ? null : titleTag;
	}

	/** The date: meta tags, a {@code <time>}, a date after 发布时间, or the first date near the title. */
	static @Nullable LocalDate date(Document doc) {
		Document clean = doc.clone();
		clean.select(css("script, style, nav, header, footer")).remove();
		return date(doc, clean);
	}

	/** @param clean the page without scripts, navigation, headers and footers */
	private static @Nullable LocalDate date(Document doc, Document clean) {
		String meta = meta(doc, "PubDate", "publishdate", "article:published_time", "og:release_date", "pubdate", "date");
		if (meta != null) {
			Optional<LocalDate> d = Dates.find(meta);
			if (d.isPresent()) {
				return d.get();
			}
		}
		for (Element t : doc.select(css("time[datetime]"))) {
			Optional<LocalDate> d = Dates.find(t.attr("datetime"));
			if (d.isPresent()) {
				return d.get();
			}
		}
		if (clean.body() == null) {
			return null;
		}
		String text = clean.body().text();
		Optional<LocalDate> labelled = Dates.labelled(text);
		if (labelled.isPresent()) {
			return labelled.get();
		}
		Element h1 = clean.body().selectFirst(css("h1"));
		if (h1 != null && h1.parent() != null) {
			Optional<LocalDate> near = Dates.find(h1.parent().text());
			if (near.isPresent()) {
				return near.get();
			}
		}
		return Dates.find(text).orElse(null);
	}

	/** The element with the most own paragraph text, paragraphs counting for their parent and half for the grandparent. */
	static @Nullable Element mainBlock(Document doc) {
		if (doc.body() == null) {
			return null;
		}
		Map<Element, Double> scores = new IdentityHashMap<>();
		for (Element e : doc.body().select(css("p, div, td, section, article, span, font"))) {
			int own = ownTextLength(e);
			if (own < 20) {
				continue;
			}
			Element parent = e.tagName().equals("p") || e.tagName().equals("span") || e.tagName().equals("font") ? e.parent() : e;
			if (parent == null) {
				continue;
			}
			scores.merge(parent, (double) own, Double::sum);
			if (parent.parent() != null && parent != e) {
				scores.merge(parent.parent(), own / 2.0, Double::sum);
			}
		}
		Element best = null;
		double bestScore = 0;
		for (Map.Entry<Element, Double> s : scores.entrySet()) {
			double score = s.getValue() * (1 - linkDensity(s.getKey()));
			if (score > bestScore) {
				best = s.getKey();
				bestScore = score;
			}
		}
		return best;
	}

	private static int ownTextLength(Element e) {
		int n = 0;
		for (Node child : e.childNodes()) {
			if (child instanceof TextNode t) {
				n += t.text().strip().length();
			}
			else if (child instanceof Element c && (c.tagName().equals("span") || c.tagName().equals("font")
					|| c.tagName().equals("strong") || c.tagName().equals("b") || c.tagName().equals("em"))) {
				n += c.text().strip().length();
			}
		}
		return n;
	}

	static double linkDensity(Element e) {
		int all = e.text().length();
		if (all == 0) {
			return 1;
		}
		int links = 0;
		for (Element a : e.select(css("a"))) {
			links += a.text().length();
		}
		return (double) links / all;
	}

	/** The block's text, a line per paragraph, without share and print lines and without the title repeated. */
	static String paragraphs(Element block, @Nullable String title) {
		StringBuilder b = new StringBuilder();
		appendText(block, b);
		List<String> lines = new ArrayList<>();
		for (String line : b.toString().split("\n")) {
			String l = line.replace('\u00a0', ' ').replace('\u3000', ' ').strip().replaceAll("\\s{2,}", " ");
			if (l.isEmpty() || l.length() < 30 && (BOILERPLATE_LINE.matcher(l).matches() || META_LINE.matcher(l).matches())
					|| l.length() < 80 && META_LINE.matcher(l).matches() && Dates.find(l).isPresent() || l.equals(title)) {
				continue;
			}
			lines.add(l);
		}
		return String.join("\n", lines);
	}

	private static void appendText(Node node, StringBuilder b) {
		for (Node child : node.childNodes()) {
			if (child instanceof TextNode t) {
				b.append(t.text());
			}
			else if (child instanceof Element e) {
				boolean block = BLOCKS.contains(e.tagName());
				if (block) {
					b.append('\n');
				}
				appendText(e, b);
				if (block) {
					b.append('\n');
				}
			}
		}
	}

	private static @Nullable String meta(Document doc, String... names) {
		Elements metas = doc.select(css("meta[content]"));
		for (String name : names) {
			for (Element m : metas) {
				if ((m.attr("name").equalsIgnoreCase(name) || m.attr("property").equalsIgnoreCase(name)) && !m.attr("content").isBlank()) {
					return m.attr("content").strip();
				}
			}
		}
		return null;
	}

	private static final Map<String, Evaluator> SELECTORS = new ConcurrentHashMap<>();

	/** A CSS selector parsed once: jsoup's parser is costly next to matching a small page. */
	static Evaluator css(String selector) {
		return SELECTORS.computeIfAbsent(selector, QueryParser::parse);
	}

	private static List<String> links(Elements anchors) {
		Set<String> out = new LinkedHashSet<>();
		for (Element a : anchors) {
			String href = a.attr("abs:href");
			if (!href.isEmpty()) {
				out.add(href);
			}
		}
		return List.copyOf(out);
	}

	// ---------------------------------------------------------------- field rules

	public static Page withRules(Document doc, FieldRules rules) {
		Elements listLinks = rules.listLinks().isBlank() ? new Elements() : doc.select(css(rules.listLinks()));
		if (!listLinks.isEmpty()) {
			Elements anchors = new Elements();
			for (Element e : listLinks) {
				anchors.addAll(e.select(css("a[href]")));
			}
			List<String> links = new ArrayList<>(links(anchors));
			if (!rules.nextPage().isBlank()) {
				links.addAll(links(doc.select(css(rules.nextPage()))));
			}
			return new Page(Kind.LIST, null, null, "", List.copyOf(new LinkedHashSet<>(links)));
		}
		Element titleEl = rules.title().isBlank() ? null : doc.selectFirst(css(rules.title()));
		Element bodyEl = rules.body().isBlank() ? null : doc.selectFirst(css(rules.body()));
		if (titleEl == null || bodyEl == null) {
			return new Page(Kind.OTHER, null, null, "", List.of());
		}
		String title = titleEl.text().strip();
		if (!rules.titleStrip().isBlank()) {
			title = title.replaceAll(rules.titleStrip(), "").strip();
		}
		LocalDate date = null;
		if (!rules.date().isBlank()) {
			Element dateEl = doc.selectFirst(css(rules.date()));
			if (dateEl != null) {
				date = Dates.parse(dateEl.text(), rules.datePattern()).orElse(null);
			}
		}
		Element body = bodyEl.clone();
		body.select(css("script, style")).remove();
		for (String remove : rules.remove()) {
			body.select(css(remove)).remove();
		}
		return new Page(Kind.ARTICLE, title, date, paragraphs(body, title), List.of());
	}
}
