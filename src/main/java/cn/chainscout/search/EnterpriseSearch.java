package cn.chainscout.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Turns what a recruiter types into a Lucene query and runs it: every space-separated word must match
 * somewhere (安徽 包装 → a packaging firm in Anhui), each word as the best of a code, the exact short
 * name, name characters and character pairs (tolerating one wrong character), pinyin and initials
 * (with typo tolerance), products (main business weighted higher), industries and region.
 */
public final class EnterpriseSearch {

	static final String[] FACET_DIMS = { Fields.PROVINCE, Fields.CITY, Fields.INDUSTRY1, Fields.INDUSTRY2,
			Fields.INDUSTRY3, Fields.EXCHANGE };

	/**
	 * Matches counted one by one for the facets at most; above this a seeded random sample of this many
	 * is counted and scaled (a broad word such as 科技 matches hundreds of thousands of firms at 1M).
	 */
	static final int FACET_SAMPLE = 10_000;

	private static final Pattern CODE = Pattern.compile("(?i)^(\\d{6})(\\.(sz|sh|bj))?$");

	private static final Pattern DIGITS = Pattern.compile("^\\d{1,6}$");

	private static final String[] HIGHLIGHT_FIELDS = { Fields.NAME, Fields.FULL_NAME, Fields.ALIASES, Fields.PRODUCTS,
			Fields.INDUSTRY_TEXT };

	private final EnterpriseIndex index;

	private final @org.jspecify.annotations.Nullable ProductIndex products;

	private final Analyzer grams = SearchAnalyzers.cjkGrams();

	public EnterpriseSearch(EnterpriseIndex index) {
		this(index, null);
	}

	public EnterpriseSearch(EnterpriseIndex index, @org.jspecify.annotations.Nullable ProductIndex products) {
		this.index = index;
		this.products = products;
	}

	/**
	 * Products named by the query's Chinese words, best first, at most five. A word that is a firm's
	 * short name (宁德时代) is a search for that firm, not for products, and is left out.
	 */
	private List<ProductDocument> products(String q, java.util.Set<String> firmNames) {
		if (products == null) {
			return List.of();
		}
		java.util.Map<String, ProductDocument> found = new LinkedHashMap<>();
		for (String word : q.split(" ")) {
			if (Pinyin.hasHan(word) && word.length() >= 2 && !firmNames.contains(word)) {
				for (ProductDocument p : products.search(word, 5)) {
					found.putIfAbsent(p.name(), p);
				}
			}
		}
		return found.values().stream().limit(5).toList();
	}

	/** True while the index holds no enterprise at all (on a first start, until it is built). */
	public boolean isEmpty() {
		return index.size() == 0;
	}

	public SearchResult search(SearchRequest request) {
		SearchResult exact = search(request, false);
		// Spelling tolerance for pinyin costs a scan of the terms; only pay it when nothing matched.
		return exact.total() > 0 || !hasLatinWord(request.q()) ? exact : search(request, true);
	}

	private static boolean hasLatinWord(String q) {
		for (String word : q.split(" ")) {
			if (Pinyin.isLatin(word) && word.length() >= 5) {
				return true;
			}
		}
		return false;
	}

	private SearchResult search(SearchRequest request, boolean fuzzy) {
		IndexSearcher searcher = index.acquire();
		try {
			java.util.Set<String> firmNames = firmNames(request.q(), searcher.getIndexReader());
			Query query = query(request, fuzzy, firmNames);
			int wanted = request.page() * request.size();
			org.apache.lucene.facet.RandomSamplingFacetsCollector facets = new org.apache.lucene.facet.RandomSamplingFacetsCollector(FACET_SAMPLE, 42);
			TopDocs top = request.sort().equals("size")
					? FacetsCollector.search(searcher, query, wanted,
							new Sort(new SortField(Fields.SIZE, SortField.Type.INT, true), SortField.FIELD_SCORE), true, facets)
					: FacetsCollector.search(searcher, query, wanted, facets);
			ScoreDoc[] docs = top.scoreDocs;
			int from = Math.min(docs.length, (request.page() - 1) * request.size());
			ScoreDoc[] pageDocs = java.util.Arrays.copyOfRange(docs, from, docs.length);
			List<String> pieces = Highlights.pieces(request.q());
			List<NoteWord> noteWords = NoteWord.of(request.q());
			List<SearchResult.Hit> hits = new ArrayList<>();
			org.apache.lucene.index.StoredFields stored = searcher.storedFields();
			for (int i = 0; i < pageDocs.length; i++) {
				Document d = stored.document(pageDocs[i].doc);
				List<String> why = highlights(d, pieces);
				why.addAll(notes(noteWords, d));
				hits.add(new SearchResult.Hit(d.get(Fields.CODE), d.get(Fields.NAME), d.get(Fields.FULL_NAME),
						d.get(Fields.REGION_NAME), Float.isNaN(pageDocs[i].score) ? 0 : pageDocs[i].score, why));
			}
			return new SearchResult(top.totalHits.value, request.page(), request.size(), hits, facets(facets),
					estimated(facets), request.page() == 1 ? products(request.q(), firmNames) : List.of());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			index.release(searcher);
		}
	}

