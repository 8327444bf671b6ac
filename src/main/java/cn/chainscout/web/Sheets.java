package cn.chainscout.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/** The shape of ChainScout's Excel exports: a bold, frozen header row with a filter, then one row per line. */
public final class Sheets {

	/** Excel keeps at most 32,767 characters in a cell. */
	private static final int MAX_CELL = 32_000;

	private Sheets() {
	}

	/** A sheet whose first row is the header, in bold on grey, frozen, with a filter; widths in characters. */
	public static Sheet sheet(XSSFWorkbook wb, String name, List<String> header, int[] widths) {
		Sheet sheet = wb.createSheet(name);
		CellStyle bold = wb.createCellStyle();
		Font font = wb.createFont();
		font.setBold(true);
		bold.setFont(font);
		bold.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		bold.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		Row row = sheet.createRow(0);
		for (int i = 0; i < header.size(); i++) {
			var cell = row.createCell(i);
			cell.setCellValue(header.get(i));
			cell.setCellStyle(bold);
			sheet.setColumnWidth(i, (i < widths.length ? widths[i] : 12) * 256);
		}
		sheet.createFreezePane(0, 1);
		sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, header.size() - 1));
		return sheet;
	}

	/** Appends a row: numbers as numbers (so Excel can sum them), dates as dates, null as an empty cell, the rest as text. */
	public static void row(Sheet sheet, @Nullable Object... values) {
		Row row = sheet.createRow(sheet.getLastRowNum() + 1);
		for (int i = 0; i < values.length; i++) {
			Object v = values[i];
			var cell = row.createCell(i);
			if (v instanceof Number n) {
				cell.setCellValue(n.doubleValue());
			}
			else if (v instanceof LocalDate d) {
				cell.setCellValue(d);
				cell.setCellStyle(style(sheet.getWorkbook(), "yyyy-mm-dd"));
			}
			else if (v != null) {
				String s = v.toString();
				cell.setCellValue(s.length() > MAX_CELL ? s.substring(0, MAX_CELL) : s);
			}
		}
	}

	/** Shows the numbers of a column with two decimals (amounts in 亿元), below the header. */
	public static void decimals(Sheet sheet, int column) {
		CellStyle style = style(sheet.getWorkbook(), "0.00");
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			var cell = row == null ? null : row.getCell(column);
			if (cell != null && cell.getCellType() == CellType.NUMERIC) {
				cell.setCellStyle(style);
			}
		}
	}

	/** Makes what is typed in a column stay text, so Excel keeps a stock code's leading zeros (002594). */
	public static void textColumn(Sheet sheet, int column) {
		sheet.setDefaultColumnStyle(column, style(sheet.getWorkbook(), "@"));
	}

	/** The workbook's style for a number format, made once: a workbook holds at most 64,000 styles. */
	private static CellStyle style(Workbook wb, String format) {
		short id = wb.createDataFormat().getFormat(format);
		for (int i = 0; i < wb.getNumCellStyles(); i++) {
			CellStyle existing = wb.getCellStyleAt(i);
			if (existing.getDataFormat() == id && existing.getFontIndex() == 0 && existing.getFillPattern() == FillPatternType.NO_FILL) {
				return existing;
			}
		}
		CellStyle style = wb.createCellStyle();
		style.setDataFormat(id);
		return style;
	}

	/** The workbook as the bytes of an .xlsx file. */
	public static byte[] bytes(XSSFWorkbook wb) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
