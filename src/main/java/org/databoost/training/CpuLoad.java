package org.databoost.training;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine was during a measurement: this process's cores and everybody else's (from
 * {@code /proc/stat}, Linux only; NaN elsewhere). Throughput on a shared machine means little
 * without it.
 */
record CpuLoad(double ownCores, double foreignCores) {

  /** A point in time to measure from. */
  record Sample(double busySeconds, double ownSeconds, long wallNanos) {
    static Sample now() {
      return new Sample(machineBusySeconds(), ownCpuSeconds(), System.nanoTime());
    }

    CpuLoad until(Sample end) {
      double wall = (end.wallNanos - wallNanos) / 1e9;
      double own = (end.ownSeconds - ownSeconds) / wall;
      double foreign =
          Math.max(0, ((end.busySeconds - busySeconds) - (end.ownSeconds - ownSeconds)) / wall);
      return new CpuLoad(own, foreign);
    }
  }

  @Override
  public String toString() {
    return String.format("own %.2f foreign %.2f cores", ownCores, foreignCores);
  }

  private static double ownCpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }

  /** user + nice + system + irq + softirq of all CPUs, as the reference script counts them. */
  private static double machineBusySeconds() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long ticks =
          Long.parseLong(f[1])
              + Long.parseLong(f[2])
              + Long.parseLong(f[3])
              + Long.parseLong(f[6])
              + Long.parseLong(f[7]);
      return ticks / 100.0; // USER_HZ is 100 on every Linux we ship for
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
