package cn.chainscout.signal;

import java.util.List;

/** One page of signals, newest first, with the total the filters match. */
public record SignalPage(long total, int page, int size, List<Signal> items) {
}
