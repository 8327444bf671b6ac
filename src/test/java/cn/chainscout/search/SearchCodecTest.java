package cn.chainscout.search;

import java.nio.file.Files;
import java.nio.file.Path;

import cn.chainscout.support.TestGraph;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search indexes' codec: found by name, written by the index stores, and an index written by
 * Lucene's default codec (before it existed) is read as it is and rewritten by a merge.
 */
class SearchCodecTest {

	@Test
	void lucenesLookupByNameFindsTheCodec() {
		assertThat(Codec.forName(SearchCodec.NAME)).isInstanceOf(SearchCodec.class);
	}

	@Test
	void anIndexOfTheDefaultCodecIsKeptReadAndMergedIntoTheNewOne() throws Exception {
		Path dir = Files.createTempDirectory("chainscout-codec");
		try {
			try (Directory d = FSDirectory.open(dir);
					IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
				w.addDocument(doc("old", "东方雨虹"));
				w.commit();
			}
			assertThat(codecs(dir)).containsExactly(Codec.getDefault().getName());
			try (IndexStore store = IndexStore.open(dir, new StandardAnalyzer(), 50)) {
				assertThat(store.isFresh()).isFalse();
				store.writer().addDocument(doc("new", "宁德时代"));
				store.commit();
				store.compact();
				IndexSearcher s = store.acquire();
				try {
					for (String key : new String[] { "old", "new" }) {
						TopDocs top = s.search(new TermQuery(new Term("key", key)), 1);
						assertThat(top.scoreDocs).hasSize(1);
						assertThat(s.storedFields().document(top.scoreDocs[0].doc).get("text"))
							.isEqualTo(key.equals("old") ? "东方雨虹" : "宁德时代");
					}
				}
				finally {
					store.release(s);
				}
			}
			assertThat(codecs(dir)).containsExactly(SearchCodec.NAME);
		}
		finally {
			TestGraph.deleteRecursively(dir);
		}
	}

	private static Document doc(String key, String text) {
		Document doc = new Document();
		doc.add(new StringField("key", key, Field.Store.NO));
		doc.add(new StoredField("text", text));
		return doc;
	}

	private static java.util.List<String> codecs(Path dir) throws Exception {
		try (Directory d = FSDirectory.open(dir)) {
			java.util.List<String> names = new java.util.ArrayList<>();
			for (SegmentCommitInfo info : SegmentInfos.readLatestCommit(d)) {
				names.add(info.info.getCodec().getName());
			}
			return names;
		}
	}
}
