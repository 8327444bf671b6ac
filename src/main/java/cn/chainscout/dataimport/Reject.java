package cn.chainscout.dataimport;

/**
 * A row that was not imported, kept with where it was and why.
 *
 * @param file the file name within the data set
 * @param line 1-based line number
 * @param reason the kind of problem, the key it is counted under (e.g. {@code unknown industry})
 * @param detail the specifics, naming the offending value
 * @param raw the line as it was read
 */
public record Reject(String file, long line, String reason, String detail, String raw) {

	/** One line for people: file, line, reason and detail. */
	public String describe() {
		return file + ":" + line + ": " + reason + (detail.isEmpty() ? "" : " (" + detail + ")");
	}
}
