package cn.chainscout.dataimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.chainscout.graph.BatchWriter;
import cn.chainscout.graph.Graph;
import cn.chainscout.region.Gazetteer;
import cn.chainscout.region.Region;
import cn.chainscout.region.RegionResolver;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a data set in the chainkg format (companies, industries, products and their relations as
 * JSON Lines) into the graph through the driver, in batched idempotent writes, and reports every
 * quirk of the data on the way. Importing the same files twice leaves the same graph; an import that
 * was killed converges when run again.
 */
public final class ChainKgImporter {

	private static final Logger log = LoggerFactory.getLogger(ChainKgImporter.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static final String COMPANIES = "companies.jsonl";

	public static final String INDUSTRIES = "industries.jsonl";

	public static final String COMPANY_INDUSTRY = "company_industry.jsonl";

	public static final String INDUSTRY_UPSTREAM = "industry_upstream.jsonl";

	public static final String PRODUCTS = "products.jsonl";

	public static final String COMPANY_PRODUCT = "company_product.jsonl";

	public static final String PRODUCT_RELATIONS = "product_relations.jsonl";

	private static final Set<String> RELATION_TYPES = Set.of("UPSTREAM_MATERIAL", "SUBCLASS", "DOWNSTREAM_PRODUCT");

	private final Graph graph;

	private final BatchWriter writer;

	private final Gazetteer gazetteer;

	private final RegionResolver regions;

	private final NonProductRules nonProducts;

	private final BatchWriter.Progress progress;

	public ChainKgImporter(Graph graph, int batchSize, Gazetteer gazetteer, NonProductRules nonProducts,
			BatchWriter.Progress progress) {
		this(graph, batchSize, 2, gazetteer, nonProducts, progress);
	}

	/**
	 * @param writers how many batches are written at once
	 */
	public ChainKgImporter(Graph graph, int batchSize, int writers, Gazetteer gazetteer, NonProductRules nonProducts,
			BatchWriter.Progress progress) {
		this(graph, new BatchWriter(graph, batchSize, writers), gazetteer, nonProducts, progress);
	}

	public ChainKgImporter(Graph graph, BatchWriter writer, Gazetteer gazetteer, NonProductRules nonProducts,
			BatchWriter.Progress progress) {
		this.graph = graph;
		this.writer = writer;
		this.gazetteer = gazetteer;
		this.regions = new RegionResolver(gazetteer);
		this.nonProducts = nonProducts;
		this.progress = progress;
	}

	/**
	 * Imports the data set and writes its report and rejected rows under {@code reportDir}.
	 */
	public ImportReport importFrom(DataSetLocation location, Path reportDir) {
		String dataset = location.datasetId();
		idsByLabel.clear();
		ImportReport report = new ImportReport(dataset, location.describe());
		ZonedDateTime loadedAt = ZonedDateTime.now();
		log.info("Importing data set {} from {}", dataset, location.describe());
		// A killed import may have left a label's indexes aside: they come back before any MERGE needs them.
		cn.chainscout.graph.DeferredIndexes.restoreAll(graph);
		graph.write(tx -> tx.run("""
				MERGE (d:Dataset {id: $id})
				SET d.status = 'IMPORTING', d.startedAt = $at""",
				Map.of("id", dataset, "source", location.describe(), "at", loadedAt)).consume());

		Context ctx = new Context(dataset, loadedAt, report, new HashMap<>());
		try {
			importRegions(ctx);
			importIndustries(location, ctx);
			importCompanies(location, ctx);
			importProducts(location, ctx);
			importCompanyIndustries(location, ctx);
			importCompanyProducts(location, ctx);
			importProductRelations(location, ctx);
			importIndustryUpstream(location, ctx);
		}
		catch (RuntimeException | Error ex) {
			// Indexes still being built are let finish, so that a failed import leaves none aside.
			try {
				writer.awaitIndexes();
			}
			catch (RuntimeException again) {
				ex.addSuppressed(again);
			}
			throw ex;
		}
		writer.awaitIndexes();

		Path rejectsFile = writeRejects(reportDir, dataset, report);
		report.finish(rejectsFile.toString());
		String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report.toMap());
		writeFile(reportDir.resolve(dataset + "-import-report.json"), json);
		graph.write(tx -> tx.run("""
				MATCH (d:Dataset {id: $id})
				SET d.status = 'COMPLETE', d.completedAt = $at, d.report = $report, d.summary = $summary""",
				Map.of("id", dataset, "at", ZonedDateTime.now(), "report", json, "summary", report.summary())).consume());
		log.info("Import report:\n{}", report.summary());
		return report;
	}

