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
		return EnterpriseIndex.open(properties.search().indexDir(), properties.search().refreshMillis());
	}

	@Bean
	EnterpriseSearch enterpriseSearch(EnterpriseIndex index) {
		return new EnterpriseSearch(index);
	}

	/** After the start-up import (which runs first), make sure the index holds what the graph holds. */
	@Bean
	@Order(100)
	ApplicationRunner searchIndexCheck(SearchIndexer indexer) {
		return args -> indexer.rebuildIfStale();
	}
}
