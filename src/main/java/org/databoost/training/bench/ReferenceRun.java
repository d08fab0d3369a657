package org.databoost.training.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.databoost.training.MklOnAmd;

/**
 * Runs the plain-PyTorch reference ({@code shared/reference/fixed_model_torch.py --bench-steps})
 * with Debian's interpreter and reads its figures.
 */
final class ReferenceRun {
  static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Pattern TRAIN =
      Pattern.compile("BENCH train batch (\\d+): .* -> ([\\d.]+) img/s");
  private static final Pattern INFERENCE =
      Pattern.compile("BENCH inference batch (\\d+): ([\\d.]+) img/s");

  /** Images per second the reference reported, and its raw output lines. */
  record Figures(
      double trainImagesPerSecond, double inference64ImagesPerSecond, List<String> lines) {}

  private ReferenceRun() {}

  /** The reference script, if present: {@code -Ddataboost.shared} or {@code ../shared}. */
  static Optional<Path> script() {
    Path shared = Path.of(System.getProperty("databoost.shared", "../shared"));
    Path script = shared.resolve("reference/fixed_model_torch.py");
    return Files.isRegularFile(script) && Files.isExecutable(PYTHON)
        ? Optional.of(script)
        : Optional.empty();
  }

  /** Whether Debian's interpreter can import torch. */
  static boolean torchAvailable() {
    try {
      Process p =
          new ProcessBuilder(PYTHON.toString(), "-c", "import torch")
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs the reference's benchmark mode; NaN figures if it failed. */
  static Figures run(Path script, Path data, int steps, int batch, int threads)
      throws InterruptedException {
    List<String> command =
        List.of(
            PYTHON.toString(),
            script.toString(),
            "--data",
            data.toString(),
            "--bench-steps",
            Integer.toString(steps),
            "--batch",
            Integer.toString(batch),
            "--threads",
            Integer.toString(threads));
    List<String> lines = new ArrayList<>();
    double train = Double.NaN;
    double inference = Double.NaN;
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      // --threads sets torch's intra-op pool only: Debian's torch calls OpenBLAS, whose own pool
      // otherwise takes every core (measured: 1.98 cores at batch 8 with --threads 1).
      for (String pool : List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
        builder.environment().put(pool, Integer.toString(threads));
      }
      // Our MKL shim means nothing to Debian's torch (OpenBLAS); keep the reference as it is.
      if (MklOnAmd.preloads(builder.environment().get(MklOnAmd.PRELOAD))) {
        builder.environment().remove(MklOnAmd.PRELOAD);
      }
      Process p = builder.start();
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
          Matcher t = TRAIN.matcher(line);
          Matcher i = INFERENCE.matcher(line);
          if (t.find()) {
            train = Double.parseDouble(t.group(2));
          } else if (i.find() && i.group(1).equals("64")) {
            inference =
                Math.max(Double.isNaN(inference) ? 0 : inference, Double.parseDouble(i.group(2)));
          }
        }
      }
      if (p.waitFor() != 0 || Double.isNaN(train)) {
        lines.add("reference exited with status " + p.exitValue());
        return new Figures(Double.NaN, Double.NaN, lines);
      }
    } catch (IOException e) {
      lines.add("cannot run the reference: " + e.getMessage());
      return new Figures(Double.NaN, Double.NaN, lines);
    }
    return new Figures(train, inference, lines);
  }
}
