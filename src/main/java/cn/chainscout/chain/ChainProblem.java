package cn.chainscout.chain;

/**
 * Something wrong in a chain file, with where it is.
 *
 * @param file the file name ({@code green-packaging.yaml})
 * @param line 1-based line, 0 when the problem is with the file as a whole
 * @param node the node id, or empty
 * @param message what is wrong, in Chinese, naming the value
 * @param error true when the file cannot be loaded because of it; false for a warning
 */
public record ChainProblem(String file, int line, String node, String message, boolean error) {

	@Override
	public String toString() {
		return file + (line > 0 ? ":" + line : "") + (node.isEmpty() ? "" : " [" + node + "]") + ": "
				+ (error ? "错误：" : "警告：") + message;
	}
}
