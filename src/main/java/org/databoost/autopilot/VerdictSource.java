package org.databoost.autopilot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.databoost.dataset.DatasetScan;
import org.databoost.task.Progress;

/**
 * Where the cleaning steps get their verdicts. Kept behind this interface so that the judge can be
 * replaced without touching the steps.
 */
public interface VerdictSource {
  /** A short name for the plan and the benchmark, e.g. "glyph judge". */
  String name();

  /**
   * The verdicts on the train and val images of a scan; the label book and test are never judged.
   *
   * @param stateDir the workspace's state folder (embedding caches)
   */
  List<Verdict> judge(DatasetScan scan, Path stateDir, Progress progress) throws IOException;
}
