package cn.chainscout.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The graph database could not be opened or reached at start, for a reason the person starting the
 * service can fix: what happened and what to do, in Chinese. {@link Analyzer} makes Spring Boot print
 * these two instead of a stack trace of 130 to 300 lines (the trace stays in the debug log).
 */
public class GraphStartupProblem extends RuntimeException {

	private final String action;

	public GraphStartupProblem(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	public GraphStartupProblem(String description, String action) {
		super(description);
		this.action = action;
	}

	public String action() {
		return action;
	}

	/** Registered in META-INF/spring.factories. */
	static final class Analyzer extends AbstractFailureAnalyzer<GraphStartupProblem> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, GraphStartupProblem cause) {
			return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
		}
	}

	/** The first cause of {@code ex} (itself included) of the given type, or null. */
	static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	/** True when some cause's message contains the text (for causes whose type is internal to Neo4j or the JDK). */
	static boolean mentions(Throwable ex, String text) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t.getMessage() != null && t.getMessage().contains(text)) {
				return true;
			}
		}
		return false;
	}
}
