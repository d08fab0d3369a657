package org.databoost.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.databoost.task.Progress;

/**
 * The worker side of parallel cross-validation ({@link FoldWorkers}): trains the one fold a {@link
 * FoldSpec} describes, on one native thread, and writes its {@link FoldOutcome} whole or not at
 * all. Progress goes to standard output as {@value #PROGRESS}-lines that the parent passes on.
 */
public final class FoldWorker {
  /** Starts each progress line: then done, total and the stage, separated by tabs. */
  static final String PROGRESS = "@progress";

  private FoldWorker() {}

  /**
   * Trains the fold of {@code specFile}.
   *
   * @param out where the progress lines go (the parent reads them)
   * @param cancelled true once the work should stop (the parent is gone)
   * @throws IOException when the spec cannot be read, an image cannot be decoded or the outcome
   *     cannot be written
   */
  public static void run(Path specFile, PrintStream out, BooleanSupplier cancelled)
      throws IOException {
    FoldSpec spec = FoldSpec.read(specFile);
    Progress progress = printing(out, cancelled);
    TorchEngine.oneThreadEach();
    TorchEngine.acquire(progress);
    try {
      TorchEngine.start(1);
      List<LabelledImage> all = new ArrayList<>(spec.fit());
      all.addAll(spec.val());
      all.addAll(spec.heldOut());
      Progress decoding = prefixed(progress, spec.prefix());
      TensorSet tensors = TensorCache.decode(all, 1, decoding);
      int a = spec.fit().size();
      int b = a + spec.val().size();
      FoldOutcome outcome =
          Evaluator.trainFold(
              spec.config(),
              spec.fold(),
              tensors.subset(range(0, a)),
              tensors.subset(range(a, b)),
              tensors.subset(range(b, all.size())),
              spec.classes(),
              progress);
      progress.checkCancelled(); // a cancelled fold leaves no outcome
      outcome.write(spec.output());
    } finally {
      TorchEngine.release();
    }
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }

  private static Progress printing(PrintStream out, BooleanSupplier cancelled) {
    return new Progress() {
      @Override
      public synchronized void update(String stage, long done, long total) {
        out.println(PROGRESS + "\t" + done + "\t" + total + "\t" + stage.replace('\n', ' '));
        out.flush();
      }

      @Override
      public boolean isCancelled() {
        return cancelled.getAsBoolean();
      }
    };
  }

  static Progress prefixed(Progress progress, String prefix) {
    return new Progress() {
      @Override
      public void update(String stage, long done, long total) {
        progress.update(prefix + stage, done, total);
      }

      @Override
      public boolean isCancelled() {
        return progress.isCancelled();
      }
    };
  }
}
