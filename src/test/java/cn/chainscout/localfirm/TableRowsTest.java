package cn.chainscout.localfirm;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableRowsTest {

	/** Excel's default short date (format 14) shows 11/2/26; every importer wants the ISO date. */
	@Test
	void dateCellsReadAsIsoDatesWhateverTheirDisplayFormat() throws Exception {
		byte[] bytes;
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = wb.createSheet("表");
			var header = sheet.createRow(0);
			header.createCell(0).setCellValue("日期");
			header.createCell(1).setCellValue("时间");
			header.createCell(2).setCellValue("金额");
			header.createCell(3).setCellValue("公式日期");
			header.createCell(4).setCellValue("钟点");
			var shortDate = wb.createCellStyle();
			shortDate.setDataFormat((short) 14);
			var row = sheet.createRow(1);
			row.createCell(0).setCellValue(LocalDate.of(2026, 11, 2));
			row.getCell(0).setCellStyle(shortDate);
			row.createCell(1).setCellValue(LocalDateTime.of(2026, 11, 2, 9, 30));
			row.getCell(1).setCellStyle(shortDate);
			row.createCell(2).setCellValue(12.5);
			row.createCell(3).setCellFormula("DATE(2026,5,8)");
			row.getCell(3).setCellStyle(shortDate);
			var timeOnly = wb.createCellStyle();
			timeOnly.setDataFormat(wb.createDataFormat().getFormat("h:mm"));
			row.createCell(4).setCellValue(0.5);
			row.getCell(4).setCellStyle(timeOnly);
			wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
			wb.write(out);
			bytes = out.toByteArray();
		}
		TableRows.Table table = TableRows.read("t.xlsx", bytes);
		assertThat(table.rows()).singleElement().satisfies(r -> {
			assertThat(r.line()).isEqualTo(2);
			assertThat(r.cells()).containsEntry("日期", "2026-11-02").containsEntry("时间", "2026-11-02 09:30").containsEntry("金额", "12.5")
				.containsEntry("公式日期", "2026-05-08").containsEntry("钟点", "12:00");
		});
	}
}
