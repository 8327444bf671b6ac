package cn.chainscout.recommend;

/** Reaches the recommendation warm-up's package-private controls from tests in other packages. */
public final class Warmups {

	private Warmups() {
	}

	/** As Spring's ApplicationReadyEvent would. */
	public static void ready(Recommendations recommendations) {
		recommendations.ready();
	}

	public static long started(Recommendations recommendations) {
		return recommendations.warmUps();
	}

	public static void stop(Recommendations recommendations) throws InterruptedException {
		recommendations.stopWarming();
	}
}
