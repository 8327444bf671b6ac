package cn.chainscout.recommend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.chainscout.Application;
import cn.chainscout.graph.Graph;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar chainscout.jar evaluate [--seed 42] [--fraction 0.1] [--max N] [--rankers all|chainscout]}:
 * offline evaluation of likely makers against the baselines on a seeded hold-out split of the
 * graph's enterprise→product links (see BENCHMARKS.md). {@code --rankers chainscout} skips the
 * baselines and the name profile, for quick iterations.
 * <p>
 * {@code evaluate --train-trees [--seeds 1,2] [--out FILE] [--trees 400] [--depth 5,7] [--rate 0.1] [--min-leaf 50]}
 * trains the learned order on the tuning seeds instead ({@link TreeTraining}), choosing among the
 * listed hyper-parameters, and writes the model (by default to {@code src/main/resources/...} under
 * the working directory; give {@code --out} the project's resource file when running elsewhere).
 * {@code --one-way} trains on the first seed and measures on the second only, and writes nothing.
 * {@code --fixed} compares nothing: it trains one model with the one setting given on the held-out
 * links of every seed listed (settings chosen before, on seeds 1 and 2) and writes it.
 */
public final class EvaluateCommand {

	private EvaluateCommand() {
	}

	public static int run(String[] args) {
		long seed = 42;
		double fraction = 0.1;
		int max = 0;
		boolean onlyChainScout = false;
		boolean trainTrees = false;
		boolean oneWay = false;
		long[] seeds = { 1, 2 };
		String out = "src/main/resources/" + LearnedLikelyMakers.RESOURCE;
		boolean fixed = false;
		int[] trees = { 400 };
		int[] depths = { 5, 7 };
		double[] rates = { 0.1 };
		int[] minLeaves = { 50 };
		List<String> springArgs = new ArrayList<>();
		springArgs.add("--chainscout.importing.auto=false");
		try {
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--seed" -> seed = Long.parseLong(args[++i]);
					case "--fraction" -> fraction = Double.parseDouble(args[++i]);
					case "--max" -> max = Integer.parseInt(args[++i]);
					case "--rankers" -> {
						String r = args[++i];
						if (!r.equals("all") && !r.equals("chainscout")) {
							throw new NumberFormatException("--rankers 应为 all 或 chainscout，实际为 " + r);
						}
						onlyChainScout = r.equals("chainscout");
					}
					case "--train-trees" -> trainTrees = true;
					case "--one-way" -> oneWay = true;
					case "--fixed" -> fixed = true;
					case "--seeds" -> seeds = Arrays.stream(args[++i].split(",")).mapToLong(Long::parseLong).toArray();
					case "--out" -> out = args[++i];
					case "--trees" -> trees = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
					case "--depth" -> depths = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
					case "--rate" -> rates = Arrays.stream(args[++i].split(",")).mapToDouble(Double::parseDouble).toArray();
					case "--min-leaf" -> minLeaves = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
					default -> springArgs.add(args[i]);
				}
			}
			if (!(fraction > 0 && fraction < 1)) {
				throw new NumberFormatException("--fraction 应在 0 和 1 之间，实际为 " + fraction);
			}
		}
		catch (ArrayIndexOutOfBoundsException | NumberFormatException ex) {
			System.err.println("错误: 参数有误 (" + ex.getMessage() + ")\n用法: java -jar chainscout.jar evaluate [--seed 42] [--fraction 0.1] [--max N] [--rankers all|chainscout]\n"
					+ "      java -jar chainscout.jar evaluate --train-trees [--seeds 1,2] [--out FILE] [--trees 400] [--depth 5,7] [--rate 0.1] [--min-leaf 50]\n"
					+ "      java -jar chainscout.jar evaluate --train-trees --fixed --seeds 1,2,3,4 --trees 300 --depth 7 [--out FILE]");
			return 2;
		}
		SpringApplication app = new SpringApplication(Application.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
			MakerGraph g = MakerGraph.read(context.getBean(Graph.class));
			if (trainTrees) {
				List<LambdaMart.Params> grid = new ArrayList<>();
				for (int t : trees) {
					for (int d : depths) {
						for (double r : rates) {
							for (int m : minLeaves) {
								grid.add(new LambdaMart.Params(t, d, r, m, 1.0));
							}
						}
					}
				}
				if (fixed) {
					if (grid.size() != 1) {
						System.err.println("错误: --fixed 需要一组超参数（--trees、--depth 各一个值），实际为 " + grid.size() + " 组");
						return 2;
					}
					TreeTraining.trainFixed(g, seeds, fraction, grid.get(0), Path.of(out), System.out);
					return 0;
				}
				TreeTraining.train(g, seeds, fraction, grid, Path.of(out), System.out, oneWay);
				return 0;
			}
			List<Rankers.Ranker> rankers = new ArrayList<>();
			if (!onlyChainScout) {
				rankers.addAll(Rankers.baselines());
				rankers.add(Rankers.PROFILE);
			}
			rankers.add(new LikelyMakers());
			rankers.add(LearnedLikelyMakers.bundled());
			System.out.println(Evaluation.run(g, seed, fraction, max, rankers).table());
			return 0;
		}
		catch (RuntimeException | java.io.IOException ex) {
			System.err.println("评测失败: " + cn.chainscout.system.Problems.forPeople(ex));
			return 1;
		}
	}
}
