package cn.chainscout.chain;

import cn.chainscout.dataimport.DataImportService;
import cn.chainscout.graph.Graph;
import cn.chainscout.localfirm.LocalFirmService;
import cn.chainscout.system.ChainScoutProperties;
import cn.chainscout.system.StartupStatus;
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
	ApplicationRunner chainsOnStart(ChainLoader loader, LocalFirmService firms, Graph graph, ChainScoutProperties properties,
			DataImportService imports, StartupStatus startup) {
		return args -> {
			if (!imports.hasEnterprises()) {
				// The import command on a new graph: matched against nothing, every chain would be rejected
				// with a thousand warnings. The chains load when the import ends (EnterprisesChanged), and
				// the local firms at the service's next start.
				log.info("图中还没有企业：产业链在导入完成后载入，本地企业名单在服务下次启动时导入");
				return;
			}
			startup.phase("正在载入产业链和本地企业名单");
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
