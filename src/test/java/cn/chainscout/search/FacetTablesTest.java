package cn.chainscout.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory facet tables count exactly what Lucene's own doc-values counting counts, over several
 * segments (each with its own values), deleted documents, documents without a value, and a
 * multi-valued dimension; ties go to the value that sorts first.
 */
class FacetTablesTest {

	private static final String[] DIMS = { Fields.PROVINCE, Fields.INDUSTRY3 };

	@Test
	void countsAsLucenesDocValuesCountingDoes() throws Exception {
		Random random = new Random(7);
		String[] provinces = { "安徽省", "江苏省", "浙江省", "广东省", "福建省" };
		String[] industries = { "锂电池", "软包装", "家纺", "隔膜", "乘用车", "水处理" };
		try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
				IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE))) {
			FacetTables tables = new FacetTables();
			int id = 0;
			for (int segment = 0; segment < 4; segment++) {
				for (int i = 0; i < 200 + segment * 50; i++) {
					Document doc = new Document();
					doc.add(new StringField("id", String.valueOf(id++), Field.Store.NO));
					doc.add(new StringField("even", id % 2 == 0 ? "yes" : "no", Field.Store.NO));
					if (random.nextInt(10) > 0) {
						// later segments lean to later provinces, so each segment has its own ordinals
						doc.add(new SortedSetDocValuesFacetField(Fields.PROVINCE, provinces[Math.min(provinces.length - 1, random.nextInt(3) + segment / 2)]));
					}
					for (int k = random.nextInt(3); k > 0; k--) {
						doc.add(new SortedSetDocValuesFacetField(Fields.INDUSTRY3, industries[random.nextInt(industries.length)]));
					}
					w.addDocument(EnterpriseIndex.FACETS.build(doc));
				}
				w.commit();
				try (DirectoryReader reader = DirectoryReader.open(dir)) {
					tables.warm(reader); // a table per segment, built as a refresh would
				}
			}
			for (int i = 0; i < 60; i++) {
				w.deleteDocuments(new Term("id", String.valueOf(random.nextInt(id))));
			}
			w.commit();
			try (DirectoryReader reader = DirectoryReader.open(dir)) {
				assertThat(reader.leaves()).hasSizeGreaterThan(3);
				IndexSearcher searcher = new IndexSearcher(reader);
				for (Query q : new Query[] { new MatchAllDocsQuery(), new TermQuery(new Term("even", "yes")) }) {
					FacetsCollector fc = searcher.search(q, new FacetsCollectorManager());
					Map<String, List<FacetTables.Count>> ours = tables.count(fc.getMatchingDocs(), DIMS, 20, 1);
					assertThat(ours).isEqualTo(lucene(reader, fc));
					assertThat(ours.get(Fields.INDUSTRY3)).isNotEmpty();
				}
			}
		}
	}

	@Test
	void aSampleIsScaledAndNeverCountsBelowOne() throws Exception {
		try (ByteBuffersDirectory dir = new ByteBuffersDirectory(); IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
			for (int i = 0; i < 3; i++) {
				Document doc = new Document();
				doc.add(new SortedSetDocValuesFacetField(Fields.PROVINCE, i < 2 ? "安徽省" : "江苏省"));
				w.addDocument(EnterpriseIndex.FACETS.build(doc));
			}
			w.commit();
			try (DirectoryReader reader = DirectoryReader.open(dir)) {
				FacetsCollector fc = new IndexSearcher(reader).search(new MatchAllDocsQuery(), new FacetsCollectorManager());
				assertThat(new FacetTables().count(fc.getMatchingDocs(), DIMS, 20, 0.3).get(Fields.PROVINCE))
					.containsExactly(new FacetTables.Count("安徽省", 1), new FacetTables.Count("江苏省", 1));
				assertThat(new FacetTables().count(fc.getMatchingDocs(), DIMS, 1, 10).get(Fields.PROVINCE))
					.containsExactly(new FacetTables.Count("安徽省", 20));
			}
		}
	}

	private static Map<String, List<FacetTables.Count>> lucene(DirectoryReader reader, FacetsCollector fc) throws Exception {
		SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(
				new DefaultSortedSetDocValuesReaderState(reader, EnterpriseIndex.FACETS), fc);
		Map<String, List<FacetTables.Count>> out = new LinkedHashMap<>();
		for (String dim : DIMS) {
			List<FacetTables.Count> values = new ArrayList<>();
			FacetResult r = counts.getTopChildren(20, dim);
			if (r != null) {
				for (LabelAndValue lv : r.labelValues) {
					values.add(new FacetTables.Count(lv.label, lv.value.longValue()));
				}
			}
			out.put(dim, values);
		}
		return out;
	}
}