	/** Suggestions as one types: names, codes, pinyin and initials that start with the input. */
	public List<SearchResult.Hit> suggest(String prefix, int limit) {
		String p = prefix.strip();
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		if (DIGITS.matcher(p).matches()) {
			b.add(new PrefixQuery(new Term(Fields.CODE_DIGITS, p)), BooleanClause.Occur.SHOULD);
		}
		else if (Pinyin.isLatin(p)) {
			String lower = p.toLowerCase(Locale.ROOT);
			b.add(new BoostQuery(new PrefixQuery(new Term(Fields.INITIALS, lower)), 2), BooleanClause.Occur.SHOULD);
			b.add(new PrefixQuery(new Term(Fields.PINYIN, lower)), BooleanClause.Occur.SHOULD);
		}
		else {
			b.add(new BoostQuery(new PrefixQuery(new Term(Fields.NAME_EXACT, p)), 4), BooleanClause.Occur.SHOULD);
			b.add(gramsQuery(Fields.NAME, p, 1.0f), BooleanClause.Occur.SHOULD);
			b.add(new BoostQuery(gramsQuery(Fields.FULL_NAME, p, 1.0f), 0.5f), BooleanClause.Occur.SHOULD);
		}
		IndexSearcher searcher = index.acquire();
		try {
			TopDocs top = searcher.search(b.build(), limit);
			List<SearchResult.Hit> hits = new ArrayList<>();
			org.apache.lucene.index.StoredFields stored = searcher.storedFields();
			for (ScoreDoc sd : top.scoreDocs) {
				Document d = stored.document(sd.doc);
				hits.add(new SearchResult.Hit(d.get(Fields.CODE), d.get(Fields.NAME), d.get(Fields.FULL_NAME),
						d.get(Fields.REGION_NAME), sd.score, List.of()));
			}
			return hits;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			index.release(searcher);
		}
	}

	/** The query's Chinese words that are some firm's short name, looked up once a query. */
	static java.util.Set<String> firmNames(String q, IndexReader reader) throws IOException {
		java.util.Set<String> names = new java.util.HashSet<>();
		for (String word : q.split(" ")) {
			if (Pinyin.hasHan(word) && reader.docFreq(new Term(Fields.NAME_EXACT, word)) > 0) {
				names.add(word);
			}
		}
		return names;
	}

	Query query(SearchRequest request, boolean fuzzy, java.util.Set<String> firmNames) {
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		boolean any = false;
		for (String word : request.q().split(" ")) {
			if (word.isEmpty()) {
				continue;
			}
			all.add(wordQuery(word, fuzzy, firmNames.contains(word)), BooleanClause.Occur.MUST);
			any = true;
		}
		if (!any) {
			all.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
		}
		filter(all, Fields.PROVINCE, request.province());
		filter(all, Fields.CITY, request.city());
		filter(all, Fields.EXCHANGE, request.exchange());
		if (request.industry() != null) {
			BooleanQuery.Builder levels = new BooleanQuery.Builder();
			for (String dim : new String[] { Fields.INDUSTRY1, Fields.INDUSTRY2, Fields.INDUSTRY3 }) {
				levels.add(new TermQuery(new Term(dim, request.industry())), BooleanClause.Occur.SHOULD);
			}
			all.add(levels.build(), BooleanClause.Occur.FILTER);
		}
		return all.build();
	}

	private static void filter(BooleanQuery.Builder all, String field, String value) {
		if (value != null) {
			all.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
		}
	}

