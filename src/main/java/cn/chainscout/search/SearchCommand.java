package cn.chainscout.search;

import java.util.ArrayList;
import java.util.List;

import cn.chainscout.Application;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code java -jar chainscout.jar reindex}: rebuilds the search index from the graph. */
public final class SearchCommand {

	private SearchCommand() {
	}

	public static int reindex(String[] args) {
		List<String> springArgs = new ArrayList<>(List.of(args));
		springArgs.add("--chainscout.importing.auto=false");
		SpringApplication app = new SpringApplication(Application.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
			long n = context.getBean(SearchIndexer.class).rebuild();
			System.out.println("检索索引已重建：" + n + " 家企业");
			return 0;
		}
		catch (RuntimeException ex) {
			System.err.println("重建失败: " + ex.getMessage());
			return 1;
		}
	}
}
