package org.databoost.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's CPU seconds and everybody else's cores during a measurement (Linux {@code
 * /proc/stat}, counted as the anchors' measure.py does; NaN elsewhere): on a shared machine a
 * throughput figure means little without it. Every benchmark of the project uses this one probe.
 */
public record MachineLoad(double busySeconds, double ownSeconds, long wallNanos) {

  /** A finished interval: wall seconds, this process's CPU seconds, other processes' cores. */
  public record Interval(double wallS, double cpuS, double otherCores, String loadAvg) {
    /** This process's average cores over the interval. */
    public double ownCores() {
      return cpuS / wallS;
    }
  }

  /** A sample to measure from (same as {@link #now()}). */
  public static MachineLoad start() {
    return now();
  }

  /** The interval from this sample until now. */
  public Interval stop() {
    MachineLoad end = now();
    return new Interval(
        wallSecondsUntil(end), ownSecondsUntil(end), foreignCoresUntil(end), loadAverage());
  }

  public static MachineLoad now() {
    return new MachineLoad(machineBusySeconds(), ownCpuSeconds(), System.nanoTime());
  }

  public double wallSecondsUntil(MachineLoad end) {
    return (end.wallNanos - wallNanos) / 1e9;
  }

  public double ownSecondsUntil(MachineLoad end) {
    return end.ownSeconds - ownSeconds;
  }

  /** Average cores other processes used between this sample and {@code end}. */
  public double foreignCoresUntil(MachineLoad end) {
    double own = end.ownSeconds - ownSeconds;
    return Math.max(0, ((end.busySeconds - busySeconds) - own) / wallSecondsUntil(end));
  }

  /** The 1-minute load average, as {@code uptime} prints it. */
  public static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private static double ownCpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }

  /** user + nice + system + irq + softirq of all CPUs, as the anchors' measure.py counts them. */
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
