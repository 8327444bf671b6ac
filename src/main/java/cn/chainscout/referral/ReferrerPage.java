package cn.chainscout.referral;

import java.io.IOException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The referrer page (引荐人): the list with its ties, the last import's report, upload and templates. */
@Controller
class ReferrerPage {

	private final ReferrerService service;

	private final ReferralApi api;

	ReferrerPage(ReferrerService service, ReferralApi api) {
		this.service = service;
		this.api = api;
	}

	@GetMapping("/referrers")
	String page(Model model) {
		model.addAttribute("report", service.lastReport().orElse(null));
		model.addAttribute("referrers", api.referrerRows());
		model.addAttribute("rule", Ties.RULE);
		return "referrers";
	}

	@PostMapping("/referrers")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		cn.chainscout.localfirm.UploadForm.handle(file, model, service::importList);
		return page(model);
	}
}
