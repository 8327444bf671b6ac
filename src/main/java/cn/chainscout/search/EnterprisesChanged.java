package cn.chainscout.search;

import java.util.Set;

/**
 * Published by whatever writes enterprises to the graph, so the search index follows: the listed codes
 * changed, or, with {@code all}, any may have (after an import).
 */
public record EnterprisesChanged(Set<String> codes, boolean all) {

	public static EnterprisesChanged everything() {
		return new EnterprisesChanged(Set.of(), true);
	}

	public static EnterprisesChanged of(Set<String> codes) {
		return new EnterprisesChanged(Set.copyOf(codes), false);
	}
}