	/** Shared state of one run. */
	private record Context(String dataset, ZonedDateTime loadedAt, ImportReport report, Map<String, Long> sources) {

		/** Parameters naming the source of the facts of a file: {@code $src}, plus extra pairs. */
		Map<String, Object> src(String file, Object... extra) {
			Long id = sources.get(file);
			if (id == null) {
				throw new IllegalStateException("No source recorded for " + file);
			}
			Map<String, Object> m = new HashMap<>();
			m.put("src", id);
			for (int i = 0; i + 1 < extra.length; i += 2) {
				m.put((String) extra[i], extra[i + 1]);
			}
			return m;
		}
	}

	private void importRegions(Context ctx) {
		recordSource(ctx, "gazetteer", Gazetteer.RESOURCE, gazetteer.sha256(), Gazetteer.SOURCE);
		List<Map<String, Object>> rows = new ArrayList<>();
		List<Map<String, Object>> links = new ArrayList<>();
		for (Region r : gazetteer.all()) {
			Map<String, Object> row = new HashMap<>();
			row.put("code", r.code());
			row.put("name", r.name());
			row.put("shortName", r.shortName());
			row.put("level", r.level().name());
			row.put("lng", r.lng());
			row.put("lat", r.lat());
			rows.add(row);
			if (r.parentCode() != null) {
				links.add(Map.of("code", r.code(), "parent", r.parentCode()));
			}
		}
		String regionProperties = """
				SET r.name = row.name, r.shortName = row.shortName, r.level = row.level,
				    r.location = CASE WHEN row.lng IS NULL THEN null
				                      ELSE point({longitude: row.lng, latitude: row.lat}) END,
				    r.src = $src""";
		write(ctx, "regions", false, nodes("Region", "code", "UNWIND $rows AS row\nMERGE (r:Region {code: row.code})" + regionProperties,
				"UNWIND $rows AS row\nCREATE (r:Region {code: row.code})" + regionProperties), rows, ctx.src(Gazetteer.RESOURCE));
		write(ctx, "region hierarchy", true, relationships("Region", "PART_OF", """
				UNWIND $rows AS row
				MATCH (r:Region {code: row.code})
				MATCH (p:Region {code: row.parent})
				MERGE (r)-[:PART_OF]->(p)"""), links, Map.of());
	}

	private Set<String> industryCodes = Set.of();

