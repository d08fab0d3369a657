package org.databoost.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.databoost.task.Progress;

/**
 * A process to be killed: opens a workspace and deletes or relabels every image of train/i in one
 * operation, pausing briefly before each move so the parent test can SIGKILL it mid-batch.
 *
 * <p>Arguments: dataset root, data folder, {@code delete} or {@code relabel}, pause in ms.
 */
public final class BatchChild {
  private BatchChild() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    long pauseMillis = Long.parseLong(args[3]);
    StepHook slow =
        new StepHook() {
          @Override
          public void beforeMove(long opId, Step step) {
            try {
              Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    try (Workspace ws =
        Workspace.open(root, Fixtures.options(Path.of(args[1])), Progress.NONE, slow)) {
      List<String> batch = new ArrayList<>();
      for (ImageRow r : ws.images()) {
        if (r.label().equals("i")) {
          batch.add(r.path());
        }
      }
      System.out.println("starting " + args[2] + " of " + batch.size());
      if (args[2].equals("delete")) {
        ws.delete(batch);
      } else {
        ws.relabel(batch, "moved");
      }
      System.out.println("finished");
    }
  }
}
