/** Driver and embedded Neo4j lifecycle, configuration properties, health. */
@NullMarked
package cn.chainscout.system;

import org.jspecify.annotations.NullMarked;
