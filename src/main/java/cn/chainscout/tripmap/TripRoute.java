package cn.chainscout.tripmap;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders the cities of a trip to keep travel short: an open path from a fixed start, built by
 * nearest neighbour and improved by 2-opt, and also by 2-opt from the order given (the "naive"
 * order, as the list ranks them); the shorter wins, so the route is never longer than the naive one.
 * Distances are great-circle kilometres.
 */
public final class TripRoute {

	/** A place with coordinates. */
	public record Point(String id, double lng, double lat) {
	}

	private TripRoute() {
	}

	/** Great-circle distance in km (haversine, mean Earth radius). */
	public static double km(Point a, Point b) {
		double r = 6371.0088;
		double p1 = Math.toRadians(a.lat());
		double p2 = Math.toRadians(b.lat());
		double dp = p2 - p1;
		double dl = Math.toRadians(b.lng() - a.lng());
		double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
		return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
	}

	/** Length of the open path start → points in the given order. */
	public static double length(Point start, List<Point> points) {
		double total = 0;
		Point at = start;
		for (Point p : points) {
			total += km(at, p);
			at = p;
		}
		return total;
	}

	/** The points in visiting order. */
	public static List<Point> order(Point start, List<Point> points) {
		if (points.size() < 2) {
			return List.copyOf(points);
		}
		List<Point> fromNaive = twoOpt(start, new ArrayList<>(points));
		List<Point> fromNearest = twoOpt(start, nearestNeighbour(start, points));
		return length(start, fromNearest) <= length(start, fromNaive) ? fromNearest : fromNaive;
	}

	static List<Point> nearestNeighbour(Point start, List<Point> points) {
		List<Point> left = new ArrayList<>(points);
		List<Point> out = new ArrayList<>(points.size());
		Point at = start;
		while (!left.isEmpty()) {
			int best = 0;
			double bestKm = Double.MAX_VALUE;
			for (int i = 0; i < left.size(); i++) {
				double d = km(at, left.get(i));
				if (d < bestKm) {
					bestKm = d;
					best = i;
				}
			}
			at = left.remove(best);
			out.add(at);
		}
		return out;
	}

	/** 2-opt on an open path whose first node (the start) stays put; reverses segments while that shortens the path. */
	static List<Point> twoOpt(Point start, List<Point> route) {
		List<Point> p = new ArrayList<>(route.size() + 1);
		p.add(start);
		p.addAll(route);
		int n = p.size();
		double[][] d = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				d[i][j] = d[j][i] = km(p.get(i), p.get(j));
			}
		}
		int[] idx = new int[n];
		for (int i = 0; i < n; i++) {
			idx[i] = i;
		}
		boolean improved = true;
		while (improved) {
			improved = false;
			for (int i = 1; i < n - 1; i++) {
				for (int j = i + 1; j < n; j++) {
					double before = d[idx[i - 1]][idx[i]] + (j + 1 < n ? d[idx[j]][idx[j + 1]] : 0);
					double after = d[idx[i - 1]][idx[j]] + (j + 1 < n ? d[idx[i]][idx[j + 1]] : 0);
					if (after < before - 1e-9) {
						for (int a = i, b = j; a < b; a++, b--) {
							int t = idx[a];
							idx[a] = idx[b];
							idx[b] = t;
						}
						improved = true;
					}
				}
			}
		}
		List<Point> out = new ArrayList<>(n - 1);
		for (int i = 1; i < n; i++) {
			out.add(p.get(idx[i]));
		}
		return out;
	}
}
