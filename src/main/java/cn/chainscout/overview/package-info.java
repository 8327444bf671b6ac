/** What the graph holds: counts, the latest import report, and the home page. */
@NullMarked
package cn.chainscout.overview;

import org.jspecify.annotations.NullMarked;
