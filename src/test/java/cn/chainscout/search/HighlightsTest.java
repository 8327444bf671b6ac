package cn.chainscout.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightsTest {

	@Test
	void aQueryIsCutIntoCharacterPairsSingleCharactersAndLatinTokens() {
		assertThat(Highlights.pieces("宁德时代")).containsExactly("宁德", "德时", "时代");
		assertThat(Highlights.pieces("安徽 包装")).containsExactly("安徽", "包装");
		assertThat(Highlights.pieces("TCL科技 膜")).containsExactly("tcl", "科技", "膜");
		assertThat(Highlights.pieces("300750")).containsExactly("300750");
	}

	@Test
	void aNameIsMarkedWhereThePairsAreAndOverlappingPairsMakeOneMark() {
		List<String> q = Highlights.pieces("宁德时代");
		assertThat(Highlights.mark("宁德时代", q)).isEqualTo("<em>宁德时代</em>");
		assertThat(Highlights.mark("宁德时代新能源科技股份有限公司", q)).isEqualTo("<em>宁德时代</em>新能源科技股份有限公司");
		// A homophone typo still marks the pairs it shares.
		assertThat(Highlights.mark("宁德时代", Highlights.pieces("宁德时待"))).isEqualTo("<em>宁德时</em>代");
		assertThat(Highlights.mark("贵州茅台", q)).isNull();
		assertThat(Highlights.mark(null, q)).isNull();
	}

	@Test
	void latinPiecesMarkWholeTokensOnlyWithoutRegardToCase() {
		assertThat(Highlights.mark("TCL科技", Highlights.pieces("tcl"))).isEqualTo("<em>TCL</em>科技");
		assertThat(Highlights.mark("ETCL Holdings", Highlights.pieces("tcl"))).isNull();
	}

	@Test
	void aListFieldShowsOnlyTheItemsThatMatchAtMostFive() {
		String products = "动力电池系统；储能系统；锂电池隔膜；电池材料；";
		assertThat(Highlights.markItems(products, Highlights.pieces("隔膜"))).isEqualTo("锂电池<em>隔膜</em>");
		assertThat(Highlights.markItems(products, Highlights.pieces("电池"))).isEqualTo("动力<em>电池</em>系统；锂<em>电池</em>隔膜；<em>电池</em>材料");
		String many = "电池1；电池2；电池3；电池4；电池5；电池6；";
		assertThat(Highlights.markItems(many, Highlights.pieces("电池"))).endsWith("<em>电池</em>5…");
		assertThat(Highlights.markItems(products, Highlights.pieces("家纺"))).isNull();
	}

	@Test
	void theTextIsEscapedForTheBrowser() {
		assertThat(Highlights.mark("<b>包装</b>&公司", Highlights.pieces("包装"))).isEqualTo("&lt;b&gt;<em>包装</em>&lt;/b&gt;&amp;公司");
	}
}
