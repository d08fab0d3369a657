package org.databoost.projection.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the shared machine was during a measurement: like the anchors' measure.py, the average
 * number of cores used by <em>other</em> processes (all busy CPU time from /proc/stat minus this
 * process's CPU time, over the wall time), plus the 1-minute load average.
 */
final class MachineLoad {
  private final long busy0;
  private final long cpu0;
  private final long wall0;

  private MachineLoad() {
    busy0 = busyNanos();
    cpu0 = processCpuNanos();
    wall0 = System.nanoTime();
  }

  static MachineLoad start() {
    return new MachineLoad();
  }

  /** A finished interval: wall seconds, this process's CPU seconds, other processes' cores. */
  record Interval(double wallS, double cpuS, double otherCores, String loadAvg) {}

  Interval stop() {
    double wall = (System.nanoTime() - wall0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    double busy = (busyNanos() - busy0) / 1e9;
    double others = busy0 < 0 ? Double.NaN : Math.max(0, (busy - cpu) / wall);
    return new Interval(wall, cpu, others, loadAverage());
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** Busy (non-idle) CPU time of the whole machine in ns, or -1 when /proc/stat is missing. */
  private static long busyNanos() {
    try {
      String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = line.trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i <= 8 && i < f.length; i++) {
        if (i != 4 && i != 5) { // idle, iowait
          busy += Long.parseLong(f[i]);
        }
      }
      return busy * 10_000_000L; // USER_HZ = 100
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
