package cn.chainscout.dataimport;

import cn.chainscout.graph.BatchWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Import progress in the log: at most one line every two seconds per step, and each step's end. */
final class LogProgress implements BatchWriter.Progress {

	private static final Logger log = LoggerFactory.getLogger(LogProgress.class);

	private long lastLog = System.nanoTime();

	@Override
	public void advanced(String step, long done, long total) {
		long now = System.nanoTime();
		if (done < total && now - lastLog < 2_000_000_000L) {
			return;
		}
		lastLog = now;
		if (done < total) {
			log.info("  {}: {}/{} ({}%)", step, done, total, total == 0 ? 100 : done * 100 / total);
		}
	}
}
