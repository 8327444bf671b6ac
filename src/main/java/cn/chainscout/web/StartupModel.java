package cn.chainscout.web;

import cn.chainscout.system.StartupStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the start-up status, for the banner the layout shows while the service starts. */
@ControllerAdvice(annotations = Controller.class)
class StartupModel {

	private final StartupStatus status;

	StartupModel(StartupStatus status) {
		this.status = status;
	}

	@ModelAttribute("startup")
	StartupStatus startup() {
		return status;
	}
}
