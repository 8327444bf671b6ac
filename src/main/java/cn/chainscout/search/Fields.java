package cn.chainscout.search;

/** Field names of the enterprise index. */
final class Fields {

	static final String CODE = "code";

	static final String CODE_DIGITS = "codeDigits";

	static final String NAME = "name";

	static final String NAME_EXACT = "nameExact";

	static final String FULL_NAME = "fullName";

	static final String ALIASES = "aliases";

	static final String PINYIN = "pinyin";

	static final String INITIALS = "initials";

	/** The short name's pinyin variants, stored to explain matches without recomputing them. */
	static final String SPELLINGS = "spellings";

	static final String PRODUCTS = "products";

	static final String MAJOR_PRODUCTS = "majorProducts";

	static final String PRODUCTS_WORDS = "productWords";

	static final String INDUSTRY_TEXT = "industryText";

	static final String REGION_TEXT = "regionText";

	static final String PROVINCE = "province";

	static final String CITY = "city";

	static final String INDUSTRY1 = "industry1";

	static final String INDUSTRY2 = "industry2";

	static final String INDUSTRY3 = "industry3";

	static final String EXCHANGE = "exchange";

	static final String SIZE = "size";

	static final String REGION_NAME = "regionName";

	private Fields() {
	}
}
