package cn.chainscout.signal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import cn.chainscout.crawl.Article;
import cn.chainscout.graph.Sources;
import cn.chainscout.region.Gazetteer;
import cn.chainscout.region.Region;
import cn.chainscout.signal.internal.EnterpriseName;
import cn.chainscout.signal.internal.NameDictionary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The saved articles of {@code src/test/resources/signal/} and the bundled enterprise names, without a graph. */
final class SignalFixtures {

	static final List<String> ARTICLES = List.of("tongcheng-signing", "catl-investment", "gotion-financing", "land-auction",
			"two-firms", "ambiguous");

	private SignalFixtures() {
	}

	/** A saved article: {@code key: value} header lines, a blank line, the text. */
	static Article article(String name) {
		String raw = resource("signal/" + name + ".txt");
		int split = raw.indexOf("\n\n");
		Map<String, String> header = new LinkedHashMap<>();
		for (String line : raw.substring(0, split).split("\n")) {
			int colon = line.indexOf(':');
			header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
		}
		String text = raw.substring(split + 2).strip();
		return new Article("fixture", header.get("url"), header.get("title"), LocalDate.parse(header.get("published")), text,
				Instant.parse(header.get("fetched")), Sources.sha256(text.getBytes(StandardCharsets.UTF_8)));
	}

	static String resource(String path) {
		try (InputStream in = SignalFixtures.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing test resource " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The names of the bundled listed companies as the import stores them: the first row of a code
	 * gives name and full name, later rows with other names are its former names.
	 */
	static List<EnterpriseName> bundledNames() {
		JsonMapper json = JsonMapper.builder().build();
		Map<String, EnterpriseName> byCode = new LinkedHashMap<>();
		try (InputStream in = new GZIPInputStream(SignalFixtures.class.getClassLoader().getResourceAsStream("data/chainkg/companies.jsonl.gz"))) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode row = json.readTree(line);
				String code = row.get("code").asString();
				EnterpriseName first = byCode.get(code);
				if (first == null) {
					byCode.put(code, new EnterpriseName(code, row.get("name").asString(), row.get("fullName").asString(), new ArrayList<>()));
				}
				else {
					for (String n : List.of(row.get("name").asString(), row.get("fullName").asString())) {
						if (!n.equals(first.name()) && !n.equals(first.fullName()) && !first.formerNames().contains(n)) {
							first.formerNames().add(n);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ArrayList<>(byCode.values());
	}

	static Set<String> placeNames(Gazetteer gazetteer) {
		Set<String> names = new HashSet<>();
		for (Region r : gazetteer.all()) {
			names.add(r.name());
			names.add(r.shortName());
		}
		return names;
	}

	static NameDictionary bundledDictionary(Gazetteer gazetteer) {
		return NameDictionary.build(bundledNames(), placeNames(gazetteer));
	}
}
