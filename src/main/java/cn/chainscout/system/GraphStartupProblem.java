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

	/**
	 * The web port taken, the most common failure of a first start on an office PC, in Chinese; it
	 * goes before Spring Boot's English analysis of the same exception. Registered in
	 * META-INF/spring.factories.
	 */
	@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
	static final class WebPortAnalyzer extends AbstractFailureAnalyzer<org.springframework.boot.web.server.PortInUseException> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, org.springframework.boot.web.server.PortInUseException cause) {
			int port = cause.getPort();
			int next = port < 65535 ? port + 1 : 8081;
			return new FailureAnalysis("网页端口 " + port + " 已被占用（多半是另一个已在运行的链探，或别的程序）",
					"停止占用它的程序，或在启动命令后加上 --server.port=" + next + " 换一个端口，再打开 http://localhost:" + next + "/ 。",
					cause);
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

	/** The innermost cause of {@code ex}. */
	static Throwable root(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t;
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
