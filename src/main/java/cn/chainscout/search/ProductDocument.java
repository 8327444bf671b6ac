package cn.chainscout.search;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A product as the product index holds it: its name and who makes it.
 *
 * @param name the product name
 * @param makers top makers, by share of their revenue in it
 * @param makerCount how many enterprises make it
 */
public record ProductDocument(String name, List<Maker> makers, long makerCount) {

	/** An enterprise that makes the product. */
	public record Maker(String code, String name, @Nullable Double share) {
	}
}
