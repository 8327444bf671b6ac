@NullMarked
package cn.chainscout.graph;

import org.jspecify.annotations.NullMarked;
