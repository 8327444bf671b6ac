package cn.chainscout.search;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PinyinTest {

	@ParameterizedTest(name = "{0} → {1} / {2}")
	@CsvSource(textBlock = """
			宁德时代,   ningdeshidai, ndsd
			桐城,       tongcheng,    tc
			重庆,       chongqing,    cq
			重庆,       zhongqing,    zq
			恩捷股份,   enjiegufen,   ejgf
			TCL科技,    tclkeji,      tclkj
			""")
	void givesEveryReadingOfAName(String name, String full, String initials) {
		List<Pinyin.Variant> variants = Pinyin.variants(name);
		assertThat(variants).contains(new Pinyin.Variant(full, initials));
		assertThat(variants).hasSizeLessThanOrEqualTo(Pinyin.MAX_VARIANTS);
	}
}
