package cn.chainscout.search;

import cn.chainscout.system.ChainScoutProperties;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

	@Bean(destroyMethod = "close")
	EnterpriseIndex enterpriseIndex(ChainScoutProperties properties) {
		return EnterpriseIndex.open(properties.search().indexDir().resolve("enterprises"), properties.search().refreshMillis());
	}

	@Bean(destroyMethod = "close")
	ProductIndex productIndex(ChainScoutProperties properties) {
		return ProductIndex.open(properties.search().indexDir().resolve("products"), properties.search().refreshMillis());
	}

	@Bean
	EnterpriseSearch enterpriseSearch(EnterpriseIndex index, ProductIndex products) {
		return new EnterpriseSearch(index, products);
	}

	/** After the start-up import (which runs first), make sure the index holds what the graph holds. */
	@Bean
	@Order(100)
	ApplicationRunner searchIndexCheck(SearchIndexer indexer, cn.chainscout.system.StartupStatus startup) {
		return args -> {
			startup.phase("正在核对检索索引");
			indexer.rebuildIfStale();
		};
	}
}
