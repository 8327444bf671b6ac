package cn.chainscout;

import java.util.Arrays;

import cn.chainscout.dataimport.ImportCommand;
import cn.chainscout.search.SearchCommand;
import cn.chainscout.synth.GenerateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * ChainScout (链探). {@code java -jar chainscout.jar} runs the service; {@code import},
 * {@code reindex}, {@code generate}, {@code evaluate-search}, {@code evaluate}, {@code bench-chains},
 * {@code bench-recommend}, {@code bench-trips}, {@code bench-signals} and {@code bench-crawl} run the commands of the same jar.
 */
@SpringBootApplication
public class Application {

	private static final java.util.Set<String> COMMANDS = java.util.Set.of("import", "generate", "reindex", "evaluate-search", "evaluate",
			"bench-chains", "bench-recommend", "bench-trips", "bench-signals", "bench-crawl");

	public static void main(String[] args) {
		String command = args.length > 0 ? args[0] : "";
		String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
		if (COMMANDS.contains(command)) {
			// A command does its own work only: no scheduled crawls, no recommendations computed in the background.
			System.setProperty("chainscout.crawl.schedule-enabled", System.getProperty("chainscout.crawl.schedule-enabled", "false"));
			System.setProperty("chainscout.recommend.warm-up", System.getProperty("chainscout.recommend.warm-up", "false"));
		}
		switch (command) {
			case "import" -> System.exit(ImportCommand.run(rest));
			case "generate" -> System.exit(GenerateCommand.run(rest));
			case "reindex" -> System.exit(SearchCommand.reindex(rest));
			case "evaluate-search" -> System.exit(SearchCommand.evaluate(rest));
			case "evaluate" -> System.exit(cn.chainscout.recommend.EvaluateCommand.run(rest));
			case "bench-chains" -> System.exit(cn.chainscout.chain.ChainBenchCommand.run(rest));
			case "bench-recommend" -> System.exit(cn.chainscout.recommend.RecommendBenchCommand.run(rest));
			case "bench-trips" -> System.exit(cn.chainscout.tripmap.TripBenchCommand.run(rest));
			case "bench-signals" -> System.exit(cn.chainscout.signal.SignalBenchCommand.run(rest));
			case "bench-crawl" -> System.exit(cn.chainscout.crawl.CrawlBenchCommand.run(rest));
			default -> SpringApplication.run(Application.class, args);
		}
	}
}
