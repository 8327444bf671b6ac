/**
 * How signals are read from text: the name dictionary (Aho-Corasick), amounts, dates, places, event
 * rules, and the graph store.
 */
@NullMarked
package cn.chainscout.signal.internal;

import org.jspecify.annotations.NullMarked;
