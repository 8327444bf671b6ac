package cn.chainscout.dataimport;

import java.util.regex.Pattern;

/** Product names as people should read them: the source's key stays exact, this is for display. */
final class ProductNames {

	private static final Pattern STRAY = Pattern.compile("[\"'“”‘’\\\\\\p{Cntrl}]");

	private ProductNames() {
	}

	static String clean(String name) {
		return STRAY.matcher(name).replaceAll("").strip();
	}

	static boolean hasStrayCharacters(String name) {
		return !clean(name).equals(name);
	}
}
