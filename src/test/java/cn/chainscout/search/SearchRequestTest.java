package cn.chainscout.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchRequestTest {

	@ParameterizedTest(name = "q={0} page={1} size={2} sort={3} → {4}")
	@CsvSource(delimiter = '|', textBlock = """
			''          | 1   | 20   | relevance | 参数 q 不能为空
			？！。，…   | 1   | 20   | relevance | 只有标点符号
			宁德        | abc | 20   | relevance | 参数 page 的值 'abc' 不是整数
			宁德        | 0   | 20   | relevance | 参数 page 的值 '0' 超出范围
			宁德        | 1   | 1000 | relevance | 参数 size 的值 '1000' 超出范围
			宁德        | 1   | 20   | newest    | 参数 sort 的值 'newest' 无效
			""")
	void rejectsBadInputWithAMessageNamingTheParameter(String q, String page, String size, String sort, String message) {
		assertThatThrownBy(() -> SearchRequest.parse(q, null, null, null, null, page, size, sort))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(message);
	}

	@Test
	void rejectsAnAbsurdlyLongQuery() {
		assertThatThrownBy(() -> SearchRequest.parse("宁".repeat(10_000), null, null, null, null, null, null, null))
			.hasMessageContaining("参数 q 过长（10000 个字符）");
	}

	@Test
	void acceptsFiltersWithoutQueryAndNormalisesSpaces() {
		SearchRequest r = SearchRequest.parse("  安徽   包装 ", null, null, null, null, null, null, null);
		assertThat(r.q()).isEqualTo("安徽 包装");
		assertThat(r.page()).isEqualTo(1);
		assertThat(r.size()).isEqualTo(20);
		assertThat(SearchRequest.parse(null, "安徽省", null, null, null, "2", "5", "size").province()).isEqualTo("安徽省");
	}
}
