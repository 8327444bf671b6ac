package cn.chainscout.signal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.chainscout.graph.Graph;
import cn.chainscout.signal.internal.SignalStore;
import org.springframework.stereotype.Service;

/** Reading signals: the API's search, the enterprise page's 投资动态, and the recommendations' 动态 part. */
@Service
public class Signals {

	private final SignalStore store;

	public Signals(Graph graph) {
		this.store = new SignalStore(graph);
	}

	public SignalPage search(SignalQuery query) {
		return store.search(query);
	}

	/**
	 * Events of these enterprises on or after {@code since}, newest first: no mere mentions and no
	 * links still under review. For the recommendations' 动态 part.
	 */
	public List<Signal> recentSignals(Collection<String> codes, LocalDate since) {
		if (codes.isEmpty()) {
			return List.of();
		}
		if (codes.size() <= 1000) {
			return store.recent(codes, since);
		}
		// A chain on a large graph has very many candidates and few of them have news: read the news, not the list.
		java.util.Set<String> wanted = codes instanceof java.util.Set<String> set ? set : new java.util.HashSet<>(codes);
		return store.recent(since).stream().filter(s -> wanted.contains(s.enterprise())).toList();
	}
}
