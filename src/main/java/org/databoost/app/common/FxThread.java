package org.databoost.app.common;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;

/** Running code on the FX thread from another thread (the benchmarks drive the toolkit so). */
public final class FxThread {
  private FxThread() {}

  /** Runs {@code r} on the FX thread and returns when it has run (also when it threw). */
  public static void runAndWait(Runnable r) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          try {
            r.run();
          } finally {
            done.countDown();
          }
        });
    done.await();
  }
}
