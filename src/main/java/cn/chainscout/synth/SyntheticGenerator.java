package cn.chainscout.synth;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import cn.chainscout.dataimport.DataSetLocation;
import cn.chainscout.region.Gazetteer;
import cn.chainscout.region.Region;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a synthetic data set in the chainkg format, for benchmarks at sizes the real data does not
 * reach: enterprises named like real ones (region + brand + trade + legal form), products derived
 * from the bundled product names, Shenwan industries, and upstream relations between products.
 * The same seed gives the same files.
 */
public final class SyntheticGenerator {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] BRAND = ("恒 达 华 瑞 丰 盛 鑫 宏 泰 安 康 源 鼎 晟 嘉 裕 隆 兴 祥 和 新 科 信 海 天 中 金 银 锦 博 "
			+ "远 航 凯 诚 德 昌 汇 通 联 众 创 智 维 力 正 元 亿 顺 永 利 美 佳 乐 星 光 明 辉 腾 飞 云 峰 骏").split(" ");

	private static final String[] TRADE = { "新材料", "科技", "电子", "机械", "包装", "纺织", "化工", "医药", "生物", "能源", "汽车零部件",
			"精密制造", "智能装备", "环保科技", "光电", "电气", "食品", "塑业", "印务", "羽绒制品", "防护用品", "硅材料", "锂电", "同位素科技" };

	private static final String[] FORM = { "股份有限公司", "有限公司", "集团股份有限公司", "科技有限公司" };

	private static final String[] MODIFIER = { "高端", "新型", "环保", "精密", "复合", "高性能", "智能", "特种", "医用", "食品级", "工业级",
			"超薄", "可降解", "高纯" };

	private final SplittableRandom random;

	private final long seed;

	public SyntheticGenerator(long seed) {
		this.seed = seed;
		this.random = new SplittableRandom(seed);
	}

	/** Counts of what was written. */
	public record Counts(long enterprises, long products, long industries, long makes, long relations, long industryLinks) {
	}

	public Counts generate(int enterprises, Path out) {
		try {
			Files.createDirectories(out);
			List<String> baseProducts = bundledProductNames();
			List<JsonNode> industries = bundledIndustries();
			List<String> level3 = industries.stream()
				.filter(n -> n.get("parent") != null && !n.get("parent").isNull() && !n.get("code").stringValue().endsWith("00"))
				.map(n -> n.get("code").stringValue())
				.toList();
			List<Region> places = Gazetteer.load().all().stream().filter(r -> r.level() != Region.Level.COUNTY).toList();

			int productCount = Math.max(100, enterprises / 2);
			List<String> products = productNames(baseProducts, productCount);

			long industryLinks = 0;
			try (Writer w = gz(out.resolve("industries.jsonl.gz"))) {
				for (JsonNode n : industries) {
					w.write(n.toString());
					w.write('\n');
				}
			}
			try (Writer w = gz(out.resolve("products.jsonl.gz"))) {
				for (String p : products) {
					w.write(JSON.writeValueAsString(java.util.Map.of("name", p)));
					w.write('\n');
				}
			}
			long makes = 0;
			Set<String> codes = new HashSet<>();
			try (Writer companies = gz(out.resolve("companies.jsonl.gz"));
					Writer companyIndustry = gz(out.resolve("company_industry.jsonl.gz"));
					Writer companyProduct = gz(out.resolve("company_product.jsonl.gz"))) {
				for (int i = 0; i < enterprises; i++) {
					String code = String.format("S%07d.SZ", i);
					codes.add(code);
					Region place = places.get(random.nextInt(places.size()));
					String brand = BRAND[random.nextInt(BRAND.length)] + BRAND[random.nextInt(BRAND.length)];
					String trade = TRADE[random.nextInt(TRADE.length)];
					String fullName = place.name() + brand + trade + FORM[random.nextInt(FORM.length)];
					String shortName = brand + trade.substring(0, Math.min(2, trade.length()));
					LocalDate listed = LocalDate.of(1990, 12, 1).plusDays(random.nextInt(12_000));
					var row = new java.util.LinkedHashMap<String, Object>();
					row.put("code", code);
					row.put("name", shortName);
					row.put("fullName", fullName);
					row.put("exchange", i % 2 == 0 ? "深圳证券交易所" : "上海证券交易所");
					row.put("listedOn", listed.toString());
					companies.write(JSON.writeValueAsString(row));
					companies.write('\n');
					companyIndustry.write(JSON.writeValueAsString(java.util.Map.of("company", code, "industry",
							level3.get(skewed(level3.size())))));
					companyIndustry.write('\n');
					industryLinks++;
					int n = 1 + random.nextInt(6);
					Set<Integer> chosen = new LinkedHashSet<>();
					while (chosen.size() < n) {
						chosen.add(skewed(products.size()));
					}
					double remaining = 1.0;
					for (int p : chosen) {
						double share = Math.round(remaining * (0.3 + 0.6 * random.nextDouble()) * 1e6) / 1e6;
						remaining -= share;
						companyProduct.write(JSON.writeValueAsString(java.util.Map.of("company", code, "product", products.get(p), "share", share)));
						companyProduct.write('\n');
						makes++;
					}
				}
			}
			long relations = 0;
			try (Writer w = gz(out.resolve("product_relations.jsonl.gz"))) {
				for (int i = 0; i < products.size(); i++) {
					int inputs = random.nextInt(4);
					Set<Integer> seen = new HashSet<>();
					for (int k = 0; k < inputs; k++) {
						int to = skewed(products.size());
						if (to == i || !seen.add(to)) {
							continue;
						}
						String type = random.nextInt(10) < 6 ? "UPSTREAM_MATERIAL" : (random.nextInt(10) < 9 ? "SUBCLASS" : "DOWNSTREAM_PRODUCT");
						w.write(JSON.writeValueAsString(java.util.Map.of("from", products.get(i), "to", products.get(to), "type", type)));
						w.write('\n');
						relations++;
					}
				}
			}
			Files.writeString(out.resolve("README.md"), """
					# Synthetic data set (generated)

					Generated by `java -jar chainscout.jar generate --enterprises %d --seed %d --out DIR`. Not real data:
					for benchmarks only. Same format as the bundled chainkg data set.

					| file | rows |
					| --- | --- |
					| companies.jsonl.gz | %d |
					| products.jsonl.gz | %d |
					| company_product.jsonl.gz | %d |
					| product_relations.jsonl.gz | %d |
					| company_industry.jsonl.gz | %d |
					""".formatted(enterprises, seed, enterprises, products.size(), makes, relations, industryLinks));
			return new Counts(enterprises, products.size(), industries.size(), makes, relations, industryLinks);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the synthetic data set to " + out, ex);
		}
	}

	/** Popular items are chosen more often, as in real supply data. */
	private int skewed(int size) {
		double u = random.nextDouble();
		return (int) Math.min(size - 1, Math.floor(size * u * u));
	}

	private List<String> productNames(List<String> base, int count) {
		Set<String> names = new LinkedHashSet<>(base.subList(0, Math.min(base.size(), count)));
		Random r = new Random(seed);
		while (names.size() < count) {
			names.add(MODIFIER[r.nextInt(MODIFIER.length)] + base.get(r.nextInt(base.size())) + (names.size() % 7 == 0 ? "组件" : ""));
		}
		return new ArrayList<>(names);
	}

	private static List<String> bundledProductNames() throws IOException {
		List<String> names = new ArrayList<>();
		var location = DataSetLocation.of("classpath:data/chainkg");
		try (var reader = new BufferedReader(new InputStreamReader(location.open("products.jsonl"), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				names.add(JSON.readTree(line).get("name").stringValue());
			}
		}
		return names;
	}

	private static List<JsonNode> bundledIndustries() throws IOException {
		List<JsonNode> rows = new ArrayList<>();
		var location = DataSetLocation.of("classpath:data/chainkg");
		try (var reader = new BufferedReader(new InputStreamReader(location.open("industries.jsonl"), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				rows.add(JSON.readTree(line));
			}
		}
		return rows;
	}

	private static Writer gz(Path file) throws IOException {
		return new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16);
	}
}
