package cn.chainscout.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.search.IndexSearcher;

/**
 * The Lucene index of the enterprise library, one document per enterprise. A write is visible to
 * searches within {@code refreshMillis}; a missing or unreadable index is rebuilt, never served broken.
 */
public final class EnterpriseIndex implements AutoCloseable, Refillable<EnterpriseDocument> {

	static final FacetsConfig FACETS = new FacetsConfig();

	static {
		for (String dim : new String[] { Fields.INDUSTRY1, Fields.INDUSTRY2, Fields.INDUSTRY3 }) {
			FACETS.setMultiValued(dim, true);
		}
	}

	/** Products with at least this share of revenue count as the firm's main business. */
	static final double MAJOR_SHARE = 0.2;

	private final IndexStore store;

	private final FacetTables facetTables;

	private EnterpriseIndex(IndexStore store, FacetTables facetTables) {
		this.store = store;
		this.facetTables = facetTables;
	}

	/**
	 * Opens the index in {@code dir}; when there is none, or it fails a check, starts an empty one,
	 * which {@link #isFresh()} reports so that the caller rebuilds it from the graph.
	 */
	public static EnterpriseIndex open(Path dir, long refreshMillis) {
		FacetTables tables = new FacetTables();
		return new EnterpriseIndex(IndexStore.open(dir, SearchAnalyzers.perField(), refreshMillis, tables::warm), tables);
	}

	/** True when the index was created empty at open, because it was missing or damaged. */
	public boolean isFresh() {
		return store.isFresh();
	}

	FacetTables facetTables() {
		return facetTables;
	}

	public Path dir() {
		return store.dir();
	}

	/** Adds or replaces these enterprises. */
	@Override
	public void index(Collection<EnterpriseDocument> documents) {
		write(documents, true);
	}

	@Override
	public void add(Collection<EnterpriseDocument> documents) {
		write(documents, false);
	}

