package cn.chainscout.localfirm;

import java.io.IOException;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/** A page's upload of an office list (CSV or XLSX): imports it, and tells the page what happened in Chinese. */
public final class UploadForm {

	private UploadForm() {
	}

	/** Puts {@code error} (a message) or {@code done} in the model. */
	public static void handle(@Nullable MultipartFile file, Model model, BiConsumer<String, byte[]> importer) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("error", "请选择要上传的 CSV 或 XLSX 文件。");
			return;
		}
		try {
			importer.accept(file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename(), file.getBytes());
			model.addAttribute("done", true);
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
		}
	}
}
