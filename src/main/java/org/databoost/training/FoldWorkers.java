package org.databoost.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.databoost.task.Progress;

/**
 * Parallel cross-validation: each fold is trained by a worker process ({@code databoost
 * train-worker SPEC}, the same Java, class path and JVM options as this process, or the installed
 * launcher) on one native thread, because two threads inside one libtorch collapse when anything
 * else is busy (docs/training.md). Up to {@code jobs} models train at once, the main model that
 * this process trains meanwhile counted as one until {@link #mainModelDone()}.
 *
 * <p>Workers report progress on their standard output, which goes on to this run's {@link
 * Progress}; the last lines of their standard error name what went wrong when one fails. Closing
 * this kills any worker still running (cancel, failure); a worker whose parent dies stops by itself
 * ({@code ParentWatch}). The specs and outcomes live in a work folder the caller owns and deletes.
 */
final class FoldWorkers implements AutoCloseable {
  /** The hidden subcommand that runs {@link FoldWorker}. */
  static final String COMMAND = "train-worker";

  /** The program's entry point, named rather than referenced: the core does not depend on it. */
  static final String LAUNCHER = "org.databoost.Launcher";

  /** ParentWatch's variable: the parent's process id, for a worker that starts after it died. */
  static final String PARENT_PID = "DATABOOST_PARENT_PID";

  private static final int TAIL_LINES = 12;

  private static final long FORWARD_MILLIS = 2000;

  private final List<FoldSpec> specs;
  private final Path folder;
  private final int jobs;
  private final Progress progress;
  private final ArrayDeque<Integer> pending = new ArrayDeque<>();
  private final Map<Integer, Worker> running = new LinkedHashMap<>();
  private final FoldOutcome[] outcomes;
  private final Thread scheduler;
  private final Thread killAtExit = new Thread(this::killAll, "databoost-stop-fold-workers");
  private int reserved = 1;
  private IOException failure;
  private boolean closed;

  private FoldWorkers(List<FoldSpec> specs, Path folder, int jobs, Progress progress) {
    this.specs = specs;
    this.folder = folder;
    this.jobs = jobs;
    this.progress = progress;
    this.outcomes = new FoldOutcome[specs.size()];
    for (int f = 0; f < specs.size(); f++) {
      pending.add(f);
    }
    scheduler = new Thread(this::schedule, "databoost-fold-workers");
    scheduler.setDaemon(true);
  }

  /**
   * Writes the specs into {@code folder} and starts the first workers, leaving one of {@code jobs}
   * slots to the main model.
   */
  static FoldWorkers start(List<FoldSpec> specs, Path folder, int jobs, Progress progress)
      throws IOException {
    for (FoldSpec spec : specs) {
      spec.write(specFile(folder, spec.fold()));
    }
    FoldWorkers workers = new FoldWorkers(specs, folder, Math.max(2, jobs), progress);
    Runtime.getRuntime().addShutdownHook(workers.killAtExit);
    workers.scheduler.start();
    return workers;
  }

  static Path specFile(Path folder, int fold) {
    return folder.resolve("fold-" + (fold + 1) + ".spec");
  }

  /** The main model is trained: its slot goes to the folds. */
  synchronized void mainModelDone() {
    reserved = 0;
    notifyAll();
  }

