package cn.chainscout.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Temporary homes (database, reports, index) of the Spring tests, deleted when their test class ends.
 * Only for Spring tests: a plain test deletes its own directories.
 * A Spring test's context is cached until the JVM exits, so a home deleted in {@code @AfterAll} would
 * still be open; {@link Cleanup} closes the class's context first, then deletes what it used. Each
 * class has its own home, so its context is never shared with another class anyway. Before this, each
 * run of the suite left about 1.5 GB in the temp directory, and a machine that ran it often filled up.
 */
public final class TestHomes {

	private static final List<Path> open = new ArrayList<>();

	private TestHomes() {
	}

	/** A new empty directory under the system temp directory, deleted after the test class that made it. */
	public static synchronized Path create(String prefix) {
		try {
			Path dir = Files.createTempDirectory(prefix);
			open.add(dir);
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static synchronized List<Path> takeAll() {
		List<Path> all = List.copyOf(open);
		open.clear();
		return all;
	}

	/** Registered in META-INF/spring.factories; runs last after each Spring test class. */
	public static final class Cleanup implements TestExecutionListener, Ordered {

		@Override
		public int getOrder() {
			return 0;
		}

		@Override
		public void afterTestClass(TestContext testContext) {
			List<Path> homes = takeAll();
			if (homes.isEmpty()) {
				return;
			}
			if (testContext.hasApplicationContext()) {
				testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
			}
			homes.forEach(TestGraph::deleteRecursively);
		}
	}
}
