package cn.chainscout.crawl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Recrawls each source on its {@code schedule} (a cron expression). Off when
 * {@code chainscout.crawl.schedule-enabled=false}, as in the tests. A source still crawling when its
 * time comes again is left to finish.
 */
@Component
class CrawlSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CrawlSchedule.class);

	private final CrawlService crawls;

	private final CrawlProperties properties;

	private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

	private @Nullable ThreadPoolTaskScheduler scheduler;

	private volatile boolean running;

	CrawlSchedule(CrawlService crawls, CrawlProperties properties) {
		this.crawls = crawls;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		running = true;
		if (!properties.scheduleEnabled()) {
			log.info("Scheduled crawls are off (chainscout.crawl.schedule-enabled=false)");
			return;
		}
		scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setThreadNamePrefix("crawl-schedule-");
		scheduler.setDaemon(true);
		scheduler.initialize();
		reschedule();
	}

	/** Schedules the sources as they are now loaded (after a reload too). */
	synchronized void reschedule() {
		if (scheduler == null) {
			return;
		}
		scheduled.forEach(f -> f.cancel(false));
		scheduled.clear();
		for (SourceDefinition d : crawls.definitions()) {
			if (!d.schedule().isBlank()) {
				String id = d.id();
				scheduled.add(scheduler.schedule(() -> {
					try {
						crawls.crawlSource(id);
					}
					catch (RuntimeException ex) {
						log.warn("Scheduled crawl of {} not started: {}", id, ex.getMessage());
					}
				}, new CronTrigger(d.schedule())));
				log.info("Crawl source {} scheduled: {}", id, d.schedule());
			}
		}
	}

	@Override
	public synchronized void stop() {
		running = false;
		if (scheduler != null) {
			scheduler.shutdown();
			scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
