package cn.chainscout.overview;

import cn.chainscout.system.GraphConnection;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 首页: what is loaded, and the way into the enterprise pages. */
@Controller
class HomePage {

	private final GraphStats stats;

	private final GraphConnection connection;

	HomePage(GraphStats stats, GraphConnection connection) {
		this.stats = stats;
		this.connection = connection;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("stats", stats.stats());
		model.addAttribute("database", connection.description());
		return "home";
	}
}
