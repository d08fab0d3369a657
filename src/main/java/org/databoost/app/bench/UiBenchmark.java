package org.databoost.app.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import org.databoost.app.common.FxThread;
import org.databoost.app.images.GalleryTimings;
import org.databoost.app.images.ImageItem;
import org.databoost.app.map.MapTimings;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.Split;
import org.databoost.evaluation.EvaluationService;
import org.databoost.map.MapPoint;
import org.databoost.sample.LinkedGallery;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.sample.ScratchFolder;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceOptions;

/**
 * Figures of the window's heavy paths, on the real JavaFX toolkit (it needs a display; run under
 * {@code xvfb-run} on a server): sorting 100K table rows, redrawing the map at 100K and 1M points,
 * and the longest gap between two frames on the FX thread while a model trains and while a gallery
 * of 100K images scrolls.
 */
public final class UiBenchmark {
  private static final int GALLERY_IMAGES = 100_000;

  private UiBenchmark() {}

  public static void run(PrintStream out) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Platform.startup(started::countDown);
    started.await();
    out.println(
        "garbage collectors: "
            + ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "))
            + "; young generation at most "
            + youngCap());
    out.println("sort 100,000 rows (SortedList, as the table does):");
    FxThread.runAndWait(() -> sort(out));
    out.println("map redraw (pixel buffer, 1100 x 650 canvas), zoom, lasso and hover:");
    for (int n : new int[] {100_000, 1_000_000}) {
      FxThread.runAndWait(() -> redraw(out, n));
    }
    // The sample, its state and the gallery live in one scratch folder, deleted at the end.
    try (ScratchFolder scratch = ScratchFolder.create("databoost-uibench")) {
      Path tmp = scratch.path();
      Path data = tmp.resolve("sample");
      new SampleDatasetGenerator().generate(data, SampleSpec.defaults(), Progress.NONE);
      stallDuringTraining(out, tmp, data);
      stallWhileGalleryScrolls(out, tmp, data);
    } finally {
      Platform.exit();
    }
  }

  /** The JVM's MaxNewSize as the window was started with it (docs/window-timings.md). */
  private static String youngCap() {
    long bytes =
        Long.parseLong(
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("MaxNewSize")
                .getValue());
    return String.format(Locale.ROOT, "%,d MB", bytes >> 20);
  }

  private static void sort(PrintStream out) {
    SplittableRandom r = new SplittableRandom(1);
    List<ImageItem> rows = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      rows.add(
          new ImageItem(
              "train/x/" + Long.toHexString(r.nextLong()) + ".png",
              Optional.of(Split.TRAIN),
              "x",
              "v",
              r.nextDouble() * 10,
              r.nextDouble(),
              r.nextDouble(),
              "",
              "",
              "",
              null,
              -1,
              r.nextDouble(),
              "x"));
    }
    ObservableList<ImageItem> items = FXCollections.observableArrayList(rows);
    SortedList<ImageItem> sorted = new SortedList<>(items);
    time(
        out,
        "  by loss (Double.compare)",
        () -> sorted.setComparator(Comparator.comparingDouble(ImageItem::loss)));
    time(
        out,
        "  by file (natural order)",
        () ->
            sorted.setComparator(Comparator.comparing(ImageItem::path, Comparator.naturalOrder())));
  }

  private static void redraw(PrintStream out, int n) {
    SplittableRandom r = new SplittableRandom(n);
    List<MapPoint> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      points.add(
          new MapPoint(
              "p" + i,
              i % 4 == 0 ? Split.VAL : Split.TRAIN,
              "x",
              (float) r.nextGaussian(),
              (float) r.nextGaussian(),
              i % 10 == 0));
    }
    MapTimings.run(out, points);
  }

  private static void stallDuringTraining(PrintStream out, Path tmp, Path data) throws Exception {
    AtomicLong last = new AtomicLong();
    AtomicLong worst = new AtomicLong();
    AtomicLong frames = new AtomicLong();
    AnimationTimer timer =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            long before = last.getAndSet(now);
            if (before != 0) {
              worst.accumulateAndGet(now - before, Math::max);
            }
            frames.incrementAndGet();
          }
        };
    FxThread.runAndWait(timer::start);
    long t0 = System.nanoTime();
    try (Workspace ws =
        Workspace.open(data, WorkspaceOptions.defaults().withDataDir(tmp.resolve("home")))) {
      new EvaluationService(new DatasetScanner())
          .evaluate(ws, TrainingConfig.quick().withEpochs(5).withFolds(0), Progress.NONE);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    FxThread.runAndWait(timer::stop);
    out.printf(
        Locale.ROOT,
        "longest FX-thread gap between frames while training (%d epochs, %.0f s, %d frames):"
            + " %.1f ms%n",
        5,
        seconds,
        frames.get(),
        worst.get() / 1e6);
  }

  /**
   * The gallery of 100K images scrolled: 100K distinct files (hard links to the sample's drawings,
   * copies where links are refused), so every tile decodes its own thumbnail as in a real dataset.
   */
  private static void stallWhileGalleryScrolls(PrintStream out, Path tmp, Path data)
      throws Exception {
    SplittableRandom r = new SplittableRandom(7);
    try (LinkedGallery gallery =
        LinkedGallery.create(tmp.resolve("gallery"), data, GALLERY_IMAGES)) {
      List<ImageItem> rows = new ArrayList<>(GALLERY_IMAGES);
      for (int i = 0; i < GALLERY_IMAGES; i++) {
        LinkedGallery.Entry e = gallery.entries().get(i);
        String label = e.label();
        boolean flagged = i % 10 == 0;
        rows.add(
            new ImageItem(
                e.path(),
                Optional.of(Split.TRAIN),
                label,
                flagged ? "x" : label,
                r.nextDouble() * 5,
                r.nextDouble(),
                r.nextDouble(),
                flagged ? "label error" : "",
                flagged ? "x" : "",
                "",
                null,
                -1,
                r.nextDouble(),
                label));
      }
      out.println("FX-thread stall while the gallery scrolls (real thumbnails, decoded on load):");
      GalleryTimings.run(out, gallery.root(), rows, 10);
    }
  }

  private static void time(PrintStream out, String what, Runnable r) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      r.run();
      best = Math.min(best, System.nanoTime() - t0);
    }
    out.printf(Locale.ROOT, "%s: %.1f ms (best of 3)%n", what, best / 1e6);
  }
}
