package cn.chainscout.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.chainscout.Application;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The arguments of a command of the jar (bench-…): numeric {@code --name N} options, the rest for Spring. */
public final class CommandArgs {

	/** Parsed options; {@code spring} holds what goes to the application (e.g. {@code --chainscout.neo4j.uri=…}). */
	public record Parsed(Map<String, Integer> numbers, List<String> spring) {

		public int get(String name) {
			return numbers.get(name);
		}
	}

	private CommandArgs() {
	}

	/**
	 * @param defaults every numeric option with its default, e.g. {@code --runs → 10}
	 * @return the options, or null after printing the usage in Chinese when one is wrong
	 */
	public static @Nullable Parsed parse(String[] args, Map<String, Integer> defaults, String usage) {
		Map<String, Integer> numbers = new LinkedHashMap<>(defaults);
		List<String> spring = new ArrayList<>();
		spring.add("--chainscout.importing.auto=false");
		try {
			for (int i = 0; i < args.length; i++) {
				if (defaults.containsKey(args[i])) {
					numbers.put(args[i], Integer.parseInt(args[++i]));
				}
				else {
					spring.add(args[i]);
				}
			}
		}
		catch (ArrayIndexOutOfBoundsException | NumberFormatException ex) {
			System.err.println("错误: 参数有误 (" + ex.getMessage() + ")\n用法: " + usage);
			return null;
		}
		return new Parsed(numbers, spring);
	}

	/** The application without its web server, for a command that needs the graph. */
	public static ConfigurableApplicationContext start(List<String> springArgs) {
		SpringApplication app = new SpringApplication(Application.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		return app.run(springArgs.toArray(String[]::new));
	}
}
