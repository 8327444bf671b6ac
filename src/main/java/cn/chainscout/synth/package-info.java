@NullMarked
package cn.chainscout.synth;

import org.jspecify.annotations.NullMarked;
