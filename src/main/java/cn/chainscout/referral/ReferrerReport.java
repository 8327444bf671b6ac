package cn.chainscout.referral;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What an import of the referrer list did.
 *
 * @param file the file name as uploaded or configured
 * @param sha256 its content hash
 * @param sample true when the list is the bundled sample (示例数据)
 * @param importedAt when
 * @param rows data rows read (blank rows not counted)
 * @param referrers referrers now in the graph from this list
 * @param ties ties (关系) now in the graph from this list, by relation
 * @param rejected rows not imported, each with its line and every reason
 * @param warnings rows imported with something left out, with line and reason
 */
public record ReferrerReport(String file, String sha256, boolean sample, OffsetDateTime importedAt, int rows, int referrers,
		Map<String, Integer> ties, List<Rejected> rejected, List<Warning> warnings) {

	/** A rejected row. */
	public record Rejected(int line, String name, List<String> reasons) {
	}

	/** Something left out of an imported row. */
	public record Warning(int line, String name, String message) {
	}

	public int tieCount() {
		return ties.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** One line of Chinese for people. */
	public String summary() {
		return "读取 " + rows + " 行，导入引荐人 " + referrers + " 个、关系 " + tieCount() + " 条，拒收 " + rejected.size() + " 行，提示 "
				+ warnings.size() + " 条" + (sample ? "（示例数据）" : "");
	}
}