	private void importIndustries(DataSetLocation location, Context ctx) {
		Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
		Map<String, String> parents = new LinkedHashMap<>();
		Map<String, Long> parentLines = new HashMap<>();
		read(location, INDUSTRIES, ctx, row -> {
			String code = row.text("code");
			String name = row.text("name");
			String parent = row.optionalText("parent");
			if (rows.containsKey(code)) {
				throw new JsonlRows.BadRow("duplicate code", "industry '" + code + "' already defined");
			}
			Map<String, Object> m = new HashMap<>();
			m.put("code", code);
			m.put("name", name);
			m.put("line", row.line());
			rows.put(code, m);
			if (parent != null) {
				parents.put(code, parent);
				parentLines.put(code, row.line());
			}
		});
		List<Map<String, Object>> links = new ArrayList<>();
		parents.forEach((code, parent) -> {
			if (rows.containsKey(parent)) {
				links.add(Map.of("code", code, "parent", parent, "line", parentLines.get(code)));
			}
			else {
				ctx.report.quirk("industries with an unknown parent (kept without parent)", 1);
			}
		});
		// Level 1 has no parent; the level of the others is their depth.
		for (Map<String, Object> m : rows.values()) {
			int level = 1;
			String p = parents.get((String) m.get("code"));
			while (p != null && rows.containsKey(p) && level < 5) {
				level++;
				p = parents.get(p);
			}
			m.put("level", level);
		}
		industryCodes = rows.keySet();
		ctx.report.file(INDUSTRIES).imported = rows.size();
		write(ctx, "industries", false, nodes("Industry", "code", """
				UNWIND $rows AS row
				MERGE (i:Industry {code: row.code})
				ON CREATE SET i.src = $src
				SET i.name = row.name, i.level = row.level, i.sourceLine = row.line""", """
				UNWIND $rows AS row
				CREATE (i:Industry {code: row.code, src: $src, name: row.name, level: row.level,
				                    sourceLine: row.line})"""),
				new ArrayList<>(rows.values()), ctx.src(INDUSTRIES));
		write(ctx, "industry hierarchy", true, relationships("Industry", "PART_OF", """
				UNWIND $rows AS row
				MATCH (i:Industry {code: row.code})
				MATCH (p:Industry {code: row.parent})
				MERGE (i)-[r:PART_OF]->(p)
				ON CREATE SET r.src = $src
				SET r.sourceLine = row.line"""), links, ctx.src(INDUSTRIES));
	}

	private Set<String> companyCodes = Set.of();

	private void importCompanies(DataSetLocation location, Context ctx) {
		Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
		Map<String, List<String>> variants = new LinkedHashMap<>();
		long[] duplicateRows = { 0 };
		read(location, COMPANIES, ctx, row -> {
			String code = row.text("code");
			String name = row.text("name");
			String fullName = row.text("fullName");
			String exchange = row.optionalText("exchange");
			String listedOnText = row.optionalText("listedOn");
			LocalDate listedOn = null;
			if (listedOnText != null) {
				try {
					listedOn = LocalDate.parse(listedOnText);
				}
				catch (DateTimeParseException ex) {
					throw new JsonlRows.BadRow("wrong type", "'listedOn' must be an ISO date (yyyy-MM-dd) or null, was '" + listedOnText + "'");
				}
			}
			if (listedOn == null) {
				ctx.report.quirk("company rows without a listing date", 1);
			}
			Map<String, Object> first = rows.get(code);
			if (first != null) {
				duplicateRows[0]++;
				// Kept only for codes that repeat: the first row's variant, then each different one.
				List<String> seen = variants.computeIfAbsent(code, k -> new ArrayList<>(List.of(variant(first))));
				String variant = variant(name, fullName, exchange, listedOn);
				if (seen.stream().noneMatch(v -> v.startsWith(variant + " @"))) {
					seen.add(variant + " @" + COMPANIES + ":" + row.line());
				}
				return;
			}
			if (listedOn == null) {
				ctx.report.quirk("enterprises without a listing date (kept missing)", 1);
			}
			Map<String, Object> m = new HashMap<>();
			m.put("code", code);
			m.put("name", name);
			m.put("fullName", fullName);
			m.put("exchange", exchange);
			m.put("listedOn", listedOn);
			m.put("line", row.line());
			rows.put(code, m);
		});
		ctx.report.file(COMPANIES).imported = rows.size();
		ctx.report.quirk("company rows repeating an earlier code", duplicateRows[0]);
		long conflicting = 0;
		for (Map<String, Object> m : rows.values()) {
			List<String> v = variants.get((String) m.get("code"));
			boolean conflict = v != null && v.size() > 1;
			// Stored only where there is something to review.
			m.put("needsReview", conflict ? true : null);
			m.put("variants", conflict ? v : null);
			if (conflict) {
				conflicting++;
				ctx.report.conflict(new ImportReport.Conflict((String) m.get("code"), v.get(0), v));
			}
		}
		ctx.report.quirk("codes with conflicting names (one enterprise each, variants kept for review)", conflicting);
		List<Map<String, Object>> located = resolveRegions(ctx, rows.values());
		companyCodes = rows.keySet();
		write(ctx, "enterprises", false, nodes("Enterprise", "code", """
				UNWIND $rows AS row
				MERGE (e:Enterprise {code: row.code})
				ON CREATE SET e.src = $src
				SET e.name = row.name, e.fullName = row.fullName, e.exchange = row.exchange,
				    e.listedOn = row.listedOn, e.needsReview = row.needsReview, e.nameVariants = row.variants,
				    e.regionStatus = row.regionStatus, e.sourceLine = row.line""", """
				UNWIND $rows AS row
				CREATE (e:Enterprise {code: row.code, src: $src, name: row.name, fullName: row.fullName,
				    exchange: row.exchange, listedOn: row.listedOn, needsReview: row.needsReview,
				    nameVariants: row.variants, regionStatus: row.regionStatus, sourceLine: row.line})"""),
				new ArrayList<>(rows.values()), ctx.src(COMPANIES));
		// A name that no longer resolves (e.g. after a gazetteer change) loses the region it was given;
		// on a graph with no regions yet there is nothing to clear.
		boolean regionsExist = graph.read(tx -> tx.run("MATCH (:Enterprise)-[r:LOCATED_IN]->() RETURN count(r) > 0").single().get(0).asBoolean());
		if (regionsExist) {
			List<Map<String, Object>> unresolved = rows.values().stream()
				.filter(m -> m.get("regionStatus") != null)
				.map(m -> Map.<String, Object>of("code", m.get("code")))
				.toList();
			write(ctx, "enterprise regions cleared", true, """
					UNWIND $rows AS row
					MATCH (:Enterprise {code: row.code})-[l:LOCATED_IN]->(:Region)
					WHERE l.method IS NOT NULL
					DELETE l""", unresolved, Map.of());
		}
		String ends = ends(located, new End("e", "Enterprise", "code", "code"), new End("r", "Region", "code", "region"));
		write(ctx, "enterprise regions", true, new BatchWriter.Statement(ends + """
				OPTIONAL MATCH (e)-[old:LOCATED_IN]->(other:Region) WHERE other <> r
				DELETE old
				WITH DISTINCT e, r, row
				MERGE (e)-[l:LOCATED_IN]->(r)
				ON CREATE SET l.src = $src
				SET l.method = row.method, l.matched = row.matched, l.confidence = row.confidence""", ends + """
				CREATE (e)-[l:LOCATED_IN {src: $src, method: row.method, matched: row.matched, confidence: row.confidence}]->(r)""",
				"MATCH (:Enterprise)-[r:LOCATED_IN]->() RETURN count(r) = 0"), located, ctx.src(COMPANIES));
	}

