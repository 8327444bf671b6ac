package cn.chainscout.search;

import java.util.Collection;

/** An index that a rebuild empties and fills again from the graph. */
interface Refillable<D> {

	/** While on, searches keep the index as it was until the next commit. */
	void bulk(boolean on);

	void deleteAll();

	void index(Collection<D> documents);

	/** Merges into one segment and commits. */
	void compact();
}
