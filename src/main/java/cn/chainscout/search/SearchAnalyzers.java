package cn.chainscout.search;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How each field is analysed. Names get characters and character pairs (桐城 → 桐, 城, 桐城), which find
 * firms that a word segmenter splits badly and tolerate a wrong character; product and industry text
 * also gets SmartChineseAnalyzer words.
 */
final class SearchAnalyzers {

	private SearchAnalyzers() {
	}

	/** Unigrams and bigrams of Han characters; Latin words and numbers as words, lower-cased. */
	static Analyzer cjkGrams() {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer source = new StandardTokenizer();
				TokenStream stream = new CJKWidthFilter(source);
				stream = new LowerCaseFilter(stream);
				stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN, true);
				return new TokenStreamComponents(source, stream);
			}
		};
	}

	static Analyzer perField() {
		Analyzer grams = cjkGrams();
		Analyzer smart = new SmartChineseAnalyzer();
		return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
				Map.of(Fields.NAME, grams, Fields.FULL_NAME, grams, Fields.ALIASES, grams, Fields.PRODUCTS, grams,
						Fields.MAJOR_PRODUCTS, grams, Fields.PRODUCTS_WORDS, smart, Fields.INDUSTRY_TEXT, grams,
						Fields.REGION_TEXT, grams));
	}
}