	/** How a company row reads in a conflict to review: its names, exchange and listing date. */
	private static String variant(String name, String fullName, @Nullable String exchange, @Nullable LocalDate listedOn) {
		return name + " / " + fullName + " / " + exchange + " / " + (listedOn == null ? "上市日期缺失" : listedOn);
	}

	/** The variant of a row already kept, with the line it came from. */
	private static String variant(Map<String, Object> row) {
		return variant((String) row.get("name"), (String) row.get("fullName"), (String) row.get("exchange"),
				(LocalDate) row.get("listedOn")) + " @" + COMPANIES + ":" + row.get("line");
	}

	private List<Map<String, Object>> resolveRegions(Context ctx, Iterable<Map<String, Object>> companies) {
		List<Map<String, Object>> located = new ArrayList<>();
		for (Map<String, Object> m : companies) {
			RegionResolver.Resolution resolution = regions.resolve((String) m.get("fullName"));
			// Stored only where no region was read; a resolved one is the LOCATED_IN relationship.
			m.put("regionStatus", resolution.match() == null ? resolution.status() : null);
			RegionResolver.Match match = resolution.match();
			if (match == null) {
				ctx.report.region(resolution.status(), 1);
				continue;
			}
			ctx.report.region("resolved to " + match.region().level().name().toLowerCase(), 1);
			Map<String, Object> l = new HashMap<>();
			l.put("code", m.get("code"));
			l.put("region", match.region().code());
			l.put("method", match.method());
			l.put("matched", match.matched());
			l.put("confidence", match.confidence());
			located.add(l);
		}
		return located;
	}

