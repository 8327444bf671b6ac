package cn.chainscout.tripmap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.json.JsonMapper;

/** A trip as files to hand on: Excel (a sheet per day, contacts, reasons), GeoJSON and KML for map apps. */
final class TripExports {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final List<String> DAY_COLUMNS = List.of("序号", "类型", "名称", "代码/类别", "全称", "城市", "产业链", "推荐理由", "引荐路径", "联系方式", "地址",
			"距上一站(公里)");

	private TripExports() {
	}

	static byte[] xlsx(TripPlan plan) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (TripPlan.Day d : plan.days()) {
				Sheet sheet = wb.createSheet("第" + d.day() + "天");
				header(sheet, DAY_COLUMNS);
				int r = 1;
				for (TripPlan.Stop s : d.stops()) {
					row(sheet, r++, stopCells(s));
				}
				sheet.createRow(r + 1).createCell(0).setCellValue("当天里程 " + d.distanceKm() + " 公里，约 " + d.hours() + " 小时");
				widths(sheet);
			}
			Sheet contacts = wb.createSheet("联系人");
			header(contacts, List.of("名称", "类别", "城市", "联系方式", "地址", "可引荐"));
			int r = 1;
			for (TripPlan.Day d : plan.days()) {
				for (TripPlan.Stop s : d.stops()) {
					if (s.kind().equals("referrer")) {
						row(contacts, r++, List.of(s.name(), nz(s.referrerKind()), s.city() == null ? "" : s.city().name(), nz(s.contact()), nz(s.address()),
								String.join("；", s.reasons())));
					}
				}
			}
			Sheet reasons = wb.createSheet("推荐理由");
			header(reasons, List.of("代码", "企业", "产业链", "得分", "安排", "推荐理由", "引荐路径"));
			r = 1;
			for (TripPlan.Day d : plan.days()) {
				for (TripPlan.Stop s : d.stops()) {
					if (s.kind().equals("enterprise")) {
						row(reasons, r++, List.of(nz(s.code()), s.name(), nz(s.chainName()), s.score() == null ? "" : String.valueOf(s.score()),
								"第" + d.day() + "天第" + s.seq() + "站", String.join("；", s.reasons()), nz(s.warmPath())));
					}
				}
			}
			for (TripPlan.Stop s : plan.alternates()) {
				row(reasons, r++, List.of(nz(s.code()), s.name(), nz(s.chainName()), s.score() == null ? "" : String.valueOf(s.score()), "备选",
						String.join("；", s.reasons()), nz(s.warmPath())));
			}
			for (TripPlan.Stop s : plan.unlocated()) {
				row(reasons, r++, List.of(nz(s.code()), s.name(), nz(s.chainName()), s.score() == null ? "" : String.valueOf(s.score()),
						"位置不详" + (s.province() == null ? "" : "（" + s.province() + "）"), String.join("；", s.reasons()), nz(s.warmPath())));
			}
			Sheet about = wb.createSheet("说明");
			List<String> lines = new ArrayList<>(List.of(plan.title(), "出发地：" + plan.start().name(),
					"共 " + plan.totals().days() + " 天、" + plan.totals().stops() + " 站、" + plan.totals().cities() + " 个城市，里程 "
							+ plan.totals().distanceKm() + " 公里（按推荐顺序走为 " + plan.totals().naiveDistanceKm() + " 公里），返程 "
							+ plan.totals().returnKm() + " 公里",
					plan.rule()));
			lines.addAll(plan.warnings());
			if (plan.sample()) {
				lines.add("本市企业名单和引荐人名单为示例数据，不是真实统计。");
			}
			for (int i = 0; i < lines.size(); i++) {
				about.createRow(i).createCell(0).setCellValue(lines.get(i));
			}
			about.setColumnWidth(0, 120 * 256);
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> stopCells(TripPlan.Stop s) {
		return List.of(String.valueOf(s.seq()), s.kind().equals("enterprise") ? "企业" : "引荐人", s.name(),
				s.kind().equals("enterprise") ? nz(s.code()) : nz(s.referrerKind()), nz(s.fullName()), s.city() == null ? "" : s.city().name(),
				nz(s.chainName()), String.join("；", s.reasons()), nz(s.warmPath()), nz(s.contact()), nz(s.address()),
				s.travelKmFromPrevious() == null ? "" : String.valueOf(s.travelKmFromPrevious()));
	}

	private static void header(Sheet sheet, List<String> columns) {
		row(sheet, 0, columns);
		sheet.createFreezePane(0, 1);
	}

