@NullMarked
package cn.chainscout.dataimport;

import org.jspecify.annotations.NullMarked;
