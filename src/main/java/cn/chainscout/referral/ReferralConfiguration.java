package cn.chainscout.referral;

import cn.chainscout.dataimport.DataImportService;
import cn.chainscout.system.ChainScoutProperties;
import cn.chainscout.system.StartupStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class ReferralConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ReferralConfiguration.class);

	/** After the chains and local firms: on first start import the configured referrer list (the bundled sample). */
	@Bean
	@Order(11)
	ApplicationRunner referrersOnStart(ReferrerService referrers, ChainScoutProperties properties, DataImportService imports,
			StartupStatus startup) {
		return args -> {
			if (!imports.hasEnterprises()) {
				// Matched against an empty graph, most rows would be rejected and the list counted as
				// imported; it waits for the service's first start after an import instead.
				log.info("图中还没有企业：引荐人名单在服务下次启动时导入");
				return;
			}
			if (!properties.home().referrers().isBlank() && !referrers.hasList()) {
				startup.phase("正在导入引荐人名单");
				try {
					referrers.importConfigured();
				}
				catch (RuntimeException ex) {
					log.warn("Could not import the referrer list {}: {}", properties.home().referrers(), ex.getMessage());
				}
			}
		};
	}
}
