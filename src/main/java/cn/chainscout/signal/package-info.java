/**
 * 招商信号: what crawled news says enterprises are doing (签约, 投资, 扩产, 融资…), read from articles
 * into {@code Signal} nodes linked to the enterprise and the region, with the query the enterprise page
 * and the recommendations use.
 */
@NullMarked
package cn.chainscout.signal;

import org.jspecify.annotations.NullMarked;
