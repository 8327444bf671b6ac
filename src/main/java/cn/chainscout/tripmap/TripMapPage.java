package cn.chainscout.tripmap;

import java.util.Arrays;
import java.util.List;

import cn.chainscout.chain.ChainMaps;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The trip map pages: plan a trip, see it on a map with its days, and print it. */
@Controller
class TripMapPage {

	private final TripPlanner planner;

	private final ChainMaps maps;

	private final RegionGroups groups;

	TripMapPage(TripPlanner planner, ChainMaps maps, RegionGroups groups) {
		this.planner = planner;
		this.maps = maps;
		this.groups = groups;
	}

	/** A chain to tick. */
	record ChainOption(String id, String name) {
	}

	@GetMapping("/trip-maps")
	String form(Model model) {
		model.addAttribute("chains", maps.chainNames().entrySet().stream().map(e -> new ChainOption(e.getKey(), e.getValue())).toList());
		model.addAttribute("groups", groups.all());
		model.addAttribute("trips", planner.recent(20));
		return "trip-maps";
	}

	@PostMapping("/trip-maps")
	String plan(@RequestParam(defaultValue = "") String regions, @RequestParam(required = false) @Nullable List<String> chains,
			@RequestParam(defaultValue = "2") String days, @RequestParam(defaultValue = "桐城市") String start,
			@RequestParam(defaultValue = "") String mustVisit, Model model) {
		try {
			int d;
			try {
				d = Integer.parseInt(days.strip());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("天数“" + days + "”不是整数");
			}
			TripPlan plan = planner.plan(new TripPlan.Request(split(regions), chains == null ? List.of() : chains, d,
					start.isBlank() ? "桐城市" : start.strip(), split(mustVisit)));
			return "redirect:/trip-maps/" + plan.id();
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
			return form(model);
		}
	}

	@GetMapping("/trip-maps/{id:[A-Za-z0-9]+}")
	String trip(@PathVariable String id, Model model) {
		TripPlan plan = planner.get(id);
		model.addAttribute("id", plan.id());
		model.addAttribute("title", plan.title());
		return "trip-map";
	}

	@GetMapping("/trip-maps/{id:[A-Za-z0-9]+}/print")
	String print(@PathVariable String id, Model model) {
		model.addAttribute("trip", planner.get(id));
		return "trip-map-print";
	}

	static List<String> split(String text) {
		return Arrays.stream(text.split("[、,，;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
