package cn.chainscout.enterprise;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The enterprise page for people: the same profile as the API, rendered in Chinese. */
@Controller
class EnterprisePage {

	private final EnterpriseProfiles profiles;

	EnterprisePage(EnterpriseProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/enterprises/{code}")
	ModelAndView page(@PathVariable String code) {
		String checked;
		try {
			checked = EnterpriseCodes.check(code);
			return new ModelAndView("enterprise", "p", profiles.profile(checked));
		}
		catch (EnterpriseNotFoundException | IllegalArgumentException ex) {
			ModelAndView mv = new ModelAndView("not-found", HttpStatus.NOT_FOUND);
			mv.addObject("message", ex.getMessage());
			return mv;
		}
	}

	/** The home page's "go to code" box. */
	@GetMapping("/enterprises")
	String go(@RequestParam(defaultValue = "") String code, Model model) {
		return "redirect:/enterprises/" + java.net.URLEncoder.encode(code.strip(), java.nio.charset.StandardCharsets.UTF_8);
	}
}
