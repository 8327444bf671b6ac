package cn.chainscout.dataimport;

import java.io.PrintStream;

import cn.chainscout.graph.BatchWriter;

/** A progress bar redrawn in place on a terminal. */
final class TerminalProgress implements BatchWriter.Progress {

	private static final int WIDTH = 30;

	private final PrintStream out;

	TerminalProgress(PrintStream out) {
		this.out = out;
	}

	@Override
	public void advanced(String step, long done, long total) {
		int filled = total == 0 ? WIDTH : (int) (done * WIDTH / total);
		String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
		out.printf("\r%-24s [%s] %d/%d%s", step, bar, done, total, done >= total ? "\n" : "");
		out.flush();
	}
}
