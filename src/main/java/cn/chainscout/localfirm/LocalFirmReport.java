package cn.chainscout.localfirm;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an import of the office's list did.
 *
 * @param file the file name as uploaded or configured
 * @param sha256 its content hash
 * @param sample true when the list is the bundled sample (示例数据)
 * @param importedAt when
 * @param rows data rows read (blank rows not counted)
 * @param firms local firms now in the graph from this list
 * @param rejected rows not imported, each with its line and every reason
 * @param warnings rows imported with something left out, with line and reason
 * @param matches firms found to be the same as an enterprise of the graph
 * @param unknownProducts product names of the list that the product library lacks (kept on the firm as text)
 */
public record LocalFirmReport(String file, String sha256, boolean sample, OffsetDateTime importedAt, int rows, int firms,
		List<Rejected> rejected, List<Warning> warnings, List<Match> matches, int unknownProducts) {

	/** A rejected row. */
	public record Rejected(int line, String name, List<String> reasons) {
	}

	/** Something left out of an imported row. */
	public record Warning(int line, String name, String message) {
	}

	/**
	 * A local firm resolved to a graph enterprise.
	 * @param method {@code creditCode}, {@code fullName} (same full name), {@code nameCore} (same name once the
	 *        legal form is removed: to be confirmed) or {@code shortName}
	 */
	public record Match(int line, String firm, String code, String enterprise, String method, double confidence) {
	}

	/** One line of Chinese for people. */
	public String summary() {
		return "读取 " + rows + " 行，导入本地企业 " + firms + " 家，拒收 " + rejected.size() + " 行，提示 " + warnings.size()
				+ " 条，与上市公司库匹配 " + matches.size() + " 家" + (unknownProducts > 0 ? "，产品库中没有的产品名 " + unknownProducts + " 个" : "")
				+ (sample ? "（示例数据）" : "");
	}
}
