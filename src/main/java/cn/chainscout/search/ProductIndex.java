package cn.chainscout.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product index: every real product that some enterprise makes, with its makers, so that a product
 * query shows the matching products and who makes them (锂电池隔膜 → 恩捷股份, 星源材质 …).
 */
public final class ProductIndex implements AutoCloseable, Refillable<ProductDocument> {

	static final String NAME = "name";

	static final String NAME_EXACT = "nameExact";

	static final String WORDS = "words";

	static final String MAKERS = "makers";

	static final String MAKER_COUNT = "makerCount";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final IndexStore store;

	private final Analyzer grams = SearchAnalyzers.cjkGrams();

	private ProductIndex(IndexStore store) {
		this.store = store;
	}

	public static ProductIndex open(Path dir, long refreshMillis) {
		Analyzer analyzer = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
				Map.of(NAME, SearchAnalyzers.cjkGrams(), WORDS, new SmartChineseAnalyzer()));
		return new ProductIndex(IndexStore.open(dir, analyzer, refreshMillis));
	}

	public boolean isFresh() {
		return store.isFresh();
	}

	public int size() {
		return store.size();
	}

	@Override
	public void index(Collection<ProductDocument> products) {
		write(products, true);
	}

	@Override
	public void add(Collection<ProductDocument> products) {
		write(products, false);
	}

	private void write(Collection<ProductDocument> products, boolean replace) {
		for (ProductDocument p : products) {
			Document doc = new Document();
			doc.add(new KeywordField(NAME_EXACT, p.name(), Field.Store.YES));
			doc.add(new TextField(NAME, p.name(), Field.Store.NO));
			doc.add(new TextField(WORDS, p.name(), Field.Store.NO));
			doc.add(new StoredField(MAKERS, JSON.writeValueAsString(p.makers())));
			doc.add(new StoredField(MAKER_COUNT, p.makerCount()));
			doc.add(new NumericDocValuesField(MAKER_COUNT, p.makerCount()));
			store.write(NAME_EXACT, p.name(), doc, replace);
		}
	}

	public void delete(Collection<String> names) {
		store.delete(NAME_EXACT, names);
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

	public void commit() {
		store.commit();
	}

	/** Merges into one segment and commits, after a rebuild. */
	@Override
	public void compact() {
		store.compact();
	}

	/**
	 * Products matching the text: the exact name first, then names sharing most of its character pairs
	 * or words.
	 */
	public List<ProductDocument> search(String text, int limit) {
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		b.add(new BoostQuery(new TermQuery(new Term(NAME_EXACT, text)), 20), BooleanClause.Occur.SHOULD);
		Query pairs = new QueryBuilder(grams).createMinShouldMatchQuery(NAME, text, text.length() <= 3 ? 1f : 0.7f);
		if (pairs != null) {
			b.add(new BoostQuery(pairs, 2), BooleanClause.Occur.SHOULD);
		}
		IndexSearcher searcher = store.acquire();
		try {
			TopDocs top = searcher.search(b.build(), limit);
			List<ProductDocument> out = new ArrayList<>();
			org.apache.lucene.index.StoredFields stored = searcher.storedFields();
			for (ScoreDoc sd : top.scoreDocs) {
				Document d = stored.document(sd.doc);
				List<ProductDocument.Maker> makers = List.of(JSON.readValue(d.get(MAKERS), ProductDocument.Maker[].class));
				out.add(new ProductDocument(d.get(NAME_EXACT), makers, d.getField(MAKER_COUNT).numericValue().longValue()));
			}
			return out;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			store.release(searcher);
		}
	}

	@Override
	public void close() {
		store.close();
	}
}
