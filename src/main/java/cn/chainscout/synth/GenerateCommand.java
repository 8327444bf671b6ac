package cn.chainscout.synth;

import java.nio.file.Path;

/**
 * {@code java -jar chainscout.jar generate --enterprises N --out DIR [--seed S]}: writes a synthetic
 * data set in the chainkg format for benchmarks.
 */
public final class GenerateCommand {

	private GenerateCommand() {
	}

	public static int run(String[] args) {
		int enterprises = 100_000;
		long seed = 42;
		Path out = null;
		try {
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--enterprises" -> enterprises = Integer.parseInt(args[++i].replace("_", ""));
					case "--seed" -> seed = Long.parseLong(args[++i]);
					case "--out" -> out = Path.of(args[++i]);
					default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
				}
			}
		}
		catch (NumberFormatException | ArrayIndexOutOfBoundsException ex) {
			System.err.println("错误: 参数有误 (" + ex.getMessage() + ")\n" + usage());
			return 2;
		}
		catch (IllegalArgumentException ex) {
			System.err.println("错误: " + ex.getMessage() + "\n" + usage());
			return 2;
		}
		if (out == null || enterprises < 1) {
			System.err.println("错误: 需要 --out DIR 和正数 --enterprises\n" + usage());
			return 2;
		}
		long start = System.nanoTime();
		var counts = new SyntheticGenerator(seed).generate(enterprises, out);
		System.out.printf("已生成 %s: %d 家企业, %d 个产品, %d 条企业-产品, %d 条产品关系 (%.1f 秒)%n", out, counts.enterprises(),
				counts.products(), counts.makes(), counts.relations(), (System.nanoTime() - start) / 1e9);
		return 0;
	}

	static String usage() {
		return "用法: java -jar chainscout.jar generate --enterprises N --out DIR [--seed S]";
	}
}