	private Query wordQuery(String word, boolean fuzzy, boolean firmName) {
		List<Query> ways = new ArrayList<>();
		ways.add(new BoostQuery(new TermQuery(new Term(Fields.CODE, word.toUpperCase(Locale.ROOT))), 100));
		var code = CODE.matcher(word);
		if (code.matches()) {
			ways.add(new BoostQuery(new TermQuery(new Term(Fields.CODE_DIGITS, code.group(1))), 100));
		}
		else if (DIGITS.matcher(word).matches() && word.length() >= 3) {
			ways.add(new BoostQuery(new PrefixQuery(new Term(Fields.CODE_DIGITS, word)), 20));
		}
		if (Pinyin.isLatin(word)) {
			String w = word.toLowerCase(Locale.ROOT);
			ways.add(new BoostQuery(new TermQuery(new Term(Fields.PINYIN, w)), 60));
			ways.add(new BoostQuery(new TermQuery(new Term(Fields.INITIALS, w)), 50));
			if (w.length() >= 2) {
				ways.add(new BoostQuery(new PrefixQuery(new Term(Fields.PINYIN, w)), 25));
				ways.add(new BoostQuery(new PrefixQuery(new Term(Fields.INITIALS, w)), 20));
			}
			if (fuzzy && w.length() >= 5) {
				ways.add(new BoostQuery(new FuzzyQuery(new Term(Fields.PINYIN, w), w.length() >= 9 ? 2 : 1, 1), 10));
			}
		}
		if (Pinyin.hasHan(word)) {
			ways.add(new BoostQuery(new TermQuery(new Term(Fields.NAME_EXACT, word)), 120));
			// A homophone typo (宁德时待) reads like the name it meant.
			List<Pinyin.Variant> readings = Pinyin.variants(word);
			for (Pinyin.Variant v : readings.subList(0, Math.min(4, readings.size()))) {
				if (v.full().length() >= 6) {
					ways.add(new BoostQuery(new TermQuery(new Term(Fields.PINYIN, v.full())), 40));
				}
			}
		}
		Grams g = grams(word);
		// A firm's short name (骏新能源) is a search for that firm and for the names that hold it
		// (深圳骏新能源科技): names and products count only when they hold all of the word's pairs, not
		// any name or product sharing most of them (骏新材料, 新能源). A word that is nobody's name keeps
		// the tolerance for one wrong character.
		double share = firmName ? 1.0 : 0.6;
		ways.add(gramsQuery(Fields.NAME, g, 14, share));
		ways.add(gramsQuery(Fields.FULL_NAME, g, 8, share));
		ways.add(gramsQuery(Fields.ALIASES, g, 5, share));
		ways.add(gramsQuery(Fields.MAJOR_PRODUCTS, g, 7, share));
		ways.add(gramsQuery(Fields.PRODUCTS, g, 4, share));
		// Industry and region names are short, fixed terms: every pair must be there. With most pairs,
		// a firm's name such as 源光电子 matched the whole 光学光电子 industry (9,000 firms at 1M).
		ways.add(gramsQuery(Fields.INDUSTRY_TEXT, g, 3, 1.0));
		ways.add(gramsQuery(Fields.REGION_TEXT, g, 5, 1.0));
		ways.removeIf(q -> q instanceof BooleanQuery bq && bq.clauses().isEmpty());
		return new DisjunctionMaxQuery(ways, 0.2f);
	}

	/** A word as the index's CJK analyser cuts it: character pairs, single characters, other words. */
	private record Grams(List<String> unigrams, List<String> bigrams, List<String> words) {
	}

	private Grams grams(String word) {
		List<String> unigrams = new ArrayList<>();
		List<String> bigrams = new ArrayList<>();
		List<String> words = new ArrayList<>();
		// The analyser cuts every field alike; the field name only picks its reused components.
		try (TokenStream ts = grams.tokenStream(Fields.NAME, word)) {
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			var type = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.TypeAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				String t = term.toString();
				switch (type.type()) {
					case "<DOUBLE>" -> bigrams.add(t);
					case "<SINGLE>", "<IDEOGRAPHIC>" -> unigrams.add(t);
					default -> words.add(t);
				}
			}
			ts.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Grams(unigrams, bigrams, words);
	}

	private Query gramsQuery(String field, String word, float boost) {
		return gramsQuery(field, grams(word), boost);
	}

	/**
	 * The word's character pairs (its single character when it has one) in a field; most pairs must be
	 * there, so one wrong character still finds the name.
	 */
	private static Query gramsQuery(String field, Grams g, float boost) {
		return gramsQuery(field, g, boost, 0.6);
	}

