package cn.chainscout.crawl.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CharsetsTest {

	private static final String TEXT = "桐城市与安徽鸿达包装科技有限公司签约，总投资12.5亿元；安徽喆远新材料开工";

	@ParameterizedTest(name = "{0} bytes, header ''{1}'', meta ''{2}'' -> {3} from {4}")
	@CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
			UTF-8    | text/html; charset=utf-8      | NONE     | UTF-8    | header
			GBK      | text/html; charset=GBK        | NONE     | GB18030  | header
			GBK      | text/html; charset=gb2312     | NONE     | GB18030  | header
			GB18030  | text/html;charset="GB18030"   | NONE     | GB18030  | header
			GBK      | text/html                     | gbk      | GB18030  | meta
			GBK      | text/html                     | gb2312   | GB18030  | meta
			GBK      | NONE                          | GB2312   | GB18030  | meta
			UTF-8    | text/html                     | utf-8    | UTF-8    | meta
			GBK      | text/html; charset=ISO-8859-1 | gbk      | GB18030  | meta
			GBK      | text/html                     | NONE     | GB18030  | sniff
			UTF-8    | text/html                     | NONE     | UTF-8    | sniff
			UTF-8    | NONE                          | x-bogus  | UTF-8    | sniff
			""")
	void detects(String encoding, String header, String meta, String expected, String from) {
		String html = "<html><head>" + (meta == null ? "" : "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + meta + "\">")
				+ "<title>" + TEXT + "</title></head><body><p>" + TEXT + "</p></body></html>";
		byte[] body = html.getBytes(Charset.forName(encoding));
		Charsets.Detected d = Charsets.detect(body, header);
		assertThat(d.charset().name()).isEqualTo(expected);
		assertThat(d.from()).isEqualTo(from);
		assertThat(Charsets.decode(body, header)).contains(TEXT);
	}

	@ParameterizedTest(name = "HTML5 meta charset {0}")
	@CsvSource(textBlock = """
			gbk
			GB2312
			""")
	void html5MetaCharset(String label) {
		byte[] body = ("<!DOCTYPE html><html><head><meta charset=\"" + label + "\"><title>" + TEXT + "</title>")
			.getBytes(Charset.forName("GBK"));
		assertThat(Charsets.decode(body, "text/html")).contains(TEXT);
	}

	@ParameterizedTest(name = "byte-order mark wins over header {0}")
	@CsvSource(textBlock = """
			text/html; charset=gbk
			text/html
			""")
	void byteOrderMark(String header) {
		byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[text.length + 3];
		body[0] = (byte) 0xef;
		body[1] = (byte) 0xbb;
		body[2] = (byte) 0xbf;
		System.arraycopy(text, 0, body, 3, text.length);
		assertThat(Charsets.detect(body, header).from()).isEqualTo("bom");
		assertThat(Charsets.decode(body, header)).isEqualTo(TEXT);
	}
}
