package cn.chainscout.system;

import cn.chainscout.graph.Graph;
import cn.chainscout.graph.MigrationRunner;
import org.neo4j.driver.Driver;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChainScoutProperties.class)
class GraphDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	GraphConnection graphConnection(ChainScoutProperties properties) {
		return GraphConnection.open(properties.neo4j());
	}

	/** Closed by {@link GraphConnection}, which must also stop the embedded database after it. */
	@Bean(destroyMethod = "")
	Driver driver(GraphConnection connection) {
		return connection.driver();
	}

	/** The graph, with its schema migrated before anyone can use it. */
	@Bean
	Graph graph(GraphConnection connection) {
		MigrationRunner.migrate(connection.driver(), connection.database());
		return new Graph(connection.driver(), connection.database());
	}
}
