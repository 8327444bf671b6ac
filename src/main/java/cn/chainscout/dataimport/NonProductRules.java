package cn.chainscout.dataimport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells product names that are not products (平衡项目, 分部间抵销, 其他, 服务 …) from real ones, by the
 * rules of {@code graph-schema/vocabulary/non-products.tsv}.
 */
public final class NonProductRules {

	public static final String RESOURCE = "graph-schema/vocabulary/non-products.tsv";

	private final Map<String, String> exact = new HashMap<>();

	private final List<String[]> contains = new ArrayList<>();

	private final List<String[]> prefixes = new ArrayList<>();

	private NonProductRules() {
	}

	public static NonProductRules load() {
		InputStream in = NonProductRules.class.getClassLoader().getResourceAsStream(RESOURCE);
		if (in == null) {
			throw new IllegalStateException("Missing " + RESOURCE + " on the classpath");
		}
		NonProductRules rules = new NonProductRules();
		try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int lineNo = 0;
			while ((line = reader.readLine()) != null) {
				lineNo++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] parts = line.split("\t");
				if (parts.length != 3) {
					throw new IllegalStateException(RESOURCE + " line " + lineNo + ": expected reason<TAB>match<TAB>term, got '" + line + "'");
				}
				switch (parts[1]) {
					case "exact" -> rules.exact.put(parts[2], parts[0]);
					case "contains" -> rules.contains.add(new String[] { parts[2], parts[0] });
					case "prefix" -> rules.prefixes.add(new String[] { parts[2], parts[0] });
					default -> throw new IllegalStateException(RESOURCE + " line " + lineNo + ": match must be exact, contains or prefix, was '" + parts[1] + "'");
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rules;
	}

	/** @return the reason ({@code accounting}, {@code generic}, …) when the name is not a product */
	public Optional<String> nonProductReason(String name) {
		String clean = ProductNames.clean(name);
		String reason = exact.get(clean);
		if (reason != null) {
			return Optional.of(reason);
		}
		for (String[] rule : contains) {
			if (clean.contains(rule[0])) {
				return Optional.of(rule[1]);
			}
		}
		for (String[] rule : prefixes) {
			if (clean.startsWith(rule[0])) {
				return Optional.of(rule[1]);
			}
		}
		return Optional.empty();
	}
}
