package cn.chainscout.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Chinese names of the graph's labels, relationship types and codes, for the pages. */
@Component("labelNames")
public class LabelNames {

	private static final Map<String, String> LABELS = Map.of("Enterprise", "企业", "Industry", "行业（申万）", "Product",
			"产品", "Region", "行政区划", "Dataset", "数据集", "Source", "数据来源文件");

	private static final Map<String, String> RELATIONSHIPS = Map.of("MAKES", "企业—产品", "IN_INDUSTRY", "企业—行业",
			"LOCATED_IN", "企业—地区", "PART_OF", "上下级（行业、地区）", "UPSTREAM_MATERIAL", "产品—上游原料", "SUBCLASS",
			"产品—细分品类（弱）", "DOWNSTREAM_PRODUCT", "产品—下游产品", "HAS_UPSTREAM", "行业—上游行业");

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
