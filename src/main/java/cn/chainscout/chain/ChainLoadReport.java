package cn.chainscout.chain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a load of the chain files did, file by file.
 *
 * @param location where the files were read
 * @param loadedAt when
 * @param files one entry per file, and one per chain removed because its file is gone
 */
public record ChainLoadReport(String location, OffsetDateTime loadedAt, List<FileResult> files) {

	/** What happened to one file. */
	public enum Outcome {
		/** new or changed, written to the graph */
		LOADED("已载入"),
		/** same file and same product catalogue as last time: nothing to do */
		UNCHANGED("未变"),
		/** errors: the graph keeps the chain as it was before (if it was there) */
		REJECTED("有错误，未载入"),
		/** the file is gone, so the chain was removed */
		REMOVED("文件已删除，链已移除");

		private final String words;

		Outcome(String words) {
			this.words = words;
		}

		public String words() {
			return words;
		}
	}

	/**
	 * Counts of what changed in the graph.
	 */
	public record Changes(int nodesAdded, int nodesChanged, int nodesRemoved, int productsAdded, int productsChanged,
			int productsRemoved, int industriesAdded, int industriesRemoved, boolean chainChanged) {

		public static final Changes NONE = new Changes(0, 0, 0, 0, 0, 0, 0, 0, false);

		public boolean any() {
			return !equals(NONE);
		}
	}

	/**
	 * @param file file name
	 * @param chain chain id (from the file name when the file could not be read)
	 * @param name the chain's Chinese name, or empty
	 * @param outcome what happened
	 * @param changes what changed in the graph
	 * @param problems errors and warnings with file, line and node
	 */
	public record FileResult(String file, String chain, String name, Outcome outcome, Changes changes,
			List<ChainProblem> problems) {

		public String outcomeWords() {
			return outcome.words();
		}
	}

	public long errors() {
		return files.stream().flatMap(f -> f.problems().stream()).filter(ChainProblem::error).count();
	}

	public long warnings() {
		return files.stream().flatMap(f -> f.problems().stream()).filter(p -> !p.error()).count();
	}
}
