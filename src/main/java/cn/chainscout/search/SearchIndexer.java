package cn.chainscout.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps the index in step with the graph: rebuilds it when missing or stale, follows every change. */
@Component
public class SearchIndexer {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

	private final EnterpriseIndex index;

	/** Set once an index has been rebuilt in this process: "fresh at open" no longer says anything. */
	private boolean enterprisesRebuilt;

	private boolean productsRebuilt;

	private final EnterpriseDocuments documents;

	private final @org.jspecify.annotations.Nullable ProductIndex products;

	private final @org.jspecify.annotations.Nullable ProductDocuments productDocuments;

	public SearchIndexer(EnterpriseIndex index, EnterpriseDocuments documents) {
		this(index, documents, null, null);
	}

	@org.springframework.beans.factory.annotation.Autowired
	public SearchIndexer(EnterpriseIndex index, EnterpriseDocuments documents,
			@org.jspecify.annotations.Nullable ProductIndex products,
			@org.jspecify.annotations.Nullable ProductDocuments productDocuments) {
		this.index = index;
		this.documents = documents;
		this.products = products;
		this.productDocuments = productDocuments;
	}

	/**
	 * Rebuilds the index from the graph, unless this process already has (the start-up check rebuilds
	 * a missing index: a {@code reindex} into an empty directory would otherwise build it twice).
	 * @return documents in the index
	 */
	public synchronized long rebuildOnce() {
		return enterprisesRebuilt ? index.size() : rebuild();
	}

	/** Rebuilds the index from the graph. @return documents indexed */
	public synchronized long rebuild() {
		long start = System.nanoTime();
		// The product index comes from the same read: each firm's products and shares (MakerTally).
		MakerTally makers = products != null ? new MakerTally() : null;
		long count = refill(index, each -> documents.forEachPage(page -> {
			if (makers != null) {
				page.forEach(makers::add);
			}
			each.accept(page);
		}));
		enterprisesRebuilt = true;
		double seconds = (System.nanoTime() - start) / 1e9;
		log.info("Search index rebuilt from the graph: {} enterprises in {} s ({} docs/s), in {}", count,
				String.format("%.1f", seconds), Math.round(count / Math.max(seconds, 1e-3)), index.dir());
		if (makers != null) {
			rebuildProducts(makers::forEachPage);
		}
		return count;
	}

	private void rebuildProducts() {
		if (productDocuments != null) {
			rebuildProducts(productDocuments::forEachPage);
		}
	}

	private void rebuildProducts(java.util.function.Consumer<java.util.function.Consumer<List<ProductDocument>>> pages) {
		if (products == null) {
			return;
		}
		long start = System.nanoTime();
		long count = refill(products, pages);
		productsRebuilt = true;
		log.info("Product index rebuilt: {} products in {} s", count, String.format("%.1f", (System.nanoTime() - start) / 1e9));
	}

	/**
	 * Empties an index and fills it with every page the graph gives, in bulk mode: searches keep the
	 * index as it was until the new one is complete. The next page is read while this one is indexed.
	 * @return documents indexed
	 */
	private static <D> long refill(Refillable<D> target, java.util.function.Consumer<java.util.function.Consumer<List<D>>> pages) {
		AtomicLong count = new AtomicLong();
		target.bulk(true);
		try {
			target.deleteAll();
			Prefetch.<List<D>>run("search-read", pages, page -> {
				target.add(page);
				count.addAndGet(page.size());
			});
			target.compact();
		}
		finally {
			target.bulk(false);
		}
		return count.get();
	}

	/** Rebuilds when the index was missing or damaged, or does not hold what the graph holds. */
	public synchronized void rebuildIfStale() {
		long inGraph = documents.count();
		if (index.isFresh() && inGraph == 0) {
			return;
		}
		if ((index.isFresh() && !enterprisesRebuilt) || index.size() != inGraph) {
			log.info("Search index holds {} enterprises, the graph {}: rebuilding", index.size(), inGraph);
			rebuild();
		}
		else if (products != null && productDocuments != null
				&& ((products.isFresh() && !productsRebuilt) || products.size() != productDocuments.count())) {
			rebuildProducts();
		}
	}

	@EventListener
	public void on(EnterprisesChanged change) {
		if (change.all()) {
			rebuild();
			return;
		}
		reindex(change.codes());
	}

	/** Re-reads these enterprises from the graph; those gone from it leave the index. */
	public synchronized void reindex(Set<String> codes) {
		List<EnterpriseDocument> found = documents.byCodes(codes);
		List<String> gone = new ArrayList<>(codes);
		found.forEach(d -> gone.remove(d.code()));
		index.index(found);
		index.delete(gone);
		index.commit();
		if (products != null && productDocuments != null) {
			List<String> names = productDocuments.productsOf(codes);
			List<ProductDocument> current = productDocuments.byNames(names);
			List<String> unmade = new ArrayList<>(names);
			current.forEach(p -> unmade.remove(p.name()));
			products.index(current);
			products.delete(unmade);
			products.commit();
		}
	}
}
