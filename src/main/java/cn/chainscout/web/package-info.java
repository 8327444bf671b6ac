@NullMarked
package cn.chainscout.web;

import org.jspecify.annotations.NullMarked;