	private Set<String> productNames = Set.of();

	private void importProducts(DataSetLocation location, Context ctx) {
		Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
		Map<String, Long> reasons = new LinkedHashMap<>();
		read(location, PRODUCTS, ctx, row -> {
			String name = row.text("name");
			if (rows.containsKey(name)) {
				ctx.report.quirk("product rows repeating an earlier name", 1);
				return;
			}
			Map<String, Object> m = new HashMap<>();
			m.put("name", name);
			// Stored only where it differs from the key: most names need no cleaning.
			m.put("displayName", ProductNames.hasStrayCharacters(name) ? ProductNames.clean(name) : null);
			if (ProductNames.hasStrayCharacters(name)) {
				ctx.report.quirk("product names with stray quotes or spaces (cleaned for display, key kept)", 1);
			}
			String reason = nonProducts.nonProductReason(name).orElse(null);
			// Stored only on non-products: a product is real unless flagged.
			m.put("nonProduct", reason != null ? true : null);
			m.put("reason", reason);
			if (reason != null) {
				reasons.merge(reason, 1L, Long::sum);
			}
			m.put("line", row.line());
			rows.put(name, m);
		});
		reasons.forEach((reason, n) -> ctx.report.quirk("non-product names: " + reason, n));
		productNames = rows.keySet();
		ctx.report.file(PRODUCTS).imported = rows.size();
		write(ctx, "products", false, nodes("Product", "name", """
				UNWIND $rows AS row
				MERGE (p:Product {name: row.name})
				ON CREATE SET p.src = $src
				SET p.displayName = row.displayName, p.nonProduct = row.nonProduct,
				    p.nonProductReason = row.reason, p.sourceLine = row.line""", """
				UNWIND $rows AS row
				CREATE (p:Product {name: row.name, src: $src, displayName: row.displayName,
				    nonProduct: row.nonProduct, nonProductReason: row.reason, sourceLine: row.line})"""),
				new ArrayList<>(rows.values()), ctx.src(PRODUCTS));
	}

	private void importCompanyIndustries(DataSetLocation location, Context ctx) {
		List<Map<String, Object>> rows = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		read(location, COMPANY_INDUSTRY, ctx, row -> {
			String company = row.text("company");
			String industry = row.text("industry");
			boolean unknownCompany = !companyCodes.contains(company);
			boolean unknownIndustry = !industryCodes.contains(industry);
			if (unknownCompany) {
				ctx.report.quirk("company_industry rows naming an unknown company", 1);
			}
			if (unknownIndustry) {
				ctx.report.quirk("company_industry rows naming an unknown industry", 1);
			}
			if (unknownCompany && unknownIndustry) {
				throw new JsonlRows.BadRow("unknown company and industry", "company '" + company + "', industry '" + industry + "'");
			}
			if (unknownCompany) {
				throw new JsonlRows.BadRow("unknown company", "company '" + company + "' is not in " + COMPANIES);
			}
			if (unknownIndustry) {
				throw new JsonlRows.BadRow("unknown industry", "industry '" + industry + "' is not in " + INDUSTRIES);
			}
			if (!seen.add(company + "\u0000" + industry)) {
				ctx.report.quirk("company_industry rows repeating an earlier pair", 1);
				return;
			}
			Map<String, Object> m = new HashMap<>();
			m.put("company", company);
			m.put("industry", industry);
			m.put("line", row.line());
			rows.add(m);
		});
		ctx.report.file(COMPANY_INDUSTRY).imported = rows.size();
		String ends = ends(rows, new End("e", "Enterprise", "code", "company"), new End("i", "Industry", "code", "industry"));
		write(ctx, "enterprise industries", true, relationships("Enterprise", "IN_INDUSTRY", ends + """
				MERGE (e)-[r:IN_INDUSTRY]->(i)
				ON CREATE SET r.src = $src
				SET r.sourceLine = row.line"""), rows, ctx.src(COMPANY_INDUSTRY));
	}

