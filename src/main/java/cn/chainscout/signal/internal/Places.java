package cn.chainscout.signal.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.chainscout.region.Gazetteer;
import cn.chainscout.region.Region;

/**
 * Where an event happens, as a gazetteer region: official names (桐城市, 安庆市, 浦东新区), short names
 * of provinces, prefectures and county-level cities (安徽, 合肥, 桐城, so 桐城经开区 → 桐城市 and
 * 合肥高新区 → 合肥市), and the zones of {@code signal/zones.tsv} whose names hide their region (张江,
 * 前海). District and county short names are left out: too many are ordinary words.
 *
 * <p>Of the places in a stretch of text the deepest wins (安徽省安庆市桐城市 → 桐城市), and a place
 * after 在, 落户, 于 or before 开发区, 园区, 政府 counts as where the event is, over one that only says
 * where a firm comes from (深圳的比亚迪在合肥投资 → 合肥市).
 */
public final class Places {

	public static final String ZONES = "signal/zones.tsv";

	/** A place found in a text. */
	public record Place(Region region, int start, int end, boolean locative) {
	}

	/** Short names of prefectures and county-level cities that in news are mostly words: 战略合作, 阿里巴巴, 朝阳产业. */
	private static final Set<String> COMMON_WORDS = Set.of("东方", "永安", "长安", "平安", "新华", "光明", "红旗", "东风",
			"太平", "和平", "城关", "金山", "宝山", "白云", "天河", "大同", "兴安", "开平", "安宁", "福安", "龙口", "华阴", "信宜",
			"凭祥", "合山", "中山", "江山", "海门", "鹤山", "吉安", "临江", "通化", "明光", "宁国", "合作", "新民", "灯塔", "龙井",
			"阳春", "新星", "同仁", "沙河", "三河", "临海", "东港", "东兴", "双河", "安国", "大安", "安达", "北安", "宁安", "海安",
			"华亭", "阿里", "来宾", "安康", "白银", "朝阳", "三明", "长治", "海西", "海东", "海北", "红河", "白山", "普洱", "日照",
			"永康", "高安", "乐平", "文昌", "万宁", "天长", "东阳", "邵东");

	/** Stock exchanges and regulators named after a city: 在上海证券交易所上市 is not an event in Shanghai. */
	private static final List<String> NOT_A_PLACE = List.of("上海证券交易所", "深圳证券交易所", "北京证券交易所", "上海证券报", "深圳商报",
			"香港联合交易所", "香港联交所", "香港交易所");

	private static final Pattern LOCATIVE_BEFORE = Pattern.compile("(在|落户|落地|落子|于|到|赴|入驻|位于|选址|签约|布局|来|至)$");

	/** Where a firm comes from, not where its event is: 总部位于深圳, 来自合肥. */
	private static final Pattern ORIGIN_BEFORE = Pattern.compile("(总部位于|总部设在|总部在|来自|注册地为|注册于)$");

	private static final Pattern LOCATIVE_AFTER = Pattern.compile("^[\\u4e00-\\u9fa5]{0,6}?(经开区|经济技术开发区|经济开发区|高新区|高新技术产业开发区|开发区|工业园|园区|产业园|基地|政府|市委|县委|管委会|新区)");

	private final Gazetteer gazetteer;

	private final List<List<Region>> candidates = new ArrayList<>();

	private final AhoCorasick matcher;

	public Places(Gazetteer gazetteer) {
		this.gazetteer = gazetteer;
		java.util.Map<String, List<Region>> byName = new java.util.LinkedHashMap<>();
		for (Region r : gazetteer.all()) {
			byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
			boolean countyCity = r.level() == Region.Level.COUNTY && r.name().endsWith("市");
			if ((r.level() != Region.Level.COUNTY || countyCity) && r.shortName().length() >= 2 && !r.shortName().equals(r.name())
					&& !COMMON_WORDS.contains(r.shortName())) {
				byName.computeIfAbsent(r.shortName(), k -> new ArrayList<>()).add(r);
			}
		}
		for (String[] zone : zones()) {
			Region r = gazetteer.byCode(zone[1])
				.orElseThrow(() -> new IllegalStateException(ZONES + ": unknown region code '" + zone[1] + "' for " + zone[0]));
			byName.put(zone[0], new ArrayList<>(List.of(r)));
		}
		List<String> names = new ArrayList<>(byName.keySet());
		for (String name : names) {
			List<Region> rs = byName.get(name);
			// 吉林 is the province before the city; equal levels stay ambiguous (朝阳区).
			rs.sort((a, b) -> a.level().compareTo(b.level()));
			candidates.add(rs);
		}
		this.matcher = AhoCorasick.build(names);
	}