	private void write(Collection<EnterpriseDocument> documents, boolean replace) {
		try {
			for (EnterpriseDocument d : documents) {
				store.write(Fields.CODE, d.code(), FACETS.build(toLucene(d)), replace);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write to the search index in " + store.dir(), ex);
		}
	}

	public void delete(Collection<String> codes) {
		store.delete(Fields.CODE, codes);
	}

	@Override
	public void deleteAll() {
		store.deleteAll();
	}

	/** While on, searches keep the index as it was until the next commit: for a rebuild. */
	@Override
	public void bulk(boolean on) {
		store.bulk(on);
	}

	/** Makes what was written durable and visible now. */
	public void commit() {
		store.commit();
	}

	/** Merges into one segment and commits, after a rebuild. */
	@Override
	public void compact() {
		store.compact();
	}

	public int size() {
		return store.size();
	}

	IndexSearcher acquire() {
		return store.acquire();
	}

	void release(IndexSearcher searcher) {
		store.release(searcher);
	}

	/** Text fields shown in highlights keep offsets in the postings, so highlighting needs no re-analysis. */
	static final org.apache.lucene.document.FieldType HIGHLIGHTED = new org.apache.lucene.document.FieldType(TextField.TYPE_STORED);

	static {
		HIGHLIGHTED.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		HIGHLIGHTED.freeze();
	}

	private static final java.util.regex.Pattern EXCHANGE_SUFFIX = java.util.regex.Pattern.compile("\\..*$");

	private static final java.util.regex.Pattern LEGAL_FORM = java.util.regex.Pattern.compile("(集团)?(股份)?有限(责任)?公司$");

	static Document toLucene(EnterpriseDocument d) {
		Document doc = new Document();
		doc.add(new KeywordField(Fields.CODE, d.code(), Field.Store.YES));
		doc.add(new StringField(Fields.CODE_DIGITS, EXCHANGE_SUFFIX.matcher(d.code()).replaceAll(""), Field.Store.NO));
		doc.add(new Field(Fields.NAME, d.name(), HIGHLIGHTED));
		doc.add(new StringField(Fields.NAME_EXACT, d.name(), Field.Store.NO));
		doc.add(new Field(Fields.FULL_NAME, d.fullName(), HIGHLIGHTED));
		Set<String> aliases = new LinkedHashSet<>();
		for (String variant : d.aliases()) {
			String[] parts = variant.split(" / ");
			for (int i = 0; i < Math.min(2, parts.length); i++) {
				if (!parts[i].equals(d.name()) && !parts[i].equals(d.fullName())) {
					aliases.add(parts[i]);
				}
			}
		}
		for (String alias : aliases) {
			doc.add(new Field(Fields.ALIASES, alias, HIGHLIGHTED));
		}
		List<Pinyin.Variant> nameVariants = Pinyin.variants(d.name());
		StringBuilder nameSpellings = new StringBuilder();
		for (Pinyin.Variant v : nameVariants) {
			nameSpellings.append(v.full()).append(' ').append(v.initials()).append('\n');
		}
		doc.add(new StoredField(Fields.SPELLINGS, nameSpellings.toString()));
		Set<String> spellings = new LinkedHashSet<>();
		for (List<Pinyin.Variant> variants : List.of(nameVariants, Pinyin.variants(shortFullName(d.fullName())))) {
			for (Pinyin.Variant v : variants) {
				if (spellings.add(v.full())) {
					doc.add(new StringField(Fields.PINYIN, v.full(), Field.Store.NO));
				}
				if (spellings.add("#" + v.initials())) {
					doc.add(new StringField(Fields.INITIALS, v.initials(), Field.Store.NO));
				}
			}
		}
		StringBuilder products = new StringBuilder();
		StringBuilder major = new StringBuilder();
		for (EnterpriseDocument.ProductShare p : d.products()) {
			products.append(p.name()).append('；');
			if (p.share() != null && p.share() >= MAJOR_SHARE) {
				major.append(p.name()).append('；');
			}
		}
		doc.add(new Field(Fields.PRODUCTS, products.toString(), HIGHLIGHTED));
		doc.add(new TextField(Fields.PRODUCTS_WORDS, products.toString(), Field.Store.NO));
		doc.add(new TextField(Fields.MAJOR_PRODUCTS, major.toString(), Field.Store.NO));
		StringBuilder industryText = new StringBuilder();
		for (List<String> levels : d.industries()) {
			String[] dims = { Fields.INDUSTRY1, Fields.INDUSTRY2, Fields.INDUSTRY3 };
			for (int i = 0; i < Math.min(3, levels.size()); i++) {
				String value = levels.get(i);
				if (!value.isEmpty()) {
					doc.add(new SortedSetDocValuesFacetField(dims[i], value));
					doc.add(new StringField(dims[i], value, Field.Store.NO));
					industryText.append(value).append('；');
				}
			}
		}
		doc.add(new Field(Fields.INDUSTRY_TEXT, industryText.toString(), HIGHLIGHTED));
		doc.add(new TextField(Fields.REGION_TEXT, d.regionLabel(), Field.Store.NO));
		doc.add(new StoredField(Fields.REGION_NAME, d.regionLabel()));
		facet(doc, Fields.PROVINCE, d.province());
		facet(doc, Fields.CITY, d.city());
		facet(doc, Fields.EXCHANGE, d.exchange());
		// Size proxy until revenue figures exist: the breadth of its product line.
		doc.add(new NumericDocValuesField(Fields.SIZE, d.products().size()));
		doc.add(new IntPoint(Fields.SIZE, d.products().size()));
		return doc;
	}

	/** 宁德时代新能源科技股份有限公司 → 宁德时代新能源科技: the legal form says nothing in a search. */
	static String shortFullName(String fullName) {
		return LEGAL_FORM.matcher(fullName).replaceAll("");
	}

	private static void facet(Document doc, String dim, String value) {
		if (value != null && !value.isEmpty()) {
			doc.add(new SortedSetDocValuesFacetField(dim, value));
			doc.add(new StringField(dim, value, Field.Store.YES));
		}
	}

	@Override
	public void close() {
		store.close();
	}
}
