package cn.chainscout.chain;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** Chain pages for people: the list of chains and a chain's map with its gaps. */
@Controller
class ChainPage {

	private final ChainMaps maps;

	private final ChainLoader loader;

	ChainPage(ChainMaps maps, ChainLoader loader) {
		this.maps = maps;
		this.loader = loader;
	}

	/** The mapping report for the people who keep the chain files. */
	@GetMapping("/chains/mapping")
	ModelAndView mapping() {
		java.util.List<ChainMaps.NodeMapping> nodes = maps.mapping();
		ModelAndView mv = new ModelAndView("chain-mapping", "nodes", nodes);
		mv.addObject("emptyNodes", nodes.stream().filter(ChainMaps.NodeMapping::empty).count());
		mv.addObject("last", loader.lastReport());
		java.util.Map<String, String> names = new java.util.HashMap<>();
		maps.chainNames().forEach(names::put);
		mv.addObject("chainNames", names);
		return mv;
	}

	@org.springframework.web.bind.annotation.PostMapping("/chains/mapping/reload")
	String reload() {
		loader.reload(false);
		return "redirect:/chains/mapping";
	}

	@GetMapping("/chains")
	ModelAndView list() {
		return new ModelAndView("chains", "chains", maps.list());
	}

	@GetMapping("/chains/{id}")
	ModelAndView chain(@PathVariable String id) {
		return maps.map(id).map(map -> {
			ModelAndView mv = new ModelAndView("chain", "m", map);
			mv.addObject("gaps", maps.gaps(id).orElse(java.util.List.of()));
			mv.addObject("gapRule", ChainMaps.GAP_RULE);
			return mv;
		}).orElseGet(() -> {
			ModelAndView mv = new ModelAndView("not-found", HttpStatus.NOT_FOUND);
			mv.addObject("message", "没有 id 为 '" + id + "' 的产业链。");
			return mv;
		});
	}
}
