package cn.chainscout.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.jspecify.annotations.Nullable;

/**
 * Facet counts from a table in memory: for each segment, each firm's facet values (province, city,
 * industries, exchange) as small numbers, read once from the index's doc values when the segment is
 * first searched (or warmed by the index on refresh). Counting a page's matches is then an array
 * walk, where Lucene's doc-values counting decoded every value of every match for every query: at
 * 1M firms that was a fifth of a name search. About 36 bytes a firm.
 */
final class FacetTables {

	/** One segment's table: its distinct labels and, per document, the numbers of its labels. */
	private record Leaf(String[] dims, String[] values, int[] starts, int[] labels) {
	}

	private static final String FIELD = FacetsConfig.DEFAULT_INDEX_FIELD_NAME;

	private final Map<Object, Leaf> leaves = new WeakHashMap<>();

	/** Builds the tables of segments not seen yet, so that no query pays for it. */
	void warm(IndexReader reader) {
		for (LeafReaderContext leaf : reader.leaves()) {
			leaf(leaf.reader());
		}
	}

	/** A value of a dimension and how many matches have it. */
	record Count(String value, long count) {
	}

	/**
	 * The top values of each dimension over the collected matches, by count then by value, scaled by
	 * {@code scale} (a sampled collection counts a fraction of the matches).
	 */
	Map<String, List<Count>> count(List<FacetsCollector.MatchingDocs> hits, String[] dims, int top, double scale) {
		Map<String, Map<String, Long>> byDim = new HashMap<>();
		for (FacetsCollector.MatchingDocs md : hits) {
			if (md.totalHits == 0 || md.bits == null) {
				continue;
			}
			Leaf leaf = leaf(md.context.reader());
			if (leaf == null) {
				continue;
			}
			int[] counts = new int[leaf.values().length];
			try {
				DocIdSetIterator it = md.bits.iterator();
				if (it == null) {
					continue;
				}
				for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
					for (int j = leaf.starts()[doc]; j < leaf.starts()[doc + 1]; j++) {
						counts[leaf.labels()[j]]++;
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			for (int ord = 0; ord < counts.length; ord++) {
				if (counts[ord] > 0) {
					byDim.computeIfAbsent(leaf.dims()[ord], d -> new HashMap<>()).merge(leaf.values()[ord], (long) counts[ord], Long::sum);
				}
			}
		}
		Map<String, List<Count>> out = new LinkedHashMap<>();
		for (String dim : dims) {
			Map<String, Long> values = byDim.getOrDefault(dim, Map.of());
			List<Map.Entry<String, Long>> sorted = new ArrayList<>(values.entrySet());
			sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
			List<Count> counts = new ArrayList<>();
			for (Map.Entry<String, Long> e : sorted.subList(0, Math.min(top, sorted.size()))) {
				counts.add(new Count(e.getKey(), Math.max(1, Math.round(e.getValue() * scale))));
			}
			out.put(dim, counts);
		}
		return out;
	}

	private @Nullable Leaf leaf(LeafReader reader) {
		var helper = reader.getCoreCacheHelper();
		Object key = helper == null ? reader : helper.getKey();
		synchronized (leaves) {
			Leaf leaf = leaves.get(key);
			if (leaf == null && !leaves.containsKey(key)) {
				leaf = build(reader);
				leaves.put(key, leaf);
			}
			return leaf;
		}
	}

	private @Nullable Leaf build(LeafReader reader) {
		try {
			if (reader.getFieldInfos().fieldInfo(FIELD) == null) {
				return null;
			}
			SortedSetDocValues dv = DocValues.getSortedSet(reader, FIELD);
			int ords = (int) dv.getValueCount();
			String[] dims = new String[ords];
			String[] values = new String[ords];
			for (int ord = 0; ord < ords; ord++) {
				String[] path = FacetsConfig.stringToPath(dv.lookupOrd(ord).utf8ToString());
				dims[ord] = path[0];
				values[ord] = path.length > 1 ? path[1] : "";
			}
			int maxDoc = reader.maxDoc();
			int[] starts = new int[maxDoc + 1];
			int[] labels = new int[Math.max(16, maxDoc * 6)];
			int n = 0;
			int next = 0;
			for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
				while (next <= doc) {
					starts[next++] = n;
				}
				int count = dv.docValueCount();
				if (n + count > labels.length) {
					labels = Arrays.copyOf(labels, Math.max(n + count, labels.length + labels.length / 2));
				}
				for (int i = 0; i < count; i++) {
					labels[n++] = (int) dv.nextOrd();
				}
			}
			while (next <= maxDoc) {
				starts[next++] = n;
			}
			return new Leaf(dims, values, starts, Arrays.copyOf(labels, n));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the facet values of the search index", ex);
		}
	}
}
