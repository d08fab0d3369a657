package org.databoost;

import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * Makes a relaunched child die with its parent. A {@code kill -9} of the {@code java -jar} that
 * started it runs no shutdown hook there, so nothing would stop the child: it would go on writing
 * to the dataset and holding its lock. The child therefore looks at its parent a few times a
 * second; once the parent is gone (or the child was handed to another parent, as orphans are), it
 * asks the running command to cancel, as the user would, and exits after a grace period at the
 * latest.
 */
final class ParentWatch {
  static final Duration POLL = Duration.ofMillis(200);

  /** Set by the parent to its own process id, so that a child started late can tell. */
  static final String PARENT_PID = "DATABOOST_PARENT_PID";

  private ParentWatch() {}

  /**
   * Starts watching this process's parent on a daemon thread; {@code onGone} runs once, on that
   * thread, when the parent is gone. Does nothing when there is no parent to watch.
   */
  static void start(Runnable onGone) {
    ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
    boolean orphan = parent == null || parent.pid() == 1;
    String started = System.getenv(PARENT_PID); // inherited by grandchildren: only for orphans
    if (orphan && started != null && !started.equals("1")) {
      onGone.run(); // the parent died before this JVM got this far
      return;
    }
    if (orphan) {
      return;
    }
    long pid = parent.pid();
    Thread t =
        new Thread(
            () -> {
              try {
                while (parent.isAlive()
                    && ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L)
                        == pid) {
                  Thread.sleep(POLL.toMillis());
                }
                onGone.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "databoost-parent-watch");
    t.setDaemon(true);
    t.start();
  }

  /**
   * What a relaunched child does when its parent is gone: cancel the running command, and exit
   * through {@code exit} (the launcher's {@code System::exit}, the one place that ends the JVM)
   * with status 130 if it has not ended within {@code grace} (work stuck in native code, or the
   * window).
   */
  static Runnable cancelThenExit(Runnable cancel, Duration grace, IntConsumer exit) {
    return () -> {
      System.err.println("databoost: the process that started this one is gone; stopping.");
      cancel.run();
      try {
        Thread.sleep(grace.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exit.accept(130);
    };
  }
}