	private static void row(Sheet sheet, int index, List<String> cells) {
		Row row = sheet.createRow(index);
		for (int c = 0; c < cells.size(); c++) {
			row.createCell(c).setCellValue(cells.get(c));
		}
	}

	private static void widths(Sheet sheet) {
		int[] w = { 6, 8, 16, 14, 30, 10, 12, 60, 40, 16, 30, 12 };
		for (int i = 0; i < w.length; i++) {
			sheet.setColumnWidth(i, w[i] * 256);
		}
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	/** RFC 7946: one Point per stop (and the start), one LineString per day; coordinates are [lng, lat]. */
	static byte[] geojson(TripPlan plan) {
		List<Object> features = new ArrayList<>();
		features.add(feature(point(plan.start().lng(), plan.start().lat()), props("kind", "start", "name", plan.start().name(), "code", plan.start().code())));
		double[] at = { plan.start().lng(), plan.start().lat() };
		for (TripPlan.Day d : plan.days()) {
			List<List<Double>> line = new ArrayList<>();
			line.add(List.of(at[0], at[1]));
			for (TripPlan.Stop s : d.stops()) {
				Map<String, Object> p = props("kind", s.kind(), "seq", s.seq(), "day", d.day(), "name", s.name(), "code", s.code(), "city",
						s.city() == null ? null : s.city().name(), "chain", s.chainName(), "referrerKind", s.referrerKind(), "reasons",
						String.join("；", s.reasons()), "warmPath", s.warmPath(), "mustVisit", s.mustVisit());
				features.add(feature(point(s.lng(), s.lat()), p));
				line.add(List.of(s.lng(), s.lat()));
				at[0] = s.lng();
				at[1] = s.lat();
			}
			features.add(feature(Map.of("type", "LineString", "coordinates", line), props("kind", "route", "day", d.day(), "distanceKm", d.distanceKm())));
		}
		Map<String, Object> fc = new LinkedHashMap<>();
		fc.put("type", "FeatureCollection");
		fc.put("name", plan.title());
		fc.put("features", features);
		return JSON.writeValueAsBytes(fc);
	}

	private static Map<String, Object> point(double lng, double lat) {
		return Map.of("type", "Point", "coordinates", List.of(lng, lat));
	}

	private static Map<String, Object> feature(Map<String, Object> geometry, Map<String, Object> properties) {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("type", "Feature");
		f.put("geometry", geometry);
		f.put("properties", properties);
		return f;
	}

	private static Map<String, Object> props(Object... kv) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			if (kv[i + 1] != null) {
				m.put((String) kv[i], kv[i + 1]);
			}
		}
		return m;
	}

	/** KML 2.2: a folder per day with a placemark per stop and the day's route as a line. */
	static byte[] kml(TripPlan plan) {
		StringBuilder k = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n");
		k.append("<name>").append(x(plan.title())).append("</name>\n");
		k.append("<Placemark><name>出发：").append(x(plan.start().name())).append("</name><Point><coordinates>")
			.append(plan.start().lng()).append(',').append(plan.start().lat()).append(",0</coordinates></Point></Placemark>\n");
		double[] at = { plan.start().lng(), plan.start().lat() };
		for (TripPlan.Day d : plan.days()) {
			k.append("<Folder><name>第").append(d.day()).append("天</name>\n");
			StringBuilder line = new StringBuilder().append(at[0]).append(',').append(at[1]).append(",0");
			for (TripPlan.Stop s : d.stops()) {
				k.append("<Placemark><name>").append(s.seq()).append(". ").append(x(s.name())).append("</name>");
				k.append("<description>").append(x((s.city() == null ? "" : s.city().name()) + "；" + String.join("；", s.reasons())
						+ (s.warmPath() == null ? "" : "；引荐：" + s.warmPath()))).append("</description>");
				k.append("<ExtendedData><Data name=\"kind\"><value>").append(s.kind()).append("</value></Data>");
				if (s.code() != null) {
					k.append("<Data name=\"code\"><value>").append(x(s.code())).append("</value></Data>");
				}
				k.append("</ExtendedData>");
				k.append("<Point><coordinates>").append(s.lng()).append(',').append(s.lat()).append(",0</coordinates></Point></Placemark>\n");
				line.append(' ').append(s.lng()).append(',').append(s.lat()).append(",0");
				at[0] = s.lng();
				at[1] = s.lat();
			}
			k.append("<Placemark><name>第").append(d.day()).append("天路线（").append(d.distanceKm()).append(" 公里）</name><LineString><coordinates>")
				.append(line).append("</coordinates></LineString></Placemark>\n</Folder>\n");
		}
		k.append("</Document>\n</kml>\n");
		return k.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String x(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
