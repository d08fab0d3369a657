package org.databoost.training;

import java.util.ArrayList;
import java.util.List;
import org.databoost.task.Progress;

/** Records updates; asks to cancel once {@code cancelAfter} training batches have been reported. */
final class RecordingProgress implements Progress {
  final List<String> updates = new ArrayList<>();
  private final int cancelAfter;
  int batches;

  RecordingProgress(int cancelAfter) {
    this.cancelAfter = cancelAfter;
  }

  RecordingProgress() {
    this(Integer.MAX_VALUE);
  }

  @Override
  public void update(String stage, long done, long total) {
    updates.add(stage + " " + done + "/" + total);
    if (stage.contains("train epoch")) {
      batches++;
    }
  }

  @Override
  public boolean isCancelled() {
    return batches >= cancelAfter;
  }
}