	private void importCompanyProducts(DataSetLocation location, Context ctx) {
		List<Map<String, Object>> rows = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		read(location, COMPANY_PRODUCT, ctx, row -> {
			String company = row.text("company");
			String product = row.text("product");
			double share = row.number("share");
			if (!companyCodes.contains(company)) {
				throw new JsonlRows.BadRow("unknown company", "company '" + company + "' is not in " + COMPANIES);
			}
			if (!productNames.contains(product)) {
				throw new JsonlRows.BadRow("unknown product", "product '" + product + "' is not in " + PRODUCTS);
			}
			if (!seen.add(company + "\u0000" + product)) {
				ctx.report.quirk("company_product rows repeating an earlier pair", 1);
				return;
			}
			Map<String, Object> m = new HashMap<>();
			m.put("company", company);
			m.put("product", product);
			boolean valid = share >= 0 && share <= 1 && !Double.isNaN(share);
			if (!valid) {
				ctx.report.quirk(share < 0 ? "company_product shares below 0 (kept as shareRaw, share missing)"
						: "company_product shares above 1 (kept as shareRaw, share missing)", 1);
			}
			m.put("share", valid ? share : null);
			m.put("shareRaw", valid ? null : share);
			m.put("line", row.line());
			rows.add(m);
		});
		ctx.report.file(COMPANY_PRODUCT).imported = rows.size();
		String ends = ends(rows, new End("e", "Enterprise", "code", "company"), new End("p", "Product", "name", "product"));
		write(ctx, "enterprise products", true, relationships("Enterprise", "MAKES", ends + """
				MERGE (e)-[r:MAKES]->(p)
				ON CREATE SET r.src = $src
				SET r.share = row.share, r.shareRaw = row.shareRaw, r.sourceLine = row.line"""),
				rows, ctx.src(COMPANY_PRODUCT));
	}

	private void importProductRelations(DataSetLocation location, Context ctx) {
		Map<String, List<Map<String, Object>>> byType = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		read(location, PRODUCT_RELATIONS, ctx, row -> {
			String from = row.text("from");
			String to = row.text("to");
			String type = row.text("type");
			if (!RELATION_TYPES.contains(type)) {
				throw new JsonlRows.BadRow("unknown relation type", "type '" + type + "' is not one of " + RELATION_TYPES);
			}
			boolean unknownFrom = !productNames.contains(from);
			boolean unknownTo = !productNames.contains(to);
			if (unknownFrom || unknownTo) {
				throw new JsonlRows.BadRow("unknown product", "product '" + (unknownFrom ? from : to) + "' is not in " + PRODUCTS);
			}
			if (from.equals(to)) {
				throw new JsonlRows.BadRow("self relation", "'" + from + "' " + type + " itself");
			}
			if (!seen.add(type + "\u0000" + from + "\u0000" + to)) {
				ctx.report.quirk("product_relations rows repeating an earlier relation", 1);
				return;
			}
			Map<String, Object> m = new HashMap<>();
			m.put("from", from);
			m.put("to", to);
			m.put("line", row.line());
			byType.computeIfAbsent(type, k -> new ArrayList<>()).add(m);
		});
		long imported = 0;
		for (var entry : byType.entrySet()) {
			imported += entry.getValue().size();
			List<Map<String, Object>> rows = entry.getValue();
			String ends = ends(rows, new End("a", "Product", "name", "from"), new End("b", "Product", "name", "to"));
			// The type cannot be a parameter; it is one of the three checked above.
			write(ctx, "product " + entry.getKey(), true, relationships("Product", entry.getKey(), ends + """
					MERGE (a)-[r:%s]->(b)
					ON CREATE SET r.src = $src
					SET r.sourceLine = row.line, r.weak = $weak""".formatted(entry.getKey())),
					rows, ctx.src(PRODUCT_RELATIONS, "weak", "SUBCLASS".equals(entry.getKey()) ? true : null));
		}
		ctx.report.file(PRODUCT_RELATIONS).imported = imported;
	}

