package cn.chainscout.graph;

import org.jspecify.annotations.Nullable;

/**
 * Where a fact came from (来源).
 *
 * @param source data set and file, e.g. {@code chainkg/company_product.jsonl}
 * @param line line in that file
 * @param loadedAt when that version of the file was first loaded
 * @param method for derived facts, how they were derived
 * @param confidence for derived facts, 0..1
 */
public record Provenance(String source, @Nullable Long line, @Nullable String loadedAt, @Nullable String method,
		@Nullable Double confidence) {
}
