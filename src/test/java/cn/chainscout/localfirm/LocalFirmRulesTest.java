package cn.chainscout.localfirm;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Credit codes, names and tables as an office writes them. */
class LocalFirmRulesTest {

	@Test
	void creditCodeCheckCharacterIsVerified() {
		// A published example of GB 32100-2015.
		assertThat(CreditCodes.problem("91350100M000100Y43")).isEmpty();
		assertThat(CreditCodes.problem("91350100M000100Y44")).get().asString().contains("校验位").contains("'3'");
		assertThat(CreditCodes.problem("9135010")).get().asString().contains("18 位");
		assertThat(CreditCodes.problem("91350100M000100I43")).get().asString().contains("第 16 位").contains("I");
		assertThat(CreditCodes.withCheck("91350100M000100Y4")).isEqualTo("91350100M000100Y43");
		assertThat(CreditCodes.normalize(" 91350100m000100y43 ")).isEqualTo("91350100M000100Y43");
	}

	@Test
	void namesCompareAcrossBracketsSpacesAndLegalForms() {
		assertThat(FirmNames.normalize("安徽 某某（桐城）有限公司")).isEqualTo(FirmNames.normalize("安徽某某(桐城)有限公司"));
		assertThat(FirmNames.core("黄山永新股份有限公司")).isEqualTo("黄山永新");
		assertThat(FirmNames.core("黄山永新有限公司")).isEqualTo("黄山永新");
		assertThat(FirmNames.core("某某集团股份有限公司")).isEqualTo("某某");
		assertThat(FirmNames.core("公司")).isEqualTo("公司");
	}

	@Test
	void csvLinesCountQuotedLineBreaksAndBlankRowsAreSkipped() {
		String csv = "\uFEFF企业名称,备注\r\n甲,\"两\n行\"\r\n\r\n乙,\r\n";
		TableRows.Table t = TableRows.read("x.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(t.header()).containsExactly("企业名称", "备注");
		assertThat(t.rows()).extracting(TableRows.Row::line).containsExactly(2, 5);
		assertThat(t.rows().get(0).cells()).containsEntry("备注", "两\n行");
	}

	@Test
	void gb18030CsvFromChineseExcelIsReadToo() {
		byte[] gbk = "企业名称,产业链\n桐城市某某有限公司,绿色包装\n".getBytes(java.nio.charset.Charset.forName("GB18030"));
		TableRows.Table t = TableRows.read("x.csv", gbk);
		assertThat(t.rows().get(0).cells()).containsEntry("企业名称", "桐城市某某有限公司").containsEntry("产业链", "绿色包装");
	}

	@Test
	void somethingThatIsNoSpreadsheetIsRefusedByName() {
		byte[] zip = { 'P', 'K', 3, 4, 0, 0, 0 };
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> TableRows.read("名单.xlsx", zip))
			.isInstanceOf(TableRows.UnreadableTableException.class)
			.hasMessageContaining("名单.xlsx")
			.hasMessageContaining("Excel");
	}
}
