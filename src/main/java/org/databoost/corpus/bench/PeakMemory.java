package org.databoost.corpus.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory of a phase: the JVM heap pools' peak (reset at the start) and the process's peak
 * resident set, VmHWM (reset through {@code /proc/self/clear_refs} where Linux allows; it counts
 * the memory-mapped shard pages that were touched too).
 */
final class PeakMemory {
  private PeakMemory() {}

  static void reset() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | RuntimeException e) {
      // not Linux, or not allowed: VmHWM then covers the whole run
    }
  }

  /** Sum of the heap pools' peaks since {@link #reset}, in MiB. */
  static long heapMiB() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum >> 20;
  }

  /** The process's peak resident set in MiB, or -1 where /proc is missing. */
  static long residentMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    return -1;
  }
}
