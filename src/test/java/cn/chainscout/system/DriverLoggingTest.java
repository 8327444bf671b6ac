package cn.chainscout.system;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver writes every Bolt message to its debug log ("C: RUN …" with all parameters). With the
 * driver's default logger that text was built for every batch even with debug off; ours must build it
 * only when someone reads it.
 */
class DriverLoggingTest {

	private static final String NAME = "org.neo4j.driver.chainscout.DriverLoggingTest";

	private final Logger logback = (Logger) LoggerFactory.getLogger(NAME);

	@AfterEach
	void reset() {
		logback.setLevel(null);
		logback.detachAndStopAllAppenders();
	}

	@Test
	void aBoltMessageIsNotRenderedWhileDebugIsOff() {
		logback.setLevel(Level.INFO);
		AtomicInteger rendered = new AtomicInteger();
		Object batch = renderCounting(rendered);

		var driverLog = GraphConnection.driverConfig().logging().getLog(NAME);
		driverLog.debug("C: RUN %s", batch);

		assertThat(driverLog.isDebugEnabled()).isFalse();
		assertThat(rendered).hasValue(0);
	}

	@Test
	void withDebugOnTheMessageReachesTheApplicationsLog() {
		logback.setLevel(Level.DEBUG);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logback.addAppender(appender);
		AtomicInteger rendered = new AtomicInteger();

		GraphConnection.driverConfig().logging().getLog(NAME).debug("C: RUN %s", renderCounting(rendered));

		assertThat(rendered).hasValue(1);
		assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("C: RUN {rows: 10000}");
	}

	/**
	 * A background read cut off by the closing driver: while the application stops, the retry logic's
	 * "will be retried" warning and its stack trace stay out of the log; before, they are kept.
	 */
	@Test
	void retryWarningsAreQuietOnlyWhileStopping() {
		String retries = StoppingLogging.RETRIES + ".ExponentialBackoffRetryLogic";
		Logger retryLog = (Logger) LoggerFactory.getLogger(retries);
		retryLog.setLevel(Level.INFO);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		retryLog.addAppender(appender);
		try {
			java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
			var driverLog = GraphConnection.driverConfig(stopping::get).logging().getLog(retries);
			var failure = new org.neo4j.driver.exceptions.ServiceUnavailableException("Connection is closed");
			driverLog.warn("Transaction failed and will be retried in 923ms", failure);
			stopping.set(true);
			driverLog.warn("Transaction failed and will be retried in 1845ms", failure);
			driverLog.warn("Transaction failed and will be retried in %sms", 3000);
			driverLog.error("Retries exhausted", failure);
			assertThat(appender.list).extracting(e -> e.getLevel() + " " + e.getFormattedMessage())
				.containsExactly("WARN Transaction failed and will be retried in 923ms", "ERROR Retries exhausted");
			// Other loggers of the driver are not touched.
			assertThat(GraphConnection.driverConfig(stopping::get).logging().getLog(NAME).getClass().getName())
				.doesNotContain("StoppingLogging");
		}
		finally {
			retryLog.setLevel(null);
			retryLog.detachAndStopAllAppenders();
		}
	}

	private static Object renderCounting(AtomicInteger rendered) {
		return new Object() {
			@Override
			public String toString() {
				rendered.incrementAndGet();
				return "{rows: 10000}";
			}
		};
	}
}
