package cn.chainscout.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import ac.simons.neo4j.migrations.core.ClasspathResourceScanner;
import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Applies the Cypher migrations of {@code graph-schema/migrations} with neo4j-migrations, which records
 * each applied version with its checksum in the database, so a second run applies nothing.
 */
public final class MigrationRunner {

	public static final String LOCATION = "classpath:graph-schema/migrations";

	private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);

	private MigrationRunner() {
	}

	/** @return the version the database is at afterwards */
	public static String migrate(Driver driver, String database) {
		MigrationsConfig config = MigrationsConfig.builder()
			.withLocationsToScan(LOCATION)
			.withDatabase(database)
			.withResourceScanner(new SpringResourceScanner())
			.withTransactionMode(MigrationsConfig.TransactionMode.PER_MIGRATION)
			.build();
		Migrations migrations = new Migrations(config, driver);
		String version = migrations.apply().map(v -> v.getValue()).orElse("none");
		log.info("Graph schema at version {}", version);
		return version;
	}

	/**
	 * Lists migration files through Spring's resolver, which reads them from a directory in tests and
	 * from inside the executable jar alike.
	 */
	private static final class SpringResourceScanner implements ClasspathResourceScanner {

		@Override
		public List<URL> scan(List<String> locations) {
			var resolver = new PathMatchingResourcePatternResolver(MigrationRunner.class.getClassLoader());
			List<URL> urls = new ArrayList<>();
			for (String location : locations) {
				String path = location.replaceFirst("^classpath:", "").replaceFirst("^/", "");
				try {
					for (Resource resource : resolver.getResources("classpath*:" + path + "/*.cypher")) {
						urls.add(resource.getURL());
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Cannot list migrations in " + location, ex);
				}
			}
			return urls;
		}
	}
}
