package cn.chainscout.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lucene index in its own directory: one {@link IndexWriter} for the life of the application,
 * reads through a {@link SearcherManager} refreshed in the background. A missing or damaged index is
 * replaced by an empty one and reported as fresh, so the caller rebuilds it from the graph.
 */
final class IndexStore implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(IndexStore.class);

	private final Path dir;

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final ScheduledExecutorService refresher;

	private volatile boolean bulk;

	private final boolean fresh;

	private IndexStore(Path dir, Directory directory, IndexWriter writer, boolean fresh, long refreshMillis,
			java.util.function.Consumer<org.apache.lucene.index.IndexReader> warmer) throws IOException {
		this.dir = dir;
		this.directory = directory;
		this.writer = writer;
		this.fresh = fresh;
		this.searchers = new SearcherManager(writer, new org.apache.lucene.search.SearcherFactory() {
			@Override
			public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
					org.apache.lucene.index.IndexReader previousReader) {
				warmer.accept(reader);
				return new IndexSearcher(reader);
			}
		});
		this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "search-refresh-" + dir.getFileName());
			t.setDaemon(true);
			return t;
		});
		refresher.scheduleWithFixedDelay(this::refresh, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
	}

	static IndexStore open(Path dir, Analyzer analyzer, long refreshMillis) {
		return open(dir, analyzer, refreshMillis, reader -> {
		});
	}

	/**
	 * As {@link #open(Path, Analyzer, long)}, with {@code warmer} called on each new reader before
	 * queries see it (in the refreshing thread).
	 */
	static IndexStore open(Path dir, Analyzer analyzer, long refreshMillis,
			java.util.function.Consumer<org.apache.lucene.index.IndexReader> warmer) {
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
			IndexWriterConfig config = new IndexWriterConfig(analyzer)
				.setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
				.setRAMBufferSizeMB(64)
				.setCodec(new SearchCodec());
			IndexWriter writer = new IndexWriter(directory, config);
			if (fresh) {
				writer.commit();
			}
			return new IndexStore(dir, directory, writer, fresh, refreshMillis, warmer);
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

	boolean isFresh() {
		return fresh;
	}

	Path dir() {
		return dir;
	}

	IndexWriter writer() {
		return writer;
	}

	/**
	 * Writes a document whose {@code keyField} holds {@code key}. With {@code replace}, a document with
	 * the same key is removed first; without, none may exist (after {@link #deleteAll()}), which spares
	 * the index a delete per document.
	 */
	void write(String keyField, String key, org.apache.lucene.document.Document doc, boolean replace) {
		try {
			if (replace) {
				writer.updateDocument(new org.apache.lucene.index.Term(keyField, key), doc);
			}
			else {
				writer.addDocument(doc);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write to the search index in " + dir, ex);
		}
	}

	/** Removes the documents whose {@code keyField} holds one of {@code keys}. */
	void delete(String keyField, java.util.Collection<String> keys) {
		try {
			for (String key : keys) {
				writer.deleteDocuments(new org.apache.lucene.index.Term(keyField, key));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete from the search index in " + dir, ex);
		}
	}

	/**
	 * While on, the background refresh leaves searches on the reader they have (it only writes out what
	 * was indexed): for a rebuild, which would otherwise show a half-built index, and build facet tables
	 * for segments about to be merged away. {@link #commit()} still makes everything visible.
	 */
	void bulk(boolean on) {
		bulk = on;
	}

	void deleteAll() {
		try {
			writer.deleteAll();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot clear the search index in " + dir, ex);
		}
	}

	/**
	 * Merges the index into one segment and commits: after a rebuild from the graph, so that every
	 * query seeks each term once instead of once per segment (22 segments at 1M enterprises).
	 */
	void compact() {
		try {
			writer.forceMerge(1);
			commit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot merge the search index in " + dir, ex);
		}
	}

	void commit() {
		try {
			writer.commit();
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot commit the search index in " + dir, ex);
		}
	}

	int size() {
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
		if (bulk) {
			try {
				// Still written out on this thread, as a refresh would, so the indexing thread only analyses.
				writer.flush();
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Search index flush failed in {}: {}", dir, ex.toString());
			}
			return;
		}
		try {
			searchers.maybeRefresh();
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Search index refresh failed in {}: {}", dir, ex.toString());
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
