package cn.chainscout.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The product index's documents, gathered from the enterprises a rebuild reads anyway: every real
 * product a firm makes, with the firm and its share. Reading the makers of every product from the graph
 * again took the product index most of its time (53.5 s at 1M firms, about half of it in Neo4j).
 * The documents are those {@link ProductDocuments} reads from the graph: the top
 * {@value ProductDocuments#TOP_MAKERS} makers by share (none counts as 0), then by code, and how many
 * firms make the product. Fed from one thread.
 */
final class MakerTally {

	static final Comparator<ProductDocument.Maker> ORDER = Comparator
		.comparingDouble((ProductDocument.Maker m) -> m.share() == null ? 0 : m.share()).reversed()
		.thenComparing(ProductDocument.Maker::code);

	private static final class Tally {

		long count;

		final List<ProductDocument.Maker> top = new ArrayList<>(4);
	}

	private final Map<String, Tally> byProduct = new HashMap<>();

	void add(EnterpriseDocument firm) {
		for (EnterpriseDocument.ProductShare p : firm.products()) {
			Tally t = byProduct.computeIfAbsent(p.name(), k -> new Tally());
			t.count++;
			ProductDocument.Maker maker = new ProductDocument.Maker(firm.code(), firm.name(), p.share());
			int at = t.top.size();
			while (at > 0 && ORDER.compare(maker, t.top.get(at - 1)) < 0) {
				at--;
			}
			if (at < ProductDocuments.TOP_MAKERS) {
				t.top.add(at, maker);
				if (t.top.size() > ProductDocuments.TOP_MAKERS) {
					t.top.remove(t.top.size() - 1);
				}
			}
		}
	}

	/** Calls {@code each} with the products in name order, in pages of {@value ProductDocuments#PAGE}. */
	void forEachPage(Consumer<List<ProductDocument>> each) {
		List<String> names = new ArrayList<>(byProduct.keySet());
		names.sort(null);
		for (int from = 0; from < names.size(); from += ProductDocuments.PAGE) {
			List<ProductDocument> page = new ArrayList<>();
			for (String name : names.subList(from, Math.min(names.size(), from + ProductDocuments.PAGE))) {
				Tally t = byProduct.get(name);
				page.add(new ProductDocument(name, List.copyOf(t.top), t.count));
			}
			each.accept(page);
		}
	}

	int products() {
		return byProduct.size();
	}
}
