@NullMarked
package cn.chainscout.enterprise;

import org.jspecify.annotations.NullMarked;
