package cn.chainscout.dataimport;

import cn.chainscout.system.ChainScoutProperties;
import cn.chainscout.system.StartupStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start, imports the configured data set unless the graph already holds a complete import of it.
 * An import that was killed left its data set IMPORTING, so it is run again and converges.
 */
@Component
@org.springframework.core.annotation.Order(0)
class AutoImport implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AutoImport.class);

	private final DataImportService imports;

	private final ChainScoutProperties properties;

	private final StartupStatus startup;

	AutoImport(DataImportService imports, ChainScoutProperties properties, StartupStatus startup) {
		this.startup = startup;
		this.imports = imports;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		// An import killed while a label's indexes were aside: build them again, import or not.
		cn.chainscout.graph.DeferredIndexes.restoreAll(imports.graph());
		if (!properties.importing().auto()) {
			return;
		}
		DataSetLocation location = DataSetLocation.of(properties.importing().data());
		if (imports.isComplete(location.datasetId())) {
			log.info("Data set {} already imported; not importing again", location.datasetId());
			return;
		}
		String dataset = location.datasetId();
		startup.phase("正在导入数据集 " + dataset);
		LogProgress log = new LogProgress();
		java.util.Set<String> steps = new java.util.HashSet<>();
		imports.importFrom(location, (step, done, total) -> {
			log.advanced(step, done, total);
			steps.add(step);
			startup.phase("正在导入数据集 " + dataset + "（第 " + steps.size() + " 步，本步 "
					+ (total == 0 ? 100 : done * 100 / total) + "%）");
		});
	}
}