	/** As above, with {@code share} of the pairs required (all of them when there are two or fewer). */
	private static Query gramsQuery(String field, Grams g, float boost, double share) {
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		List<String> terms = g.bigrams().isEmpty() ? g.unigrams() : g.bigrams();
		for (String t : terms) {
			b.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD);
		}
		for (String w : g.words()) {
			b.add(new TermQuery(new Term(field, w)), BooleanClause.Occur.MUST);
		}
		if (!terms.isEmpty()) {
			b.setMinimumNumberShouldMatch(terms.size() <= 2 ? terms.size() : (int) Math.ceil(terms.size() * share));
		}
		BooleanQuery q = b.build();
		return q.clauses().isEmpty() ? q : new BoostQuery(q, boost);
	}

	/** Where the query's words appear in the firm's names, products and industries, each with its label. */
	private static List<String> highlights(Document d, List<String> pieces) {
		List<String> why = new ArrayList<>();
		for (String field : HIGHLIGHT_FIELDS) {
			String marked = null;
			switch (field) {
				case Fields.PRODUCTS, Fields.INDUSTRY_TEXT -> marked = Highlights.markItems(d.get(field), pieces);
				case Fields.ALIASES -> {
					for (String alias : d.getValues(field)) {
						marked = Highlights.mark(alias, pieces);
						if (marked != null) {
							break;
						}
					}
				}
				default -> marked = Highlights.mark(d.get(field), pieces);
			}
			if (marked != null) {
				why.add(label(field) + "：" + marked);
			}
		}
		return why;
	}

	/** A query word as the notes need it, read once a query rather than once a hit. */
	private record NoteWord(@org.jspecify.annotations.Nullable String codeDigits, @org.jspecify.annotations.Nullable String latin) {

		static List<NoteWord> of(String q) {
			List<NoteWord> words = new ArrayList<>();
			for (String word : q.split(" ")) {
				var m = CODE.matcher(word);
				if (m.matches()) {
					words.add(new NoteWord(m.group(1), null));
				}
				else if (DIGITS.matcher(word).matches() && word.length() >= 3) {
					words.add(new NoteWord(word, null));
				}
				else if (Pinyin.isLatin(word)) {
					words.add(new NoteWord(null, word.toLowerCase(Locale.ROOT)));
				}
			}
			return words;
		}
	}

	/** Reasons the highlighter cannot show: a code, pinyin or initials match. */
	private static List<String> notes(List<NoteWord> words, Document d) {
		List<String> notes = new ArrayList<>();
		if (words.isEmpty()) {
			return notes;
		}
		String code = d.get(Fields.CODE);
		List<Pinyin.Variant> spellings = null;
		for (NoteWord word : words) {
			if (word.codeDigits() != null) {
				if (code.startsWith(word.codeDigits())) {
					notes.add("代码：<em>" + escape(code) + "</em>");
				}
				continue;
			}
			String w = java.util.Objects.requireNonNull(word.latin());
			if (spellings == null) {
				spellings = storedSpellings(d);
			}
			for (Pinyin.Variant v : spellings) {
				if (v.initials().startsWith(w)) {
					notes.add("首字母：<em>" + v.initials() + "</em>（" + escape(d.get(Fields.NAME)) + "）");
					break;
				}
				if (v.full().startsWith(w) || FuzzyMatch.close(v.full(), w)) {
					notes.add("拼音：<em>" + v.full() + "</em>（" + escape(d.get(Fields.NAME)) + "）");
					break;
				}
			}
		}
		return notes;
	}

	private static List<Pinyin.Variant> storedSpellings(Document d) {
		String stored = d.get(Fields.SPELLINGS);
		if (stored == null) {
			return Pinyin.variants(d.get(Fields.NAME));
		}
		List<Pinyin.Variant> variants = new ArrayList<>();
		for (String line : stored.split("\n")) {
			int space = line.indexOf(' ');
			if (space > 0) {
				variants.add(new Pinyin.Variant(line.substring(0, space), line.substring(space + 1)));
			}
		}
		return variants;
	}

	private static String escape(String s) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(s);
	}

	private Map<String, List<SearchResult.FacetValue>> facets(org.apache.lucene.facet.RandomSamplingFacetsCollector collector)
			throws IOException {
		// Asking for the matching documents draws the sample; the rate is known after.
		List<FacetsCollector.MatchingDocs> docs = collector.getMatchingDocs();
		double scale = estimated(collector) ? 1 / collector.getSamplingRate() : 1;
		Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
		index.facetTables().count(docs, FACET_DIMS, 20, scale).forEach((dim, counts) -> out.put(dim,
				counts.stream().map(c -> new SearchResult.FacetValue(c.value(), c.count())).toList()));
		return out;
	}

	private static boolean estimated(org.apache.lucene.facet.RandomSamplingFacetsCollector collector) {
		double rate = collector.getSamplingRate();
		return rate > 0 && rate < 1;
	}

	private static String label(String field) {
		return switch (field) {
			case Fields.NAME -> "简称";
			case Fields.FULL_NAME -> "全称";
			case Fields.ALIASES -> "曾用名/别名";
			case Fields.PRODUCTS -> "产品";
			case Fields.INDUSTRY_TEXT -> "行业";
			default -> field;
		};
	}

	/** Edit distance at most 2, for explaining a fuzzy pinyin match. */
	static final class FuzzyMatch {

		private FuzzyMatch() {
		}

		static boolean close(String a, String b) {
			if (Math.abs(a.length() - b.length()) > 2) {
				return false;
			}
			int[] prev = new int[b.length() + 1];
			int[] cur = new int[b.length() + 1];
			for (int j = 0; j <= b.length(); j++) {
				prev[j] = j;
			}
			for (int i = 1; i <= a.length(); i++) {
				cur[0] = i;
				for (int j = 1; j <= b.length(); j++) {
					cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
				}
				int[] t = prev;
				prev = cur;
				cur = t;
			}
			return prev[b.length()] <= 2;
		}
	}
}
