package cn.chainscout.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of the enterprise library: one {@link IndexWriter} for the life of the application,
 * reads through a {@link SearcherManager} refreshed in the background, so a write is visible to searches
 * within {@code refreshMillis}. A missing or unreadable index is rebuilt, never served broken.
 */
public final class EnterpriseIndex implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EnterpriseIndex.class);

	static final FacetsConfig FACETS = new FacetsConfig();

	static {
		for (String dim : new String[] { Fields.INDUSTRY1, Fields.INDUSTRY2, Fields.INDUSTRY3 }) {
			FACETS.setMultiValued(dim, true);
		}
	}

	/** Products with at least this share of revenue count as the firm's main business. */
	static final double MAJOR_SHARE = 0.2;

	private final Path dir;

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final ScheduledExecutorService refresher;

	private final boolean fresh;

	private EnterpriseIndex(Path dir, Directory directory, IndexWriter writer, boolean fresh, long refreshMillis)
			throws IOException {
		this.dir = dir;
		this.directory = directory;
		this.writer = writer;
		this.fresh = fresh;
		this.searchers = new SearcherManager(writer, null);
		this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "search-index-refresh");
			t.setDaemon(true);
			return t;
		});
		refresher.scheduleWithFixedDelay(this::refresh, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Opens the index in {@code dir}; when there is none, or it fails a check, starts an empty one,
	 * which {@link #isFresh()} reports so that the caller rebuilds it from the graph.
	 */
	public static EnterpriseIndex open(Path dir, long refreshMillis) {
		try {
			Files.createDirectories(dir);
			Directory directory = FSDirectory.open(dir);
			boolean fresh = !healthy(directory, dir);
			if (fresh) {
				// The directory holds nothing but the index, and nothing the graph doesn't: start clean.
				for (String file : directory.listAll()) {
					directory.deleteFile(file);
				}
			}
			IndexWriterConfig config = new IndexWriterConfig(SearchAnalyzers.perField())
				.setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
				.setRAMBufferSizeMB(64);
			IndexWriter writer = new IndexWriter(directory, config);
			if (fresh) {
				writer.commit();
			}
			return new EnterpriseIndex(dir, directory, writer, fresh, refreshMillis);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the search index in " + dir, ex);
		}
	}

	private static boolean healthy(Directory directory, Path dir) {
		try {
			if (!DirectoryReader.indexExists(directory)) {
				log.info("No search index in {}; it will be built from the graph", dir);
				return false;
			}
			try (CheckIndex check = new CheckIndex(directory)) {
				check.setChecksumsOnly(true);
				if (!check.checkIndex().clean) {
					log.warn("Search index in {} is damaged; it will be rebuilt from the graph", dir);
					return false;
				}
			}
			return true;
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Search index in {} cannot be read ({}); it will be rebuilt from the graph", dir, ex.toString());
			return false;
		}
	}

	/** True when the index was created empty at open, because it was missing or damaged. */
	public boolean isFresh() {
		return fresh;
	}

	public Path dir() {
		return dir;
	}

	/** Adds or replaces these enterprises. */
	public void index(Collection<EnterpriseDocument> documents) {
		try {
			for (EnterpriseDocument d : documents) {
				writer.updateDocument(new Term(Fields.CODE, d.code()), FACETS.build(toLucene(d)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write to the search index in " + dir, ex);
		}
	}

	public void delete(Collection<String> codes) {
		try {
			for (String code : codes) {
				writer.deleteDocuments(new Term(Fields.CODE, code));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void deleteAll() {
		try {
			writer.deleteAll();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Makes what was written durable and visible now. */
	public void commit() {
		try {
			writer.commit();
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot commit the search index in " + dir, ex);
		}
	}

	public int size() {
		IndexSearcher s = acquire();
		try {
			return s.getIndexReader().numDocs();
		}
		finally {
			release(s);
		}
	}

	IndexSearcher acquire() {
		try {
			return searchers.acquire();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void release(IndexSearcher searcher) {
		try {
			searchers.release(searcher);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void refresh() {
		try {
			searchers.maybeRefresh();
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Search index refresh failed: {}", ex.toString());
		}
	}

	/** Text fields shown in highlights keep offsets in the postings, so highlighting needs no re-analysis. */
	static final org.apache.lucene.document.FieldType HIGHLIGHTED = new org.apache.lucene.document.FieldType(TextField.TYPE_STORED);

	static {
		HIGHLIGHTED.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		HIGHLIGHTED.freeze();
	}

	static Document toLucene(EnterpriseDocument d) {
		Document doc = new Document();
		doc.add(new KeywordField(Fields.CODE, d.code(), Field.Store.YES));
		doc.add(new StringField(Fields.CODE_DIGITS, d.code().replaceAll("\\..*$", ""), Field.Store.NO));
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
		StringBuilder nameSpellings = new StringBuilder();
		for (Pinyin.Variant v : Pinyin.variants(d.name())) {
			nameSpellings.append(v.full()).append(' ').append(v.initials()).append('\n');
		}
		doc.add(new StoredField(Fields.SPELLINGS, nameSpellings.toString()));
		Set<String> spellings = new LinkedHashSet<>();
		for (String source : List.of(d.name(), shortFullName(d.fullName()))) {
			for (Pinyin.Variant v : Pinyin.variants(source)) {
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
		return fullName.replaceAll("(集团)?(股份)?有限(责任)?公司$", "");
	}

	private static void facet(Document doc, String dim, String value) {
		if (value != null && !value.isEmpty()) {
			doc.add(new SortedSetDocValuesFacetField(dim, value));
			doc.add(new StringField(dim, value, Field.Store.YES));
		}
	}

	@Override
	public void close() {
		refresher.shutdownNow();
		try {
			searchers.close();
			writer.close();
			directory.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
