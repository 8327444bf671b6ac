package cn.chainscout.chain;

import cn.chainscout.graph.Graph;
import cn.chainscout.localfirm.LocalFirmService;
import cn.chainscout.system.ChainScoutProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ChainConfiguration.class);

	/**
	 * After the start-up import: bring the chains in line with their files, load the carriers, and on
	 * first start import the configured local-firm list (the bundled sample) so chain maps have a city.
	 */
	@Bean
	@Order(10)
	ApplicationRunner chainsOnStart(ChainLoader loader, LocalFirmService firms, Graph graph, ChainScoutProperties properties) {
		return args -> {
			loader.reload(false);
			firms.loadCarriers();
			boolean chains = graph.query("MATCH (c:Chain) RETURN count(c) > 0 AS any", java.util.Map.of()).get(0).get("any").asBoolean();
			if (chains && !firms.hasList() && !properties.home().localFirms().isBlank()) {
				try {
					firms.importConfigured();
				}
				catch (RuntimeException ex) {
					log.warn("Could not import the local-firm list {}: {}", properties.home().localFirms(), ex.getMessage());
				}
			}
		};
	}
}
