package cn.chainscout.chain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

import cn.chainscout.web.Sheets;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A chain map as an Excel workbook staff can hand on: nodes, gaps, makers, local firms, and how it was rated. */
final class ChainWorkbook {

	private ChainWorkbook() {
	}

	static Sheet sheet(XSSFWorkbook wb, String name, List<String> header, int[] widths) {
		return Sheets.sheet(wb, name, header, widths);
	}

	static void row(Sheet sheet, Object... values) {
		Sheets.row(sheet, values);
	}

	static byte[] write(ChainMap map, List<ChainGap> gaps, java.util.function.Function<String, ChainMaps.NodeMakers> makersOf) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet nodes = sheet(wb, "环节", List.of("环节", "上级环节", "层级", "段", "状态", "本地企业数", "规上企业数", "本地年产值(万元)",
					"本地企业", "覆盖产品数", "有企业生产的产品数", "全国企业数", "龙头企业", "主要省份", "产品示例"),
					new int[] { 22, 18, 6, 8, 6, 10, 10, 14, 40, 10, 12, 10, 50, 36, 40 });
			addNodes(nodes, map.nodes(), "");
			Sheet gapSheet = sheet(wb, "缺口", List.of("排名", "类型", "环节或产品", "段", "权重", "说明", "需求本地企业（产品→所需原料）", "全国企业数",
					"主要省份", "可对接企业", "权重构成"), new int[] { 6, 8, 22, 8, 8, 60, 50, 10, 36, 50, 60 });
			int rank = 0;
			for (ChainGap g : gaps) {
				row(gapSheet, ++rank, g.type(), g.name(), segment(g.segment()), g.weight(), g.reason(),
						g.buyers().stream().map(b -> b.firm() + "：" + b.product() + "→" + b.input()).collect(Collectors.joining("；")),
						g.makers(), provinces(g.provinces()), heads(g.topMakers()), g.weightParts());
			}
			Sheet makers = sheet(wb, "企业", List.of("环节", "状态", "代码", "企业", "本地", "省份", "规模代理分", "营收占比", "覆盖产品数", "按行业归属"),
					new int[] { 22, 6, 12, 20, 6, 10, 10, 10, 10, 10 });
			ChainMaps.walk(map.nodes(), n -> {
				if (!n.leaf()) {
					return;
				}
				ChainMaps.NodeMakers m = makersOf.apply(n.id());
				if (m == null) {
					return;
				}
				for (ChainMap.Head h : m.makers()) {
					row(makers, n.name(), n.statusWords(), h.code(), h.name(), h.local() ? "是" : "", h.province() == null ? "" : h.province().name(),
							h.score(), h.share(), h.breadth(), h.byIndustry() ? "是" : "");
				}
			});
			Sheet locals = sheet(wb, "本地企业", List.of("环节", "企业", "所在镇街园区", "规上", "年产值(万元)", "对应上市公司代码"),
					new int[] { 22, 32, 18, 6, 12, 14 });
			ChainMaps.walk(map.nodes(), n -> {
				if (!n.leaf()) {
					return;
				}
				for (ChainMap.LocalFirm f : n.localFirms()) {
					row(locals, n.name(), f.name(), f.carrier(), f.aboveScale() ? "是" : "否", f.outputValue(), f.enterpriseCode());
				}
			});
			Sheet notes = sheet(wb, "说明", List.of("项目", "内容"), new int[] { 14, 120 });
			row(notes, "产业链", map.name() + "（" + map.id() + "）：" + map.description());
			row(notes, "本地", map.home().name() + "（" + map.home().code() + "）");
			row(notes, "状态规则", map.statusRule());
			row(notes, "龙头企业", map.headRule());
			row(notes, "缺口权重", ChainMaps.GAP_RULE);
			row(notes, "全国企业", "来自上市公司产业链数据（chainkg），仅含 A 股上市公司；“企业”表每个环节列出前若干家");
			if (map.sample()) {
				row(notes, "注意", "本地企业名单为示例数据，不是桐城市的真实统计");
			}
			row(notes, "导出时间", java.time.OffsetDateTime.now().withNano(0).toString());
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void addNodes(Sheet sheet, List<ChainMap.Node> nodes, String parent) {
		for (ChainMap.Node n : nodes) {
			row(sheet, "  ".repeat(n.level() - 1) + n.name(), parent, n.level(), segment(n.segment()), n.statusWords(), n.localFirms().size(),
					n.aboveScale(), n.outputValue(), n.localFirms().stream().map(ChainMap.LocalFirm::name).collect(Collectors.joining("、")),
					n.products(), n.productsMade(), n.makers(), heads(n.heads()), provinces(n.provinces()), String.join("、", n.productExamples()));
			addNodes(sheet, n.children(), n.name());
		}
	}

	static String segment(String s) {
		return ChainMaps.segmentWords(s);
	}

	static String provinces(List<ChainMap.PlaceCount> p) {
		return p.stream().map(x -> x.name() + " " + x.count()).collect(Collectors.joining("、"));
	}

	static String heads(List<ChainMap.Head> h) {
		return h.stream().map(x -> x.name() + "（" + x.code() + "）").collect(Collectors.joining("、"));
	}
}