	private void importIndustryUpstream(DataSetLocation location, Context ctx) {
		if (!location.has(INDUSTRY_UPSTREAM)) {
			return;
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		read(location, INDUSTRY_UPSTREAM, ctx, row -> {
			String industry = row.text("industry");
			String upstream = row.text("upstream");
			double evidence = row.number("evidence");
			for (String code : List.of(industry, upstream)) {
				if (!industryCodes.contains(code)) {
					throw new JsonlRows.BadRow("unknown industry", "industry '" + code + "' is not in " + INDUSTRIES);
				}
			}
			if (!seen.add(industry + "\u0000" + upstream)) {
				ctx.report.quirk("industry_upstream rows repeating an earlier pair", 1);
				return;
			}
			rows.add(Map.of("industry", industry, "upstream", upstream, "evidence", (long) evidence, "line", row.line()));
		});
		ctx.report.file(INDUSTRY_UPSTREAM).imported = rows.size();
		write(ctx, "industry upstream", true, relationships("Industry", "HAS_UPSTREAM", """
				UNWIND $rows AS row
				MATCH (i:Industry {code: row.industry})
				MATCH (u:Industry {code: row.upstream})
				MERGE (i)-[r:HAS_UPSTREAM]->(u)
				ON CREATE SET r.src = $src
				SET r.evidence = row.evidence, r.sourceLine = row.line"""),
				rows, ctx.src(INDUSTRY_UPSTREAM));
	}

	/**
	 * Node ids by key, per label: handed back by the label's node step, or read once when a step needs
	 * them and the node step gave none (the baseline writer).
	 */
	private final Map<String, Map<String, Long>> idsByLabel = new HashMap<>();

	/** Files the ids a node step handed back by its rows' keys. */
	private void keepIds(BatchWriter.Statement statement, List<Map<String, Object>> rows, long[] ids) {
		Map<String, Long> byKey = new HashMap<>(rows.size() * 4 / 3 + 1);
		for (int i = 0; i < ids.length; i++) {
			byKey.put((String) rows.get(i).get(statement.key()), ids[i]);
		}
		idsByLabel.put(statement.label(), byKey);
	}

	private Map<String, Long> idsOf(String label, String key) {
		return idsByLabel.computeIfAbsent(label, l -> ids(l, key));
	}

	/** A row whose end was checked against its file but has no node would otherwise be skipped without a word. */
	private static long idOf(Map<String, Long> ids, String label, String key) {
		Long id = ids.get(key);
		if (id == null) {
			throw new IllegalStateException("图中没有 " + label + " 节点 '" + key + "'，但其数据文件中有这一行；导入已停止");
		}
		return id;
	}

	/** One end of a relationship step: its variable in the statement, its label and key, and the row field naming it. */
	private record End(String variable, String label, String key, String field) {

		String byKey() {
			return "MATCH (%s:%s {%s: row.%s})\n".formatted(variable, label, key, field);
		}

		String byId() {
			return "MATCH (%1$s) WHERE id(%1$s) = row.%1$s\n".formatted(variable);
		}
	}

	/**
	 * The start of a relationship step, finding both ends by internal id: each row's two key fields
	 * are replaced by the ids of their nodes. The baseline writer finds them by key, as one would
	 * first write it.
	 */
	private String ends(List<Map<String, Object>> rows, End start, End end) {
		if (writer.naive()) {
			return "UNWIND $rows AS row\n" + start.byKey() + end.byKey();
		}
		Map<String, Long> startIds = idsOf(start.label(), start.key());
		Map<String, Long> endIds = idsOf(end.label(), end.key());
		for (Map<String, Object> m : rows) {
			m.put(start.variable(), idOf(startIds, start.label(), (String) m.remove(start.field())));
			m.put(end.variable(), idOf(endIds, end.label(), (String) m.remove(end.field())));
		}
		return "UNWIND $rows AS row\n" + start.byId() + end.byId();
	}

	/**
	 * The internal ids of a label's nodes by their key, read from the graph when the node step gave
	 * none: relationship steps find both ends by id, a direct record lookup, instead of two index seeks
	 * a row. The ids are used within the import, which deletes no node, so they cannot be reused meanwhile.
	 */
	private Map<String, Long> ids(String label, String key) {
		Map<String, Long> ids = new HashMap<>();
		graph.read(tx -> {
			tx.run("MATCH (n:" + label + ") RETURN n." + key + " AS k, id(n) AS id")
				.forEachRemaining(r -> ids.put(r.get(0).asString(), r.get(1).asLong()));
			return null;
		});
		return ids;
	}

	private void read(DataSetLocation location, String file, Context ctx, java.util.function.Consumer<JsonlRows.Row> rows) {
		ImportReport.FileCounts counts = ctx.report.file(file);
		JsonlRows.Read read = JsonlRows.read(location, file, rows, ctx.report::reject);
		counts.rows = read.rows();
		recordSource(ctx, ctx.dataset, file, read.sha256(), location.describe());
	}

	/**
	 * A version of a source file (数据来源): facts carry its id as {@code src} from the import that first
	 * brought them. The id is derived from the data set, file name and content, so importing the same
	 * file again finds the same source and changes nothing, and a changed file is a new source.
	 */
	private void recordSource(Context ctx, String dataset, String file, String sha256, String location) {
		ctx.sources.put(file, graph.write(tx -> cn.chainscout.graph.Sources.record(tx, dataset, file, sha256, location, ctx.loadedAt)));
	}

	static long sourceId(String dataset, String file, String sha256) {
		return cn.chainscout.graph.Sources.id(dataset, file, sha256);
	}

	private void write(Context ctx, String step, boolean relationships, String cypher, List<Map<String, Object>> rows,
			Map<String, Object> extra) {
		write(ctx, step, relationships, BatchWriter.Statement.merge(cypher), rows, extra);
	}

	/** A node step whose MERGE may be a CREATE while no node of the label exists. */
	private static BatchWriter.Statement nodes(String label, String key, String merge, String create) {
		return BatchWriter.Statement.nodes(label, key, merge, create);
	}

	/**
	 * A relationship step whose MERGE may be a CREATE while no relationship of the type exists
	 * between nodes of the start label (a count the database keeps, so the check is instant).
	 */
	private static BatchWriter.Statement relationships(String startLabel, String type, String merge) {
		return new BatchWriter.Statement(merge, merge.replace("MERGE (", "CREATE (").replace("ON CREATE SET", "SET"),
				"MATCH (:" + startLabel + ")-[r:" + type + "]->() RETURN count(r) = 0");
	}

	private void write(Context ctx, String step, boolean relationships, BatchWriter.Statement statement,
			List<Map<String, Object>> rows, Map<String, Object> extra) {
		long start = System.nanoTime();
		Map<String, Object> constants = new HashMap<>(extra);
		BatchWriter.Written written = writer.write(step, statement, rows, constants, progress);
		if (written.ids() != null) {
			keepIds(statement, rows, written.ids());
		}
		long nanos = System.nanoTime() - start;
		double seconds = nanos / 1e9;
		ctx.report.wrote(step, written.rows(), written.nodesCreated(), written.relationshipsCreated(), relationships, nanos);
		log.info("  {}: {} rows in {} s ({} rows/s), {} nodes and {} relationships created{}", step, rows.size(),
				String.format("%.2f", seconds), Math.round(rows.size() / Math.max(seconds, 1e-6)), written.nodesCreated(),
				written.relationshipsCreated(), written.fastPath() ? " (empty graph: CREATE)" : "");
	}

	private static Path writeRejects(Path reportDir, String dataset, ImportReport report) {
		Path file = reportDir.resolve(dataset + "-rejects.jsonl");
		try {
			Files.createDirectories(reportDir);
			try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				for (Reject r : report.rejects()) {
					w.write(JSON.writeValueAsString(r));
					w.write('\n');
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法写入拒收明细文件 " + file, ex);
		}
		return file.toAbsolutePath();
	}

	private static void writeFile(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法写入文件 " + file, ex);
		}
	}
}
