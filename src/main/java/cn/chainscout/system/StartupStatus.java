package cn.chainscout.system;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * Whether the service is still starting, and what it is doing. The web server answers from the first
 * seconds, while the first start still imports the data set, loads the chains and builds the search
 * index (about a minute): pages say so instead of showing empty results as if they were final.
 * "Starting" ends when Spring Boot declares the service ready, after every start-up task; a service that
 * is shutting down (it then refuses traffic again) is not "starting".
 */
@Component
public class StartupStatus {

	private final ApplicationAvailability availability;

	private volatile String phase = "正在启动";

	/** Set when the context closes: it then refuses traffic too, but it is not starting. */
	private volatile boolean closing;

	public StartupStatus(ApplicationAvailability availability) {
		this.availability = availability;
	}

	/** True until every start-up task has finished. */
	public boolean starting() {
		return !closing && availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC;
	}

	@org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
	void closing() {
		closing = true;
	}

	/** What the start-up is doing now, in words for the office staff, e.g. "正在导入数据集 chainkg（第 5 步）". */
	public String phase() {
		return phase;
	}

	public void phase(String phase) {
		this.phase = phase;
	}
}
