package cn.chainscout.tripmap;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Trip investment maps (招商地图): plan a trip, read it back, and export it. */
@RestController
class TripMapApi {

	private final TripPlanner planner;

	TripMapApi(TripPlanner planner) {
		this.planner = planner;
	}

	/** What a recruiter asks for; chains may be {@code chainId} or {@code chainId/nodeId}, none means all. */
	record TripRequest(@Nullable List<String> regions, @Nullable List<String> chains, @Nullable Integer days, @Nullable String start,
			@Nullable List<String> mustVisit) {

		TripPlan.Request toRequest() {
			return new TripPlan.Request(regions == null ? List.of() : regions, chains == null ? List.of() : chains, days == null ? 2 : days,
					start == null || start.isBlank() ? "桐城市" : start.strip(), mustVisit == null ? List.of() : mustVisit);
		}
	}

	@Operation(summary = "规划招商行程：目的地（省、市或长三角、珠三角、京津冀）、产业链、天数、出发地、必去企业 → 行程编号")
	@PostMapping("/api/v1/trip-maps")
	Map<String, String> plan(@RequestBody TripRequest request) {
		TripPlan plan = planner.plan(request.toRequest());
		return Map.of("id", plan.id(), "title", plan.title());
	}

	@Operation(summary = "招商行程：每天的站点（企业或引荐人、城市、坐标、理由、引荐路径）及合计")
	@GetMapping("/api/v1/trip-maps/{id:[A-Za-z0-9]+}")
	TripPlan get(@PathVariable String id) {
		return planner.get(id);
	}

	@Operation(summary = "招商行程 Excel：每天一张表、联系人、推荐理由、说明")
	@GetMapping("/api/v1/trip-maps/{id:[A-Za-z0-9]+}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable String id) {
		TripPlan plan = planner.get(id);
		return file(plan.title() + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", TripExports.xlsx(plan));
	}

	@Operation(summary = "招商行程 GeoJSON（站点和每天的路线）")
	@GetMapping("/api/v1/trip-maps/{id:[A-Za-z0-9]+}.geojson")
	ResponseEntity<byte[]> geojson(@PathVariable String id) {
		TripPlan plan = planner.get(id);
		return file(plan.title() + ".geojson", "application/geo+json", TripExports.geojson(plan));
	}

	@Operation(summary = "招商行程 KML（可在地图软件中打开）")
	@GetMapping("/api/v1/trip-maps/{id:[A-Za-z0-9]+}.kml")
	ResponseEntity<byte[]> kml(@PathVariable String id) {
		TripPlan plan = planner.get(id);
		return file(plan.title() + ".kml", "application/vnd.google-earth.kml+xml", TripExports.kml(plan));
	}

	private static ResponseEntity<byte[]> file(String name, String type, byte[] body) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}
}
