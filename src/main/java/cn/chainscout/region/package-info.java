@NullMarked
package cn.chainscout.region;

import org.jspecify.annotations.NullMarked;
