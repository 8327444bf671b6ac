/**
 * Industry chains (产业链) of the home city: chain files read from {@code graph-schema/chains},
 * matched to the products and industries of the graph, loaded as {@code (:Chain)} and
 * {@code (:ChainNode)} nodes, and read back as chain maps with statuses and gaps.
 */
@NullMarked
package cn.chainscout.chain;

import org.jspecify.annotations.NullMarked;