  /**
   * Waits for every fold, checking for cancellation.
   *
   * @throws IOException naming the first fold whose worker failed, with its last messages
   */
  synchronized List<FoldOutcome> await() throws IOException {
    try {
      while (failure == null && !(pending.isEmpty() && running.isEmpty())) {
        progress.checkCancelled();
        wait(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new org.databoost.task.CancelledException();
    }
    if (failure != null) {
      throw failure;
    }
    return List.of(outcomes);
  }

  private void schedule() {
    synchronized (this) {
      try {
        while (!closed) {
          reap();
          if (failure == null && !progress.isCancelled()) {
            fill();
          }
          if (failure != null || (pending.isEmpty() && running.isEmpty())) {
            break;
          }
          wait(100);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        failure = new IOException("Parallel cross-validation stopped: " + e, e);
      } finally {
        if (failure != null) {
          killAll();
        }
        notifyAll();
      }
    }
  }

  private void fill() {
    while (!pending.isEmpty() && running.size() < jobs - reserved) {
      int f = pending.poll();
      try {
        running.put(f, Worker.start(command(specFile(folder, f)), progress));
      } catch (IOException e) {
        failure = new IOException(failedText(specs.get(f)) + ": it could not start: " + e, e);
        return;
      }
    }
  }

  private void reap() {
    for (Iterator<Map.Entry<Integer, Worker>> it = running.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Integer, Worker> e = it.next();
      Worker w = e.getValue();
      if (w.process.isAlive()) {
        continue;
      }
      it.remove();
      w.finishReading();
      FoldSpec spec = specs.get(e.getKey());
      int code = w.process.exitValue();
      if (code != 0 || !Files.isRegularFile(spec.output())) {
        failure = new IOException(failedText(spec) + " (exit code " + code + ")" + w.tail());
        return;
      }
      try {
        FoldOutcome outcome = FoldOutcome.read(spec.output());
        if (outcome.fold() != spec.fold() || outcome.logits().length != spec.heldOut().size()) {
          throw new IOException("it does not match the fold's spec");
        }
        outcomes[spec.fold()] = outcome;
      } catch (IOException ex) {
        failure = new IOException(failedText(spec) + ": its result is unusable: " + ex, ex);
        return;
      }
    }
  }

  private static String failedText(FoldSpec spec) {
    return "Cross-validation fold "
        + (spec.fold() + 1)
        + " of "
        + spec.config().folds()
        + " failed in its worker process";
  }

  private synchronized void killAll() {
    for (Worker w : running.values()) {
      w.process.destroyForcibly();
    }
  }

  /** Kills the workers still running and waits for them to be gone. */
  @Override
  public void close() {
    List<Worker> left;
    synchronized (this) {
      closed = true;
      left = new ArrayList<>(running.values());
      running.clear();
      notifyAll();
    }
    for (Worker w : left) {
      w.process.destroyForcibly();
    }
    for (Worker w : left) {
      try {
        w.process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      w.finishReading();
    }
    try {
      scheduler.join(2000);
      Runtime.getRuntime().removeShutdownHook(killAtExit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or ran: the workers are being killed anyway
    }
  }

  /** This program again, as a worker for the fold of {@code spec}. */
  static List<String> command(Path spec) {
    List<String> cmd = new ArrayList<>();
    String installed = System.getProperty("jpackage.app-path");
    if (installed != null) {
      cmd.add(installed); // its native launcher carries every JVM option
    } else {
      cmd.add(
          ProcessHandle.current()
              .info()
              .command()
              .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(LAUNCHER);
    }
    cmd.add(COMMAND);
    cmd.add(spec.toString());
    return cmd;
  }

  /** One running worker process and the threads that read its output. */
  private static final class Worker {
    final Process process;
    final Thread out;
    final Thread err;
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private String lastStage = "";
    private long lastForward;

    private Worker(Process process, Progress progress) {
      this.process = process;
      this.out = reader(process.getInputStream(), line -> forward(line, progress));
      this.err = reader(process.getErrorStream(), this::keep);
    }

    static Worker start(List<String> command, Progress progress) throws IOException {
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.environment().putAll(NativeMemory.ENVIRONMENT);
      pb.environment().put(PARENT_PID, Long.toString(ProcessHandle.current().pid()));
      pb.environment().remove("_JPACKAGE_LAUNCHER"); // see Relauncher
      Process p = pb.start();
      p.getOutputStream().close();
      return new Worker(p, progress);
    }

    /**
     * Passes a progress line on: a stage's start and end always, in between at most every {@value
     * #FORWARD_MILLIS} ms, so that several workers and the main model do not flood a log with
     * alternating lines.
     */
    private void forward(String line, Progress progress) {
      String[] f = line.split("\t", 4);
      if (f.length == 4 && f[0].equals(FoldWorker.PROGRESS)) {
        try {
          long done = Long.parseLong(f[1]);
          long total = Long.parseLong(f[2]);
          long now = System.nanoTime();
          if (!f[3].equals(lastStage)
              || (total > 0 && done >= total)
              || now - lastForward >= FORWARD_MILLIS * 1_000_000L) {
            lastStage = f[3];
            lastForward = now;
            progress.update(f[3], done, total);
          }
          return;
        } catch (NumberFormatException e) {
          // not a progress line after all: keep it as a message
        }
      }
      keep(line);
    }

    private synchronized void keep(String line) {
      if (line.contains("NNPACK") || line.isBlank()) {
        return; // libtorch's per-step noise on processors NNPACK does not support
      }
      tail.addLast(line);
      while (tail.size() > TAIL_LINES) {
        tail.removeFirst();
      }
    }

    synchronized String tail() {
      return tail.isEmpty()
          ? "; it said nothing."
          : ". Its last messages:\n  " + String.join("\n  ", tail);
    }

    void finishReading() {
      try {
        out.join(2000);
        err.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static Thread reader(InputStream in, java.util.function.Consumer<String> sink) {
      Thread t =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                  for (String line = r.readLine(); line != null; line = r.readLine()) {
                    sink.accept(line);
                  }
                } catch (IOException e) {
                  // the process is gone: nothing more to read
                }
              },
              "databoost-fold-worker-output");
      t.setDaemon(true);
      t.start();
      return t;
    }
  }
}
