/**
 * Recommendations: likely makers of a product (link prediction over the graph) and its offline
 * evaluation against baselines.
 */
@NullMarked
package cn.chainscout.recommend;

import org.jspecify.annotations.NullMarked;
