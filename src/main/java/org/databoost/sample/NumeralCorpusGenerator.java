package org.databoost.sample;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.databoost.dataset.Split;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;

/**
 * A large offline candidate corpus: {@code count} handwritten Roman numerals drawn by the sample
 * generator's pen model (a random hand style per image: stroke width, slant, jitter, ink, paper,
 * size), written as {@code OUT/<label>/<index>.png} with the labels in turn. Image i depends only
 * on (seed, i), so a run that was stopped goes on where it stopped (files already there are kept)
 * and gives the same corpus. Each file is written to a temporary name and renamed into place.
 */
public final class NumeralCorpusGenerator {
  public static final String STAGE = "Drawing corpus images";
  private static final int BATCH = 512;

  private final int minSize;
  private final int maxSize;

  /** Images between {@code minSize} and {@code maxSize} pixels a side. */
  public NumeralCorpusGenerator(int minSize, int maxSize) {
    this.minSize = minSize;
    this.maxSize = maxSize;
  }

  /** The path of image {@code i} relative to the corpus folder. */
  public static String path(long i) {
    String label = SampleLabels.ALL.get((int) (i % SampleLabels.ALL.size()));
    return label + "/" + String.format(Locale.ROOT, "%08d.png", i);
  }

  /** Writes images {@code [0, count)} that are not there yet; returns how many it wrote. */
  public long generate(Path out, long count, long seed, int threads, Progress progress)
      throws IOException {
    SampleSpec spec =
        new SampleSpec(seed, 1, 0, 0, minSize, maxSize, 0, 0, 0); // sizes and seed only
    for (String label : SampleLabels.ALL) {
      Files.createDirectories(out.resolve(label));
    }
    AtomicLong written = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      progress.update(STAGE, 0, count);
      for (long from = 0; from < count; from += (long) BATCH * threads) {
        progress.checkCancelled();
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          long a = from + (long) t * BATCH;
          long b = Math.min(count, a + BATCH);
          if (a < b) {
            jobs.add(pool.submit(() -> draw(out, spec, a, b, written)));
          }
        }
        for (Future<?> f : jobs) {
          f.get();
        }
        progress.update(STAGE, Math.min(count, from + (long) BATCH * threads), count);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return written.get();
  }

  private static void draw(Path out, SampleSpec spec, long a, long b, AtomicLong written) {
    try (PngWriter png = new PngWriter()) {
      for (long i = a; i < b; i++) {
        Path file = out.resolve(path(i));
        if (Files.exists(file)) {
          continue;
        }
        String label = SampleLabels.ALL.get((int) (i % SampleLabels.ALL.size()));
        SamplePlan.Slot slot =
            new SamplePlan.Slot(
                Split.TRAIN,
                label,
                (int) (i / SampleLabels.ALL.size()),
                label,
                SampleKind.CLEAN,
                null,
                Dice.mix(spec.seed(), 0x636f72707573L, i),
                file.getFileName().toString());
        BufferedImage image = SampleImageDrawer.draw(slot, spec);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        png.write(image, tmp);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        written.incrementAndGet();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
