package cn.chainscout.localfirm;

import java.io.IOException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The local-firm page: the current list, the last import's report, upload and templates. */
@Controller
class LocalFirmPage {

	private final LocalFirmService service;

	private final LocalFirmApi api;

	LocalFirmPage(LocalFirmService service, LocalFirmApi api) {
		this.service = service;
		this.api = api;
	}

	@GetMapping("/local-firms")
	String page(Model model) {
		LocalFirmApi.Firms firms = api.list();
		model.addAttribute("report", firms.report());
		model.addAttribute("firms", firms.firms());
		return "local-firms";
	}

	@PostMapping("/local-firms")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		UploadForm.handle(file, model, service::importList);
		return page(model);
	}
}
