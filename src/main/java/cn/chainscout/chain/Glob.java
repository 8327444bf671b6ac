package cn.chainscout.chain;

/**
 * A chain-file glob: {@code *} stands for any run of characters (also none), every other
 * character for itself, matched against the whole name. Matched without regular expressions,
 * because every node's globs are tried on every product of the graph.
 */
final class Glob {

	private final String text;

	private final String[] parts;

	Glob(String text) {
		this.text = text;
		this.parts = java.util.Arrays.stream(text.split("\\*", -1)).toArray(String[]::new);
	}

	String text() {
		return text;
	}

	boolean isLiteral() {
		return parts.length == 1;
	}

	boolean matches(String name) {
		if (parts.length == 1) {
			return name.equals(text);
		}
		String first = parts[0];
		String last = parts[parts.length - 1];
		if (first.length() + last.length() > name.length() || !name.startsWith(first) || !name.endsWith(last)) {
			return false;
		}
		int from = first.length();
		int to = name.length() - last.length();
		for (int i = 1; i < parts.length - 1; i++) {
			String part = parts[i];
			if (part.isEmpty()) {
				continue;
			}
			int at = name.indexOf(part, from);
			if (at < 0 || at + part.length() > to) {
				return false;
			}
			from = at + part.length();
		}
		return true;
	}
}
