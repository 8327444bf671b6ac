package cn.chainscout.crawl;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The crawl benchmark itself, small: several rounds, each fetching every page with no delay breach. */
class CrawlBenchCommandTest {

	@Test
	void everyRoundFetchesEveryPageWithoutBreachAndSaysWhichRoundIsMeasured() {
		String out = capture(() -> assertThat(CrawlBenchCommand.run(new String[] { "--hosts", "4", "--pages-per-host", "3",
				"--delay-ms", "150", "--threads", "4", "--rounds", "2" })).isZero());
		assertThat(out).contains("-- Round 1 of 2 (warm-up)").contains("-- Round 2 of 2\n");
		Matcher fetched = Pattern.compile("Pages fetched: (\\d+) of 12").matcher(out);
		int rounds = 0;
		while (fetched.find()) {
			assertThat(fetched.group(1)).isEqualTo("12");
			rounds++;
		}
		assertThat(rounds).isEqualTo(2);
		assertThat(out).contains("Per-host delay breaches (server side, gap < 150 ms): 0");
		assertThat(out).containsPattern("CPU time of the whole process meanwhile: \\d+\\.\\d+ s");
	}

	@Test
	void aBadRoundCountIsRefusedWithUsage() {
		PrintStream err = System.err;
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
		try {
			assertThat(CrawlBenchCommand.run(new String[] { "--rounds", "0" })).isEqualTo(2);
		}
		finally {
			System.setErr(err);
		}
		assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("--rounds").contains("用法");
	}

	private static String capture(Runnable r) {
		PrintStream out = System.out;
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
		try {
			r.run();
		}
		finally {
			System.setOut(out);
		}
		return buffer.toString(StandardCharsets.UTF_8);
	}
}
