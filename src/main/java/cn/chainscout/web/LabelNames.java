package cn.chainscout.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Chinese names of the graph's labels, relationship types and codes, for the pages. */
@Component("labelNames")
public class LabelNames {

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("Enterprise", "企业"),
			Map.entry("Industry", "行业（申万）"), Map.entry("Product", "产品"), Map.entry("Region", "行政区划"),
			Map.entry("Dataset", "数据集"), Map.entry("Source", "数据来源文件"), Map.entry("Chain", "产业链"),
			Map.entry("ChainNode", "产业链环节"), Map.entry("Carrier", "载体（开发区、园区、镇街）"), Map.entry("LocalFirm", "本地企业"),
			Map.entry("Feedback", "跟进记录"), Map.entry("Referrer", "引荐人"), Map.entry("Project", "招商项目"), Map.entry("TripMap", "招商行程"),
			Map.entry("Signal", "招商信号"));

	private static final Map<String, String> RELATIONSHIPS = Map.ofEntries(Map.entry("MAKES", "企业—产品"),
			Map.entry("IN_INDUSTRY", "企业—行业"), Map.entry("LOCATED_IN", "企业—地区"), Map.entry("PART_OF", "上下级（行业、地区、载体）"),
			Map.entry("UPSTREAM_MATERIAL", "产品—上游原料"), Map.entry("SUBCLASS", "产品—细分品类（弱）"),
			Map.entry("DOWNSTREAM_PRODUCT", "产品—下游产品"), Map.entry("HAS_UPSTREAM", "行业—上游行业"),
			Map.entry("HAS_SEGMENT", "产业链—上中下游"), Map.entry("HAS_CHILD", "环节—下级环节"), Map.entry("COVERS", "环节—产品"),
			Map.entry("COVERS_INDUSTRY", "环节—行业"), Map.entry("FOR_REGION", "产业链—本地"), Map.entry("IN_NODE", "本地企业—环节"),
			Map.entry("PRODUCES", "本地企业—产品"), Map.entry("AT", "本地企业—载体"), Map.entry("IN", "载体—地区"), Map.entry("SAME_AS", "本地企业—上市公司（同一企业）"),
			Map.entry("ABOUT", "跟进记录或信号—企业"), Map.entry("WORKS_AT", "引荐人—任职"), Map.entry("FOUNDED", "引荐人—创办"),
			Map.entry("INVESTS_IN", "引荐人—投资"), Map.entry("SUPPLIES", "供货"), Map.entry("REFERRED", "曾引荐"), Map.entry("MEMBER_OF", "会员"),
			Map.entry("ALUMNUS_OF", "校友"), Map.entry("NATIVE_OF", "引荐人—籍贯"), Map.entry("FOR", "项目—投资企业"),
			Map.entry("BROUGHT", "引荐人—项目"), Map.entry("CREDITED", "引荐记功"),
			Map.entry("IN_REGION", "信号—地区"));

	private static final Map<String, String> NON_PRODUCT = Map.of("accounting", "报表项目", "generic", "泛称", "residual",
			"其他类", "fragment", "文本碎片");

	public String label(String label) {
		return LABELS.getOrDefault(label, label);
	}

	public String relationship(String type) {
		return RELATIONSHIPS.getOrDefault(type, type);
	}

	public String nonProduct(@Nullable String reason) {
		return reason == null ? "" : NON_PRODUCT.getOrDefault(reason, reason);
	}
}
