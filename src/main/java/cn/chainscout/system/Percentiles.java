package cn.chainscout.system;

import java.util.Arrays;

/** Nearest-rank percentiles for the benchmark commands. */
public final class Percentiles {

	private Percentiles() {
	}

	/** The p-th percentile (nearest rank) of the values; the values are not changed. */
	public static double of(double[] values, int p) {
		double[] v = values.clone();
		Arrays.sort(v);
		int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
		return v[Math.max(0, Math.min(v.length - 1, i))];
	}
}
