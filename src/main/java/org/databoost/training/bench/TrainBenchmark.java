package org.databoost.training.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.databoost.dataset.FileNames;
import org.databoost.training.LabelledImage;
import org.databoost.training.MklOnAmd;
import org.databoost.training.Throughput;
import org.databoost.training.TrainingConfig;

/**
 * {@code databoost bench train DIR}: training images/s of the fixed model at batch 8 and 64 and
 * inference images/s, next to the plain-PyTorch reference run on the same data in the same command
 * when {@code /usr/bin/python3} has torch. DIR holds {@code train/} and {@code val/}, one folder
 * per label.
 *
 * <p>The machines are shared: DJL and the reference take turns, {@code rounds} times, and the best
 * figure of each counts, next to the CPU load measured during it. Because the speed of this machine
 * drifts by up to 2x within minutes (other virtual machines on the host), the table also gives the
 * median over the rounds of the ratio of each DJL measurement to the reference's right after it:
 * neighbours in time see the same machine.
 */
public final class TrainBenchmark {
  /**
   * @param steps timed training steps per measurement
   * @param warmup untimed steps before them
   * @param threads intra-op threads, for DJL and the reference alike
   * @param rounds how many times each measurement is taken, alternating DJL and the reference
   * @param reference whether to run the PyTorch reference too
   */
  public record Options(int steps, int warmup, int threads, int rounds, boolean reference) {
    public static Options defaults() {
      return new Options(200, 20, TrainingConfig.defaultThreads(), 2, true);
    }
  }

  private static final int[] BATCHES = {8, 64};

  private TrainBenchmark() {}

  /** Runs the benchmark and prints every measurement and a side-by-side table to {@code out}. */
  public static void run(Path dir, Options options, PrintStream out)
      throws IOException, InterruptedException {
    List<String> labels = labels(dir.resolve("train"));
    List<LabelledImage> train = images(dir.resolve("train"), labels);
    List<LabelledImage> val = images(dir.resolve("val"), labels);
    out.printf(
        "data: %d train, %d val images, %d labels; %d intra-op thread(s); up to %d timed steps"
            + " (at most one epoch) after %d warm-up; best of %d%n",
        train.size(),
        val.size(),
        labels.size(),
        options.threads(),
        options.steps(),
        options.warmup(),
        options.rounds());
    if (!Throughput.mallocTuned()) {
      out.println(
          "WARNING: this JVM was started without "
              + Throughput.mallocEnvironment()
              + ": DJL training runs up to 2.5x slower (docs/training.md)");
    }
    if (MklOnAmd.applies()) {
      out.println(
          MklOnAmd.inPlace()
              ? "AMD processor: the MKL-on-AMD shim is preloaded (docs/training.md)"
              : "WARNING: AMD processor without the MKL-on-AMD shim: libtorch's MKL runs its"
                  + " generic kernels (start through the launcher, docs/training.md)");
    }
    Throughput probe = Throughput.prepare(train, val, labels.size(), options.threads());
    Optional<Path> script =
        options.reference() && ReferenceRun.torchAvailable()
            ? ReferenceRun.script()
            : Optional.empty();
    if (options.reference() && script.isEmpty()) {
      out.println("PyTorch reference not run: needs /usr/bin/python3 with torch and the script");
    }

    double[] djlTrain = new double[BATCHES.length];
    double[] refTrain = new double[BATCHES.length];
    double djlInference = Double.NaN;
    double refInference = Double.NaN;
    List<List<Double>> pairs = new ArrayList<>();
    for (int b = 0; b <= BATCHES.length; b++) {
      pairs.add(new ArrayList<>());
    }
    for (int round = 1; round <= options.rounds(); round++) {
      double roundRefInference = Double.NaN;
      for (int b = 0; b < BATCHES.length; b++) {
        // The reference's bench mode stops at the end of one epoch but divides by the steps asked
        // for: never ask either side for more full batches than one epoch holds.
        int steps = Math.min(options.steps(), train.size() / BATCHES[b]);
        Throughput.Result r = probe.training(BATCHES[b], options.warmup(), steps, 42);
        out.println("DJL     " + describe("train", r));
        djlTrain[b] = max(djlTrain[b], r.imagesPerSecond());
        if (script.isPresent()) {
          ReferenceRun.Figures f =
              ReferenceRun.run(script.get(), dir, steps, BATCHES[b], options.threads());
          f.lines().stream()
              .filter(l -> l.startsWith("BENCH") || l.contains("exited") || l.contains("cannot"))
              .forEach(l -> out.println("PyTorch " + l));
          refTrain[b] = max(refTrain[b], f.trainImagesPerSecond());
          refInference = max(refInference, f.inference64ImagesPerSecond());
          roundRefInference = max(roundRefInference, f.inference64ImagesPerSecond());
          pairs.get(b).add(r.imagesPerSecond() / f.trainImagesPerSecond());
        }
      }
      Throughput.Result r = probe.inference(3, 42);
      out.println("DJL     " + describe("inference", r));
      djlInference = max(djlInference, r.imagesPerSecond());
      pairs.get(BATCHES.length).add(r.imagesPerSecond() / roundRefInference);
    }

    out.printf(
        "%n%-20s %10s %10s %8s %14s%n", "best img/s", "DJL", "PyTorch", "ratio", "median paired");
    for (int b = 0; b < BATCHES.length; b++) {
      row(
          out,
          "train batch " + BATCHES[b],
          djlTrain[b],
          script.isPresent() ? refTrain[b] : Double.NaN,
          median(pairs.get(b)));
    }
    row(out, "inference batch 64", djlInference, refInference, median(pairs.get(BATCHES.length)));
  }

  /** The median of the finite values (NaN when there are none). */
  static double median(List<Double> values) {
    double[] v = values.stream().filter(Double::isFinite).mapToDouble(d -> d).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static double max(double a, double b) {
    return Double.isNaN(a) || a == 0 ? b : Double.isNaN(b) ? a : Math.max(a, b);
  }

  private static void row(PrintStream out, String name, double djl, double ref, double paired) {
    out.printf("%-20s %10.1f %10.1f %7.2fx %13.2fx%n", name, djl, ref, djl / ref, paired);
  }

  private static String describe(String what, Throughput.Result r) {
    return String.format(
        "%s batch %d: %.1f img/s (%.1f ms/step) [own %.2f foreign %.2f cores]",
        what,
        r.batchSize(),
        r.imagesPerSecond(),
        1000 * r.seconds() * r.batchSize() / r.images(),
        r.ownCores(),
        r.foreignCores());
  }

  private static List<String> labels(Path trainDir) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    try (Stream<Path> children = Files.list(trainDir)) {
      children
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> !FileNames.isIgnored(n))
          .forEach(names::add);
    }
    return List.copyOf(names);
  }

  private static List<LabelledImage> images(Path splitDir, List<String> labels) throws IOException {
    List<LabelledImage> out = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      Path folder = splitDir.resolve(labels.get(i));
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        for (Path f : files.sorted().toList()) {
          String name = f.getFileName().toString();
          if (!FileNames.isIgnored(name) && FileNames.hasImageExtension(name)) {
            String id = splitDir.getFileName() + "/" + labels.get(i) + "/" + name;
            out.add(new LabelledImage(id, f, i));
          }
        }
      }
    }
    return out;
  }
}
