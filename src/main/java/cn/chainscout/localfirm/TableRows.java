package cn.chainscout.localfirm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A table an office keeps, read from CSV (UTF-8, with or without BOM; GB18030 when it is not
 * UTF-8, as Excel on Chinese Windows saves it) or from the first sheet of an XLSX workbook. Every
 * row keeps the line (CSV) or row number (XLSX) a person would see.
 */
public final class TableRows {

	/** A data row: its line or row number and the cells by header. */
	public record Row(int line, Map<String, String> cells) {
	}

	/** The header as written, and the rows. */
	public record Table(List<String> header, List<Row> rows) {
	}

	/** The file cannot be read as a table at all. */
	public static final class UnreadableTableException extends IllegalArgumentException {

		public UnreadableTableException(String message, Throwable cause) {
			super(message, cause);
		}
	}

	private TableRows() {
	}

	public static Table read(String fileName, byte[] bytes) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".xlsx") || lower.endsWith(".xls") || isZip(bytes)) {
			return xlsx(fileName, bytes);
		}
		return csv(fileName, bytes);
	}

	private static boolean isZip(byte[] bytes) {
		return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
	}

	static Table csv(String fileName, byte[] bytes) {
		String text = decode(bytes);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		try (Reader reader = new java.io.StringReader(text);
				CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get().parse(reader)) {
			List<String> header = null;
			List<Row> rows = new ArrayList<>();
			int[] cursor = { 0, 1 };
			for (CSVRecord record : parser) {
				int line = lineAt(text, record.getCharacterPosition(), cursor);
				if (header == null) {
					header = new ArrayList<>();
					for (String h : record) {
						header.add(h.trim());
					}
					continue;
				}
				Map<String, String> cells = new LinkedHashMap<>();
				boolean blank = true;
				for (int i = 0; i < header.size(); i++) {
					String v = i < record.size() ? record.get(i).trim() : "";
					blank &= v.isEmpty();
					cells.put(header.get(i), v);
				}
				if (record.size() > header.size()) {
					for (int i = header.size(); i < record.size(); i++) {
						if (!record.get(i).isBlank()) {
							blank = false;
							cells.put("#" + (i + 1), record.get(i).trim());
						}
					}
				}
				if (!blank) {
					rows.add(new Row(line, cells));
				}
			}
			if (header == null) {
				throw new UnreadableTableException(fileName + " 是空文件，没有表头", null);
			}
			return new Table(List.copyOf(header), List.copyOf(rows));
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException ex) {
			throw new UnreadableTableException(fileName + " 不能按 CSV 读取：" + ex.getMessage(), ex);
		}
	}

	/** The 1-based line of a position, counting on from the previous call ({@code cursor} = position, line). */
	private static int lineAt(String text, long position, int[] cursor) {
		for (int i = cursor[0]; i < position && i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				cursor[1]++;
			}
		}
		cursor[0] = (int) Math.max(cursor[0], Math.min(position, text.length()));
		return cursor[1];
	}

	private static String decode(byte[] bytes) {
		var decoder = StandardCharsets.UTF_8.newDecoder();
		try {
			return decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			return new String(bytes, java.nio.charset.Charset.forName("GB18030"));
		}
	}

	/** A header as compared across files: full- and half-width brackets alike, spaces ignored (投资额 (亿元) is 投资额（亿元）). */
	public static String headerKey(String header) {
		return header.replace('（', '(').replace('）', ')').replaceAll("\\s+", "");
	}

	static Table xlsx(String fileName, byte[] bytes) {
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter format = new DataFormatter(Locale.CHINA);
			List<String> header = null;
			List<Row> rows = new ArrayList<>();
			for (org.apache.poi.ss.usermodel.Row row : sheet) {
				List<String> values = new ArrayList<>();
				for (int i = 0; i < Math.max(row.getLastCellNum(), header == null ? 0 : header.size()); i++) {
					Cell cell = row.getCell(i, org.apache.poi.ss.usermodel.Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
					values.add(cell == null ? "" : text(cell, format));
				}
				if (header == null) {
					if (values.stream().allMatch(String::isBlank)) {
						continue;
					}
					header = values.stream().map(String::trim).toList();
					continue;
				}
				Map<String, String> cells = new LinkedHashMap<>();
				boolean blank = true;
				for (int i = 0; i < values.size(); i++) {
					String v = values.get(i).trim();
					blank &= v.isEmpty();
					cells.put(i < header.size() ? header.get(i) : "#" + (i + 1), v);
				}
				if (!blank) {
					rows.add(new Row(row.getRowNum() + 1, cells));
				}
			}
			if (header == null) {
				throw new UnreadableTableException(fileName + " 的第一个工作表是空的，没有表头", null);
			}
			return new Table(header, List.copyOf(rows));
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof UnreadableTableException u) {
				throw u;
			}
			throw new UnreadableTableException(fileName + " 不能按 Excel（xlsx）读取：" + ex.getMessage(), ex);
		}
	}

	private static String text(Cell cell, DataFormatter format) {
		boolean number = cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
				|| cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
						&& cell.getCachedFormulaResultType() == org.apache.poi.ss.usermodel.CellType.NUMERIC;
		if (number && org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
			// as 2026-11-02, whatever the cell's display format: Excel's default short date reads 11/2/26
			java.time.LocalDateTime at = cell.getLocalDateTimeCellValue();
			if (cell.getNumericCellValue() < 1) {
				return at.toLocalTime().toString(); // a time of day alone
			}
			return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.toString().replace('T', ' ');
		}
		if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
				&& !org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
			double d = cell.getNumericCellValue();
			if (d == Math.rint(d) && Math.abs(d) < 1e15) {
				return Long.toString((long) d);
			}
			return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
		}
		if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
			return format.formatCellValue(cell, cell.getSheet().getWorkbook().getCreationHelper().createFormulaEvaluator());
		}
		return format.formatCellValue(cell);
	}
}
