package cn.chainscout.signal.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds every occurrence of many words in a text in one pass (Aho and Corasick, 1975). The trie is
 * kept in flat arrays: each node's edges are a sorted run of {@code (char, child)} pairs, so building
 * over tens of thousands of names takes milliseconds and matching costs a binary search per
 * character and state change.
 */
public final class AhoCorasick {

	/** One occurrence: {@code [start, end)} in the text and the index of the word in the build list. */
	public record Hit(int start, int end, int word) {
	}

	private final char[][] labels;

	private final int[][] children;

	private final int[] fail;

	/** The word ending at a node, or -1. */
	private final int[] wordAt;

	/** The nearest node on the failure chain that ends a word, or -1: the chain of outputs. */
	private final int[] outputLink;

	private final int[] lengths;

	/**
	 * The root's edges as a table by character: the root has thousands of edges (every first
	 * character of a name) and is where the matcher spends most steps, so it gets a direct look-up.
	 */
	private final int[] fromRoot = new int[Character.MAX_VALUE + 1];

	private AhoCorasick(char[][] labels, int[][] children, int[] fail, int[] wordAt, int[] outputLink, int[] lengths) {
		for (int k = 0; k < labels[0].length; k++) {
			fromRoot[labels[0][k]] = children[0][k];
		}
		this.labels = labels;
		this.children = children;
		this.fail = fail;
		this.wordAt = wordAt;
		this.outputLink = outputLink;
		this.lengths = lengths;
	}

	/** Words equal to each other keep the first index; empty words are ignored. */
	public static AhoCorasick build(List<String> words) {
		List<StringBuilder> edgeChars = new ArrayList<>();
		List<List<Integer>> edgeTargets = new ArrayList<>();
		List<Integer> word = new ArrayList<>();
		// (node << 16 | char) → child while building: the root alone has thousands of edges.
		java.util.HashMap<Long, Integer> edges = new java.util.HashMap<>();
		edgeChars.add(new StringBuilder());
		edgeTargets.add(new ArrayList<>());
		word.add(-1);
		int[] lengths = new int[words.size()];
		for (int w = 0; w < words.size(); w++) {
			String s = words.get(w);
			lengths[w] = s.length();
			if (s.isEmpty()) {
				continue;
			}
			int node = 0;
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				Integer child = edges.get(((long) node << 16) | c);
				if (child != null) {
					node = child;
				}
				else {
					int next = edgeChars.size();
					edgeChars.add(new StringBuilder());
					edgeTargets.add(new ArrayList<>());
					word.add(-1);
					edgeChars.get(node).append(c);
					edgeTargets.get(node).add(next);
					edges.put(((long) node << 16) | c, next);
					node = next;
				}
			}
			if (word.get(node) < 0) {
				word.set(node, w);
			}
		}
		int n = edgeChars.size();
		char[][] labels = new char[n][];
		int[][] children = new int[n][];
		for (int i = 0; i < n; i++) {
			char[] cs = edgeChars.get(i).toString().toCharArray();
			List<Integer> ts = edgeTargets.get(i);
			Integer[] order = new Integer[cs.length];
			for (int k = 0; k < order.length; k++) {
				order[k] = k;
			}
			Arrays.sort(order, (a, b) -> Character.compare(cs[a], cs[b]));
			labels[i] = new char[cs.length];
			children[i] = new int[cs.length];
			for (int k = 0; k < order.length; k++) {
				labels[i][k] = cs[order[k]];
				children[i][k] = ts.get(order[k]);
			}
		}
		int[] wordAt = word.stream().mapToInt(Integer::intValue).toArray();
		int[] fail = new int[n];
		int[] outputLink = new int[n];
		Arrays.fill(outputLink, -1);
		// Breadth first, so a node's failure target is final before its children need it.
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int child : children[0]) {
			fail[child] = 0;
			queue.add(child);
		}
		while (!queue.isEmpty()) {
			int node = queue.poll();
			for (int k = 0; k < labels[node].length; k++) {
				char c = labels[node][k];
				int child = children[node][k];
				int f = fail[node];
				int target;
				while ((target = step(labels, children, f, c)) < 0 && f != 0) {
					f = fail[f];
				}
				fail[child] = target < 0 || target == child ? 0 : target;
				outputLink[child] = wordAt[fail[child]] >= 0 ? fail[child] : outputLink[fail[child]];
				queue.add(child);
			}
		}
		return new AhoCorasick(labels, children, fail, wordAt, outputLink, lengths);
	}

	private static int step(char[][] labels, int[][] children, int node, char c) {
		int at = Arrays.binarySearch(labels[node], c);
		return at >= 0 ? children[node][at] : -1;
	}

	/** Every occurrence, overlapping ones included, ordered by end then by length (longest first). */
	public List<Hit> find(CharSequence text) {
		List<Hit> hits = new ArrayList<>();
		int node = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			while (true) {
				if (node == 0) {
					// 0, the root itself, for characters no word starts with.
					node = fromRoot[c];
					break;
				}
				int next = step(labels, children, node, c);
				if (next >= 0) {
					node = next;
					break;
				}
				node = fail[node];
			}
			for (int out = wordAt[node] >= 0 ? node : outputLink[node]; out >= 0; out = outputLink[out]) {
				int w = wordAt[out];
				hits.add(new Hit(i + 1 - lengths[w], i + 1, w));
			}
		}
		return hits;
	}

	/** Nodes in the trie, for the benchmark's report. */
	public int size() {
		return labels.length;
	}
}
