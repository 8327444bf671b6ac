package cn.chainscout;

import java.util.Arrays;

import cn.chainscout.dataimport.ImportCommand;
import cn.chainscout.search.SearchCommand;
import cn.chainscout.synth.GenerateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * ChainScout (链探). {@code java -jar chainscout.jar} runs the service; {@code import},
 * {@code bench-import}, {@code reindex}, {@code generate}, {@code evaluate-search}, {@code evaluate}, {@code bench-chains},
 * {@code bench-recommend}, {@code bench-trips}, {@code bench-signals} and {@code bench-crawl} run the commands of the same jar.
 */
@SpringBootApplication
public class Application {

	/** The jar's commands by name: each takes its arguments and returns the exit code. */
	private static final java.util.Map<String, java.util.function.ToIntFunction<String[]>> COMMANDS = java.util.Map.ofEntries(
			java.util.Map.entry("import", ImportCommand::run),
			java.util.Map.entry("generate", GenerateCommand::run),
			java.util.Map.entry("reindex", SearchCommand::reindex),
			java.util.Map.entry("evaluate-search", SearchCommand::evaluate),
			java.util.Map.entry("evaluate", cn.chainscout.recommend.EvaluateCommand::run),
			java.util.Map.entry("bench-import", cn.chainscout.dataimport.ImportBenchCommand::run),
			java.util.Map.entry("bench-chains", cn.chainscout.chain.ChainBenchCommand::run),
			java.util.Map.entry("bench-recommend", cn.chainscout.recommend.RecommendBenchCommand::run),
			java.util.Map.entry("bench-trips", cn.chainscout.tripmap.TripBenchCommand::run),
			java.util.Map.entry("bench-signals", cn.chainscout.signal.SignalBenchCommand::run),
			java.util.Map.entry("bench-crawl", cn.chainscout.crawl.CrawlBenchCommand::run));

	public static void main(String[] args) {
		var command = args.length > 0 ? COMMANDS.get(args[0]) : null;
		if (command == null) {
			SpringApplication.run(Application.class, args);
			return;
		}
		// A command does its own work only: no scheduled crawls, no chain maps or recommendations computed in the background.
		System.setProperty("chainscout.crawl.schedule-enabled", System.getProperty("chainscout.crawl.schedule-enabled", "false"));
		System.setProperty("chainscout.recommend.warm-up", System.getProperty("chainscout.recommend.warm-up", "false"));
		System.setProperty("chainscout.chains.warm-up", System.getProperty("chainscout.chains.warm-up", "false"));
		System.exit(command.applyAsInt(Arrays.copyOfRange(args, 1, args.length)));
	}
}