	private static List<String[]> zones() {
		var in = Places.class.getClassLoader().getResourceAsStream(ZONES);
		if (in == null) {
			throw new IllegalStateException("Missing " + ZONES + " on the classpath");
		}
		List<String[]> rows = new ArrayList<>();
		try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int n = 0;
			while ((line = reader.readLine()) != null) {
				n++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split("\t");
				if (f.length != 2 || f[0].isBlank() || !f[1].strip().matches("\\d{6}")) {
					throw new IllegalStateException(ZONES + " line " + n + ": expected 'alias<TAB>six-digit code', got '" + line + "'");
				}
				rows.add(new String[] { f[0].strip(), f[1].strip() });
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	/**
	 * Every place in {@code text}, outside the masked spans (firm names: 安徽合力 says nothing about
	 * where an event is), leftmost-longest, ambiguous names resolved by the other places of the text
	 * or dropped.
	 * @param masked true at the characters that belong to a firm's name
	 */
	public List<Place> find(String text, boolean[] masked) {
		String visible = text;
		for (String name : NOT_A_PLACE) {
			for (int at = visible.indexOf(name); at >= 0; at = visible.indexOf(name, at + name.length())) {
				visible = visible.substring(0, at) + " ".repeat(name.length()) + visible.substring(at + name.length());
			}
		}
		List<AhoCorasick.Hit> hits = new ArrayList<>(matcher.find(visible));
		hits.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
		List<AhoCorasick.Hit> chosen = new ArrayList<>();
		int covered = 0;
		for (AhoCorasick.Hit h : hits) {
			if (h.start() < covered || isMasked(masked, h.start(), h.end())) {
				continue;
			}
			chosen.add(h);
			covered = h.end();
		}
		List<Region> unambiguous = new ArrayList<>();
		for (AhoCorasick.Hit h : chosen) {
			List<Region> rs = candidates.get(h.word());
			if (rs.size() == 1 || rs.get(0).level() != rs.get(1).level()) {
				unambiguous.add(rs.get(0));
			}
		}
		List<Place> places = new ArrayList<>();
		for (AhoCorasick.Hit h : chosen) {
			List<Region> rs = candidates.get(h.word());
			Region region = rs.get(0);
			if (rs.size() > 1 && rs.get(0).level() == rs.get(1).level()) {
				List<Region> inside = rs.stream().filter(r -> unambiguous.stream().anyMatch(u -> gazetteer.isWithin(r, u))).toList();
				if (inside.size() != 1) {
					continue;
				}
				region = inside.get(0);
			}
			String before = text.substring(Math.max(0, h.start() - 4), h.start());
			boolean locative = !ORIGIN_BEFORE.matcher(before).find() && LOCATIVE_BEFORE.matcher(before).find()
					|| LOCATIVE_AFTER.matcher(text.substring(h.end(), Math.min(text.length(), h.end() + 12))).find();
			places.add(new Place(region, h.start(), h.end(), locative));
		}
		return places;
	}

	/** The place where an event in {@code [from, to)} happens: deepest, then marked as the place, then first. */
	public static Optional<Place> best(List<Place> places, int from, int to) {
		Place best = null;
		int bestScore = -1;
		for (Place p : places) {
			if (p.start() < from || p.end() > to) {
				continue;
			}
			int score = (p.region().level().ordinal() + 1) * 10 + (p.locative() ? 15 : 0);
			if (score > bestScore) {
				best = p;
				bestScore = score;
			}
		}
		return Optional.ofNullable(best);
	}

	private static boolean isMasked(boolean[] masked, int from, int to) {
		for (int i = from; i < to && i < masked.length; i++) {
			if (masked[i]) {
				return true;
			}
		}
		return false;
	}
}
