package cn.chainscout.dataimport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Chinese words for the report's counters, for the summary people read; the JSON report keeps the
 * English keys, which scripts rely on. A key without a translation is shown as it is.
 */
final class ReportWords {

	private static final Map<String, String> WORDS = Map.ofEntries(
			Map.entry("codes with conflicting names (one enterprise each, variants kept for review)", "代码名称冲突（每个代码一家企业，全部名称留待核对）"),
			Map.entry("company rows repeating an earlier code", "重复代码的企业行"),
			Map.entry("company rows without a listing date", "缺上市日期的企业行"),
			Map.entry("enterprises without a listing date (kept missing)", "缺上市日期的企业（保持缺失）"),
			Map.entry("company_industry rows naming an unknown company", "企业-行业行指向未知企业"),
			Map.entry("company_industry rows naming an unknown industry", "企业-行业行指向未知行业"),
			Map.entry("company_industry rows repeating an earlier pair", "重复的企业-行业行"),
			Map.entry("company_product rows repeating an earlier pair", "重复的企业-产品行"),
			Map.entry("company_product shares below 0 (kept as shareRaw, share missing)", "营收占比小于 0（原值另存）"),
			Map.entry("company_product shares above 1 (kept as shareRaw, share missing)", "营收占比大于 1（原值另存）"),
			Map.entry("industries with an unknown parent (kept without parent)", "上级行业未知的行业（保留，无上级）"),
			Map.entry("industry_upstream rows repeating an earlier pair", "重复的行业上游行"),
			Map.entry("product names with stray quotes or spaces (cleaned for display, key kept)", "产品名含多余引号或空格（显示名已清理）"),
			Map.entry("product rows repeating an earlier name", "重复的产品行"),
			Map.entry("product_relations rows repeating an earlier relation", "重复的产品关系行"),
			Map.entry("non-product names: accounting", "非产品名称：报表项目"),
			Map.entry("non-product names: generic", "非产品名称：泛称"),
			Map.entry("non-product names: residual", "非产品名称：其他类"),
			Map.entry("non-product names: fragment", "非产品名称：文本碎片"),
			Map.entry("malformed JSON", "JSON 格式错误"), Map.entry("missing field", "缺字段"),
			Map.entry("wrong type", "字段类型错误"), Map.entry("duplicate code", "重复代码"),
			Map.entry("unknown company", "未知企业"), Map.entry("unknown industry", "未知行业"),
			Map.entry("unknown company and industry", "企业和行业均未知"), Map.entry("unknown product", "未知产品"),
			Map.entry("unknown relation type", "未知关系类型"), Map.entry("self relation", "产品指向自身"),
			Map.entry("resolved to province", "识别到省级"), Map.entry("resolved to prefecture", "识别到地级"),
			Map.entry("resolved to county", "识别到县级"), Map.entry("unknown", "未能识别"),
			Map.entry("ambiguous", "有歧义未定"));

	private ReportWords() {
	}

	/** {@code {a=1, b=2}} → {@code 甲 1，乙 2}. */
	static String counts(Map<String, Long> counts) {
		StringJoiner joined = new StringJoiner("，");
		new LinkedHashMap<>(counts).forEach((key, n) -> joined.add(WORDS.getOrDefault(key, key) + " " + n));
		return joined.toString();
	}
}
