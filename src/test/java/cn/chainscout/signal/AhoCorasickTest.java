package cn.chainscout.signal;

import java.util.List;

import cn.chainscout.signal.internal.AhoCorasick;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AhoCorasickTest {

	@Test
	void findsEveryOccurrenceIncludingOverlapsAndWordsInsideWords() {
		AhoCorasick ac = AhoCorasick.build(List.of("he", "she", "his", "hers", "东方通", "东方通信", "方通"));
		assertThat(ac.find("ushers")).containsExactly(new AhoCorasick.Hit(1, 4, 1), new AhoCorasick.Hit(2, 4, 0),
				new AhoCorasick.Hit(2, 6, 3));
		assertThat(ac.find("东方通信发布公告")).containsExactlyInAnyOrder(new AhoCorasick.Hit(0, 3, 4), new AhoCorasick.Hit(1, 3, 6),
				new AhoCorasick.Hit(0, 4, 5));
		assertThat(ac.find("")).isEmpty();
		assertThat(ac.find("无关文字")).isEmpty();
	}

	@Test
	void agreesWithANaiveSearchOnRandomText() {
		java.util.Random random = new java.util.Random(7);
		List<String> words = new java.util.ArrayList<>();
		for (int i = 0; i < 300; i++) {
			words.add(randomWord(random, 1 + random.nextInt(4)));
		}
		AhoCorasick ac = AhoCorasick.build(words);
		String text = randomWord(random, 5_000);
		long naive = 0;
		for (String w : new java.util.LinkedHashSet<>(words)) {
			for (int i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
				naive++;
			}
		}
		assertThat((long) ac.find(text).size()).isEqualTo(naive);
	}

	private static String randomWord(java.util.Random random, int length) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < length; i++) {
			sb.append("abcd甲乙".charAt(random.nextInt(6)));
		}
		return sb.toString();
	}
}
