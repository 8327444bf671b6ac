package cn.chainscout.system;

import java.util.function.BooleanSupplier;

import org.neo4j.driver.Logger;
import org.neo4j.driver.Logging;

/**
 * The driver's logging through SLF4J, except for one warning while the application stops. A read in
 * the background (the warm-up of chain maps or recommendations) may still run when the driver
 * closes; its transaction then fails, and the driver's retry logic warned "Transaction failed and
 * will be retried" with a stack trace of 40 lines, at the end of every such stop. While stopping, that
 * warning goes to the debug level: the read is cut off on purpose and nothing will retry it.
 */
final class StoppingLogging implements Logging {

	private static final long serialVersionUID = 1L;

	/** The driver's retry logic, whose warnings are expected while stopping. */
	static final String RETRIES = "org.neo4j.driver.internal.retry";

	private final Logging delegate = Logging.slf4j();

	private final transient BooleanSupplier stopping;

	StoppingLogging(BooleanSupplier stopping) {
		this.stopping = stopping;
	}

	@Override
	public Logger getLog(String name) {
		Logger log = delegate.getLog(name);
		return name.startsWith(RETRIES) ? new Quiet(log, stopping) : log;
	}

	private record Quiet(Logger log, BooleanSupplier stopping) implements Logger {

		@Override
		public void error(String message, Throwable cause) {
			log.error(message, cause);
		}

		@Override
		public void info(String format, Object... params) {
			log.info(format, params);
		}

		@Override
		public void warn(String format, Object... params) {
			if (stopping.getAsBoolean()) {
				log.debug(format, params);
			}
			else {
				log.warn(format, params);
			}
		}

		@Override
		public void warn(String message, Throwable cause) {
			if (stopping.getAsBoolean()) {
				log.debug(message, cause);
			}
			else {
				log.warn(message, cause);
			}
		}

		@Override
		public void debug(String format, Object... params) {
			log.debug(format, params);
		}

		@Override
		public void debug(String message, Throwable cause) {
			log.debug(message, cause);
		}

		@Override
		public void trace(String format, Object... params) {
			log.trace(format, params);
		}

		@Override
		public boolean isTraceEnabled() {
			return log.isTraceEnabled();
		}

		@Override
		public boolean isDebugEnabled() {
			return log.isDebugEnabled();
		}
	}
}
