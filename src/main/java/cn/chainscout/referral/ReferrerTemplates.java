package cn.chainscout.referral;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The referrer list template: the columns, example rows, and what may be filled in. */
final class ReferrerTemplates {

	/** Example rows; rows whose 备注 starts with 示例行 are skipped on import. */
	static final List<List<String>> EXAMPLES = List.of(
			List.of("示例：上海市桐城商会", "商会", "上海市", "上海市浦东新区示例路1号", "", "", "", "", "", "", "示例行，填写时请删除"),
			List.of("示例：张某", "桐城籍人士", "苏州市", "", "桐城市", "会员", "示例：上海市桐城商会", "2018", "2026-05-20", "", "示例行，填写时请删除"),
			List.of("示例：张某", "", "", "", "", "任职", "300568.SZ", "2015", "", "", "示例行，填写时请删除"));

	private static final List<String> NOTES = List.of(
			"每行一条关系：引荐人 — 关系 — 关系对象。同一引荐人有多条关系就写多行，类型、所在地等写在第一行即可",
			"引荐人（必填）：人名或机构名；类型为“本地企业”时填本地企业名单中的企业名称",
			"类型（必填）：" + ReferrerService.allKinds(),
			"所在地：城市名称，如 上海市、苏州市、深圳市；用于招商地图",
			"地址：可空，越详细越好",
			"籍贯：可空，如 桐城市",
			"关系：" + String.join("、", Ties.BY_CHINESE.keySet()) + "；只登记引荐人本身时关系和关系对象都留空",
			"关系对象：上市公司股票代码（如 300568.SZ）或全称、本地企业名称，或本表中的另一位引荐人",
			"起始年份：四位年份，可空；最近联系：日期，如 2026-03-15，可空。时间越近，引荐路径越强",
			"联系方式、备注：可空",
			"导入会替换原名单；有错误的行不导入，报告中列出行号和原因",
			Ties.RULE);

	private ReferrerTemplates() {
	}

	static byte[] csv() {
		StringBuilder s = new StringBuilder("\uFEFF");
		s.append(String.join(",", ReferrerService.COLUMNS)).append("\r\n");
		EXAMPLES.forEach(e -> s.append(String.join(",", e)).append("\r\n"));
		return s.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] xlsx() {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet list = wb.createSheet("引荐人名单");
			Row header = list.createRow(0);
			for (int i = 0; i < ReferrerService.COLUMNS.size(); i++) {
				header.createCell(i).setCellValue(ReferrerService.COLUMNS.get(i));
				list.setColumnWidth(i, (i == 0 || i == 6 || i == 3 ? 26 : 14) * 256);
			}
			for (int r = 0; r < EXAMPLES.size(); r++) {
				Row row = list.createRow(r + 1);
				for (int c = 0; c < EXAMPLES.get(r).size(); c++) {
					row.createCell(c).setCellValue(EXAMPLES.get(r).get(c));
				}
			}
			list.createFreezePane(0, 1);
			Sheet notes = wb.createSheet("填写说明");
			notes.setColumnWidth(0, 120 * 256);
			for (int r = 0; r < NOTES.size(); r++) {
				notes.createRow(r).createCell(0).setCellValue(NOTES.get(r));
			}
			Sheet kinds = wb.createSheet("可填的类型和关系");
			kinds.createRow(0).createCell(0).setCellValue("类型");
			kinds.getRow(0).createCell(1).setCellValue("关系");
			kinds.getRow(0).createCell(2).setCellValue("基础强度");
			List<String> all = List.of(ReferrerService.allKinds().split("、"));
			int rows = Math.max(all.size(), Ties.KINDS.size());
			for (int r = 0; r < rows; r++) {
				Row row = kinds.createRow(r + 1);
				if (r < all.size()) {
					row.createCell(0).setCellValue(all.get(r));
				}
				if (r < Ties.KINDS.size()) {
					row.createCell(1).setCellValue(Ties.KINDS.get(r).chinese());
					row.createCell(2).setCellValue(Ties.KINDS.get(r).strength());
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
