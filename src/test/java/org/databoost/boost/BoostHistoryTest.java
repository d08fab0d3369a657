package org.databoost.boost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;
import org.databoost.workspace.HistoryEntry;
import org.databoost.workspace.NewImage;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Boost round whose job was killed after its write and before its retraining is in the dataset
 * but was never checked: the history says so until it is undone.
 */
class BoostHistoryTest {
  @TempDir Path tmp;

  @Test
  void aRoundWrittenButNeverRetrainedIsMarkedUntilUndone() throws Exception {
    Path root = tmp.resolve("data");
    for (String dir : List.of("train/i", "train/ii", "val/i", "val/ii")) {
      Files.createDirectories(root.resolve(dir));
      Files.writeString(root.resolve(dir).resolve("a.png"), dir);
    }
    WorkspaceOptions options = new WorkspaceOptions(false, Optional.of(tmp.resolve("user")));
    try (Workspace ws = Workspace.open(root, options)) {
      ws.add(
          List.of(NewImage.fromBytes(new byte[] {1, 2}, Split.TRAIN, "i", "b.png", "test")),
          "an ordinary add",
          Progress.NONE);
      ws.add(
          List.of(
              NewImage.fromBytes(new byte[] {3}, Split.TRAIN, "i", "c.png", "boost"),
              NewImage.fromBytes(new byte[] {4}, Split.TRAIN, "ii", "d.png", "boost")),
          BoostService.ROUND_PREFIX + "1: add 2 candidates for 2 validation errors",
          Progress.NONE);
      // the job is killed here: no retraining, no run
      List<HistoryEntry> unchecked = BoostHistory.unchecked(ws);
      assertEquals(1, unchecked.size());
      String note = BoostHistory.uncheckedNote(unchecked.get(0));
      assertTrue(note.contains("added, not retrained"), note);
      assertTrue(note.contains("2 images"), note);
      ws.undo();
      assertEquals(List.of(), BoostHistory.unchecked(ws));
    }
  }
}
