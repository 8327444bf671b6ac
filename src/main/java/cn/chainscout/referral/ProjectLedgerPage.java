package cn.chainscout.referral;

import java.io.IOException;
import java.util.List;

import cn.chainscout.system.ChinaTime;
import cn.chainscout.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The city's project ledger (招商项目台账): every project, filtered, with totals by stage, moved on from the page. */
@Controller
class ProjectLedgerPage {

	private final ProjectLedgers ledgers;

	private final Projects projects;

	private final ProjectImport projectImport;

	ProjectLedgerPage(ProjectLedgers ledgers, Projects projects, ProjectImport projectImport) {
		this.ledgers = ledgers;
		this.projects = projects;
		this.projectImport = projectImport;
	}

	/** An office's existing ledger (Excel or CSV): imported, then the ledger with the import's report. */
	@PostMapping("/projects/import")
	String importLedger(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model) throws IOException {
		cn.chainscout.localfirm.UploadForm.handle(file, model,
				(name, bytes) -> model.addAttribute("importReport", projectImport.importLedger(name, bytes)));
		// UploadForm's words are for a page with one form; this page has three
		model.addAttribute("uploadError", model.getAttribute("error"));
		model.addAttribute("error", null);
		model.addAttribute("done", null);
		return page(null, null, null, null, null, model);
	}

	@GetMapping("/projects")
	String page(@RequestParam(required = false) @Nullable String chain, @RequestParam(required = false) @Nullable String stage,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Model model) {
		String c = blankToNull(chain);
		String s = blankToNull(stage);
		String k = blankToNull(q);
		model.addAttribute("chain", c);
		model.addAttribute("stage", s);
		model.addAttribute("q", k);
		model.addAttribute("from", blankToNull(from));
		model.addAttribute("to", blankToNull(to));
		model.addAttribute("stages", Projects.STAGES);
		model.addAttribute("today", ChinaTime.today());
		try {
			ProjectLedger ledger = ledgers.read(c, s, k, ProjectLedgers.date(from, "from"), ProjectLedgers.date(to, "to"));
			model.addAttribute("ledger", ledger);
			model.addAttribute("chains", ledger.chains());
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("filterError", ex.getMessage());
			model.addAttribute("chains", ledgers.chainNames());
		}
		return "projects";
	}

	/** Moves one project on; the filters come back so the user lands where they were. */
	@PostMapping("/projects/{id}/stage")
	String advance(@PathVariable String id, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String by, @RequestParam(required = false) @Nullable String date,
			@RequestParam(required = false) @Nullable String chain, @RequestParam(required = false) @Nullable String stage,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String until, RedirectAttributes redirect) {
		try {
			Projects.Project p = projects.advance(id, to, by, ProjectLedgers.date(date, "date"));
			// credited by this move: a credit is kept once, at the first landed stage
			List<String> now = p.credits().stream().filter(c -> c.stage().equals(p.stage())).map(Projects.Credit::referrer).toList();
			String credited = now.isEmpty() ? "" : "；引荐人 " + String.join("、", now) + " 记引荐功";
			redirect.addFlashAttribute("done", "已将“" + p.name() + "”推进到“" + p.stage() + "”" + credited + "。");
			redirect.addFlashAttribute("moved", p.id());
		}
		catch (IllegalArgumentException | NotFoundException ex) {
			redirect.addFlashAttribute("error", "未能推进项目 " + id + "：" + ex.getMessage());
		}
		return back(redirect, chain, stage, q, from, until);
	}

	/** Takes back a project's latest move, for a stage recorded by mistake. */
	@PostMapping("/projects/{id}/undo")
	String undo(@PathVariable String id, @RequestParam(required = false) @Nullable String undo, @RequestParam(required = false) @Nullable String by,
			@RequestParam(required = false) @Nullable String reason, @RequestParam(required = false) @Nullable String chain,
			@RequestParam(required = false) @Nullable String stage, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String until,
			RedirectAttributes redirect) {
		try {
			Projects.Project p = projects.undo(id, undo, by, reason);
			Projects.Correction c = p.corrections().get(p.corrections().size() - 1);
			redirect.addFlashAttribute("done", "已撤销“" + p.name() + "”的“" + c.stage() + "”（" + c.date() + "），项目回到“" + p.stage() + "”"
					+ (Projects.LANDED.contains(c.stage()) && !Projects.LANDED.contains(p.stage()) ? "，引荐记功随之取消" : "") + "。");
			redirect.addFlashAttribute("moved", p.id());
		}
		catch (IllegalArgumentException | NotFoundException ex) {
			redirect.addFlashAttribute("error", "未能撤销项目 " + id + " 的上一步：" + ex.getMessage());
		}
		return back(redirect, chain, stage, q, from, until);
	}

	/**
	 * Back to the ledger with the filters the user had. The period's end comes as {@code until}: in the
	 * advance form {@code to} is the stage to move to.
	 */
	private static String back(RedirectAttributes redirect, @Nullable String chain, @Nullable String stage, @Nullable String q,
			@Nullable String from, @Nullable String until) {
		for (var filter : new String[][] { { "chain", chain }, { "stage", stage }, { "q", q }, { "from", from }, { "to", until } }) {
			String value = blankToNull(filter[1]);
			if (value != null) {
				redirect.addAttribute(filter[0], value);
			}
		}
		return "redirect:/projects";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
