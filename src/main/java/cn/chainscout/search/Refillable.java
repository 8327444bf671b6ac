package cn.chainscout.search;

import java.util.Collection;

/** An index that a rebuild empties and fills again from the graph. */
interface Refillable<D> {

	/** While on, searches keep the index as it was until the next commit. */
	void bulk(boolean on);

	void deleteAll();

	void index(Collection<D> documents);

	/**
	 * Adds documents that are not in the index, as after {@link #deleteAll()}: cheaper than
	 * {@link #index}, which first removes any document with the same key.
	 */
	void add(Collection<D> documents);

	/** Merges into one segment and commits. */
	void compact();
}
