package cn.chainscout.crawl;

/**
 * Something wrong in a source file, with where it is.
 *
 * @param file the file name ({@code tongcheng-gov.yaml})
 * @param line 1-based line, 0 for the file as a whole
 * @param message what is wrong, in Chinese, naming the value
 */
public record SourceProblem(String file, int line, String message) {

	@Override
	public String toString() {
		return file + (line > 0 ? ":" + line : "") + ": 错误：" + message;
	}
}
