/** 招商目标企业库检索: the Lucene index of enterprises, kept in step with the graph. */
@NullMarked
package cn.chainscout.search;

import org.jspecify.annotations.NullMarked;
