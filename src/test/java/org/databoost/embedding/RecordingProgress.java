package org.databoost.embedding;

import java.util.ArrayList;
import java.util.List;
import org.databoost.task.Progress;

/** Records the updates; asks to cancel once {@code done} reaches {@code cancelAt}. */
final class RecordingProgress implements Progress {
  final List<Long> done = new ArrayList<>();
  private final long cancelAt;
  private boolean cancelled;

  RecordingProgress(long cancelAt) {
    this.cancelAt = cancelAt;
  }

  static RecordingProgress neverCancelled() {
    return new RecordingProgress(Long.MAX_VALUE);
  }

  @Override
  public void update(String stage, long d, long total) {
    done.add(d);
    if (d >= cancelAt) {
      cancelled = true;
    }
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }
}
