package org.databoost.workspace;

import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.task.Progress;

/**
 * The one way to "the usable images of this workspace": a scan of its dataset through the
 * workspace's hash cache (unchanged files are not hashed again), refused with the scan's reason
 * when the dataset cannot be used. Every job that works on a whole dataset starts here.
 */
public final class UsableImages {
  private UsableImages() {}

  /** Scans with the default scanner; see {@link #scan(DatasetScanner, Workspace, Progress)}. */
  public static DatasetScan scan(Workspace ws, Progress progress)
      throws DatasetException, WorkspaceException {
    return scan(new DatasetScanner(), ws, progress);
  }

  /**
   * Scans the workspace's dataset with {@code scanner} through its hash cache.
   *
   * @throws DatasetException when the dataset is not usable; the message says why
   */
  public static DatasetScan scan(DatasetScanner scanner, Workspace ws, Progress progress)
      throws DatasetException, WorkspaceException {
    DatasetScan scan = scanner.scan(ws.layout().root(), ws.hashCache(), progress);
    if (!scan.isUsable()) {
      throw new DatasetException(
          "The dataset is not usable: " + scan.unusableReason().orElse("no reason given"));
    }
    return scan;
  }

  /**
   * As {@link #scan(DatasetScanner, Workspace, Progress)}, but also a dataset on which no model can
   * be trained (one label only, no validation images) whose images can still be judged from their
   * embeddings: leaks, duplicates, junk, outliers. The caller checks {@link DatasetScan#isUsable}
   * before it trains.
   *
   * @throws DatasetException when not even that is possible; the message says why
   */
  public static DatasetScan scanToJudge(DatasetScanner scanner, Workspace ws, Progress progress)
      throws DatasetException, WorkspaceException {
    DatasetScan scan = scanner.scan(ws.layout().root(), ws.hashCache(), progress);
    if (scan.unjudgeableReason().isPresent()) {
      throw new DatasetException(
          "The dataset is not usable: " + scan.unjudgeableReason().orElseThrow());
    }
    return scan;
  }
}
