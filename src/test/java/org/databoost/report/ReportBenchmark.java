package org.databoost.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.databoost.task.Progress;

/**
 * Writes a large report without thumbnails and prints how long it took and the peak heap. Run by
 * {@code LargeReportTest}, or by hand: {@code java -Xmx256m -cp ... ReportBenchmark 100000
 * out.xlsx}.
 */
final class ReportBenchmark {
  record Result(long millis, long peakHeapBytes, long rowsRead) {}

  private ReportBenchmark() {}

  static Result run(int rows, Path file) throws Exception {
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    ReportData data = ReportFixtures.data(ReportFixtures.rows(rows, false, 7));
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    new ExcelReportWriter().write(data, file, Progress.NONE);
    long millis = (System.nanoTime() - start) / 1_000_000;
    // The sum of per-pool peaks over-estimates the true peak a little: pools peak at different
    // times.
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    long read = StreamingRowCount.rows(file, ImagesSheet.NAME);
    return new Result(millis, peak, read);
  }

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path file =
        args.length > 1 ? Path.of(args[1]) : Files.createTempFile("databoost-bench", ".xlsx");
    Result r = run(rows, file);
    System.out.printf(
        "wrote %d rows in %d ms, peak heap %d MiB (max heap %d MiB), read back %d rows, %d KiB%n",
        rows,
        r.millis(),
        r.peakHeapBytes() >> 20,
        Runtime.getRuntime().maxMemory() >> 20,
        r.rowsRead(),
        Files.size(file) >> 10);
  }
}
