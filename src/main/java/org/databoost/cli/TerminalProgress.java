package org.databoost.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.databoost.task.Progress;

/**
 * A progress bar with an ETA on the terminal. Redraws at most a few times a second; on a terminal
 * it rewrites one line, elsewhere (logs, CI) it prints a line per stage step of 10%.
 */
final class TerminalProgress implements Progress, AutoCloseable {
  private static volatile boolean cancelledAll;

  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter out;
  private final boolean interactive;
  private String stage = "";
  private long stageStart;
  private long lastDraw;
  private long lastTenth = -1;
  private boolean open;

  TerminalProgress(PrintWriter out) {
    this(out, System.console() != null);
  }

  TerminalProgress(PrintWriter out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  @Override
  public synchronized void update(String newStage, long done, long total) {
    long now = System.nanoTime();
    if (!newStage.equals(stage)) {
      finishLine();
      stage = newStage;
      stageStart = now;
      lastTenth = -1;
    }
    boolean finished = total > 0 && done >= total;
    if (interactive) {
      if (finished || now - lastDraw >= REDRAW_NANOS) {
        lastDraw = now;
        out.print("\r" + line(done, total, now));
        out.flush();
        open = true;
      }
    } else {
      long tenth = total > 0 ? done * 10 / total : -1;
      if (tenth != lastTenth && (tenth >= 0 || lastTenth == -1)) {
        lastTenth = tenth;
        out.println(line(done, total, now));
        out.flush();
      }
    }
  }

  private String line(long done, long total, long now) {
    StringBuilder sb = new StringBuilder(stage).append(' ');
    if (total > 0) {
      int filled = (int) (WIDTH * Math.min(done, total) / total);
      sb.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
      sb.append(String.format("%3d%% %d/%d", 100 * done / total, done, total));
      double elapsed = (now - stageStart) / 1e9;
      if (done > 0 && done < total) {
        long etaSeconds = Math.round(elapsed * (total - done) / done);
        sb.append("  ETA ").append(format(Duration.ofSeconds(etaSeconds)));
      } else if (done >= total) {
        sb.append("  in ").append(format(Duration.ofMillis((long) (elapsed * 1000))));
      }
    } else {
      sb.append(done);
    }
    return sb.toString();
  }

  static String format(Duration d) {
    long s = d.toSeconds();
    if (s >= 3600) {
      return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
    }
    if (s >= 60) {
      return String.format("%dm%02ds", s / 60, s % 60);
    }
    return d.toMillis() < 10_000 ? String.format("%.1fs", d.toMillis() / 1000.0) : s + "s";
  }

  private void finishLine() {
    if (open) {
      out.println();
      out.flush();
      open = false;
    }
  }

  @Override
  public boolean isCancelled() {
    return cancelledAll;
  }

  /** Whether {@link #cancelAll()} was called. */
  static boolean allCancelled() {
    return cancelledAll;
  }

  /** Cancels every terminal progress of this process: it stands for a signal, so it is global. */
  static void cancelAll() {
    cancelledAll = true;
  }

  @Override
  public synchronized void close() {
    finishLine();
  }
}
