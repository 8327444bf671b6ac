package cn.chainscout.web;

import cn.chainscout.system.StartupStatus;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the start-up status, for the banner the layout shows while the service starts, and
 * whether the page may reload itself meanwhile: only a page that was asked for with GET (reloading the
 * answer to an upload would send the file again, or lose its report).
 */
@ControllerAdvice(annotations = Controller.class)
class StartupModel {

	private final ObjectProvider<StartupStatus> status;

	StartupModel(ObjectProvider<StartupStatus> status) {
		this.status = status;
	}

	@ModelAttribute("startup")
	@Nullable StartupStatus startup() {
		return status.getIfAvailable();
	}

	@ModelAttribute("startupReload")
	boolean reload(HttpServletRequest request) {
		StartupStatus s = status.getIfAvailable();
		return s != null && s.starting() && "GET".equals(request.getMethod());
	}
}
