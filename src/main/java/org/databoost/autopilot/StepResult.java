package org.databoost.autopilot;

import java.util.List;

/**
 * What one step did when it ran.
 *
 * @param letter a..f
 * @param title the step's title
 * @param ran whether it ran (off, or nothing to do, otherwise)
 * @param changed images it removed, relabelled, replaced, moved or added
 * @param opIds the journal edits it made and kept, oldest first (undo takes them back one by one)
 * @param seconds wall seconds
 * @param note one line: what it did, or why it did nothing
 */
public record StepResult(
    char letter,
    String title,
    boolean ran,
    int changed,
    List<Long> opIds,
    double seconds,
    String note) {
  public StepResult {
    opIds = List.copyOf(opIds);
  }
}
