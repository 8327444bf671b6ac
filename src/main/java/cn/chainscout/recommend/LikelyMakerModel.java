package cn.chainscout.recommend;

import java.util.List;
import java.util.Optional;

import cn.chainscout.graph.Graph;
import cn.chainscout.search.EnterprisesChanged;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The likely-makers model, read from the graph on first use and read again after enterprises change.
 * Its order comes from the learned trees ({@link LearnedLikelyMakers}), its explanation from the
 * linear parts.
 */
@Service
public class LikelyMakerModel {

	private final Graph graph;

	/** Read on first use, so that {@code evaluate --train-trees} runs while the bundled trees do not fit the features yet. */
	private volatile @Nullable LearnedLikelyMakers ranker;

	private volatile @Nullable MakerGraph makers;

	public LikelyMakerModel(Graph graph) {
		this.graph = graph;
	}

	@EventListener
	public void on(EnterprisesChanged change) {
		makers = null;
	}

	MakerGraph makers() {
		MakerGraph g = makers;
		if (g == null) {
			synchronized (this) {
				g = makers;
				if (g == null) {
					g = MakerGraph.read(graph);
					makers = g;
				}
			}
		}
		return g;
	}

	private LearnedLikelyMakers ranker() {
		LearnedLikelyMakers r = ranker;
		if (r == null) {
			r = LearnedLikelyMakers.bundled();
			ranker = r;
		}
		return r;
	}

	/** The likely makers of a product, or empty when the library has no such product. */
	public Optional<List<LikelyMakers.Candidate>> top(String product, int limit) {
		MakerGraph g = makers();
		Integer id = g.productIds.get(product);
		return id == null ? Optional.empty() : Optional.of(ranker().top(g, id, limit));
	}

	/** How many enterprises the graph links to the product (0 when unknown). */
	public int knownMakers(String product) {
		MakerGraph g = makers();
		Integer id = g.productIds.get(product);
		return id == null ? 0 : g.makers[id].length;
	}
}
