package cn.chainscout.localfirm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.chainscout.graph.Graph;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The local-firm list template: the columns, one example row, and what may be filled in. */
final class Templates {

	static final List<String> EXAMPLE = List.of("桐城市示例包装有限公司", CreditCodes.withCheck("91340881MA2XXXXX0"), "双港镇", "绿色包装",
			"软包装/复合膜、彩印包装", "复合膜、包装袋", "12000", "360", "150", "是", "示例行，填写时请删除");

	private static final List<String> NOTES = List.of(
			"企业名称（必填）：营业执照上的全称",
			"统一社会信用代码：18 位，可空；填了就校验，同一代码视为同一企业",
			"所在镇街园区：见“可填的镇街园区”表；不在表中的会提示，企业仍导入",
			"产业链（必填）：见“可填的产业链环节”表的第一列",
			"产业链环节（必填）：该产业链的环节名称，多个用顿号（、）分隔",
			"主要产品：多个用顿号分隔；与产品库名称一致的产品会用于缺口分析",
			"年产值(万元)、年税收(万元)：数字，可空",
			"从业人数：整数，可空",
			"规上企业：是 / 否",
			"同一企业属于两条产业链时写两行，信用代码相同；数值写在一行即可",
			"导入会替换原名单；有错误的行不导入，报告中列出行号和原因");

	private Templates() {
	}

	static byte[] csv() {
		StringBuilder s = new StringBuilder("\uFEFF");
		s.append(String.join(",", LocalFirmService.COLUMNS.keySet())).append("\r\n");
		s.append(String.join(",", EXAMPLE)).append("\r\n");
		return s.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] xlsx(Graph graph) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet list = wb.createSheet("本地企业名单");
			Row header = list.createRow(0);
			int i = 0;
			for (String column : LocalFirmService.COLUMNS.keySet()) {
				header.createCell(i).setCellValue(column);
				list.setColumnWidth(i, (i == 0 ? 30 : i == 4 || i == 5 ? 28 : 16) * 256);
				i++;
			}
			Row example = list.createRow(1);
			for (int c = 0; c < EXAMPLE.size(); c++) {
				example.createCell(c).setCellValue(EXAMPLE.get(c));
			}
			list.createFreezePane(0, 1);
			Sheet notes = wb.createSheet("填写说明");
			notes.setColumnWidth(0, 100 * 256);
			int r = 0;
			for (String note : NOTES) {
				notes.createRow(r++).createCell(0).setCellValue(note);
			}
			Sheet nodes = wb.createSheet("可填的产业链环节");
			Row nh = nodes.createRow(0);
			nh.createCell(0).setCellValue("产业链");
			nh.createCell(1).setCellValue("环节");
			nh.createCell(2).setCellValue("段");
			nodes.setColumnWidth(0, 20 * 256);
			nodes.setColumnWidth(1, 30 * 256);
			int[] nr = { 1 };
			graph.query("""
					MATCH (c:Chain)-[:HAS_SEGMENT]->(:ChainNode)-[:HAS_CHILD*0..2]->(n:ChainNode)
					RETURN c.name AS chain, n.name AS node, n.segment AS segment, n.level AS level
					ORDER BY c.id, n.sourceLine""", Map.of()).forEach(rec -> {
				Row row = nodes.createRow(nr[0]++);
				row.createCell(0).setCellValue(rec.get("chain").asString());
				row.createCell(1).setCellValue(rec.get("node").asString());
				row.createCell(2).setCellValue(cn.chainscout.chain.ChainMaps.segmentWords(rec.get("segment").asString()));
			});
			Sheet carriers = wb.createSheet("可填的镇街园区");
			carriers.setColumnWidth(0, 24 * 256);
			Row ch = carriers.createRow(0);
			ch.createCell(0).setCellValue("名称");
			ch.createCell(1).setCellValue("类型");
			int[] cr = { 1 };
			graph.query("MATCH (c:Carrier) RETURN c.name AS name, c.kind AS kind ORDER BY c.sourceLine", Map.of()).forEach(rec -> {
				Row row = carriers.createRow(cr[0]++);
				row.createCell(0).setCellValue(rec.get("name").asString());
				row.createCell(1).setCellValue(rec.get("kind").asString(""));
			});
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
