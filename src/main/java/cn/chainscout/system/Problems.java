package cn.chainscout.system;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** A failure said for the person at the terminal: ChainScout's own words, and what to do where known. */
public final class Problems {

	private Problems() {
	}

	/**
	 * For a command's last line. A start-up problem of the graph database gives its explanation and what
	 * to do; otherwise the innermost message in Chinese (ChainScout's own, under Spring's wrapping), with
	 * the common file-system causes below it said in Chinese too.
	 */
	public static String forPeople(Throwable ex) {
		GraphStartupProblem problem = GraphStartupProblem.find(ex, GraphStartupProblem.class);
		if (problem != null) {
			return problem.getMessage() + "\n办法: " + problem.action();
		}
		String own = null;
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t.getMessage() != null && hasHan(t.getMessage())) {
				own = t.getMessage(); // the innermost wins: wrappers only repeat it
			}
		}
		Throwable root = GraphStartupProblem.root(ex);
		String cause = fileSystem(root);
		if (own == null) {
			return cause != null ? cause : String.valueOf(root.getMessage() != null ? root.getMessage() : root.toString());
		}
		return cause != null && !own.contains(cause) ? own + "（" + cause + "）" : own;
	}

	private static String fileSystem(Throwable t) {
		if (t instanceof AccessDeniedException a) {
			return "没有权限访问 " + a.getFile();
		}
		if (t instanceof NoSuchFileException n) {
			return "路径不存在: " + n.getFile();
		}
		if (t instanceof FileSystemException f && f.getMessage() != null && f.getMessage().contains("No space left")) {
			return "磁盘已满: " + f.getFile();
		}
		if (t instanceof java.util.zip.ZipException || t instanceof java.io.EOFException) {
			return "文件不完整或已损坏";
		}
		return null;
	}

	private static boolean hasHan(String s) {
		return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}
}
