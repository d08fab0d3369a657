package org.databoost.workspace;

import static org.databoost.workspace.Fixtures.assertCatalogMatchesDisk;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.databoost.dataset.ContentHash;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchEditsTest {
  @TempDir Path root;
  @TempDir Path dataDir;

  private Workspace open(StepHook hook) throws WorkspaceException {
    return Workspace.open(root, Fixtures.options(dataDir), Progress.NONE, hook);
  }

  private static BatchEdits.Replacement version(String path) {
    return new BatchEdits.Replacement(
        path, ("new version of " + path).getBytes(StandardCharsets.UTF_8), "normalised");
  }

  @Test
  void relabelEachToItsOwnLabelIsOneEditAndOneUndo() throws Exception {
    Fixtures.splitDataset(root);
    Map<String, String> before = Fixtures.tree(root);
    try (Workspace ws = open(StepHook.NONE)) {
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("train/i/a.png", "ii");
      labels.put("train/ii/b.png", "x");
      OperationResult r = ws.batch().relabel(labels, "Autopilot b: relabel 2", Progress.NONE);
      assertEquals(List.of("train/ii/a (2).png", "train/x/b.png"), r.finalPaths());
      assertEquals("Autopilot b: relabel 2", ws.history().get(0).description());
      assertCatalogMatchesDisk(ws, root);
      ws.undo();
      assertEquals(before, Fixtures.tree(root));
      assertFalse(ws.canUndo());
    }
  }

  @Test
  void moveEachToItsOwnSplitIsOneEdit() throws Exception {
    Fixtures.splitDataset(root);
    Map<String, String> before = Fixtures.tree(root);
    try (Workspace ws = open(StepHook.NONE)) {
      Map<String, Split> targets = new LinkedHashMap<>();
      targets.put("train/i/c.png", Split.VAL);
      targets.put("val/ii/a.png", Split.TRAIN);
      ws.batch().moveToSplits(targets, "Re-split", Progress.NONE);
      assertTrue(Files.exists(root.resolve("val/i/c.png")));
      assertTrue(Files.exists(root.resolve("train/ii/a (2).png")), "train/ii/a.png was taken");
      assertEquals(1, ws.history().size());
      assertThrows(
          InvalidEditException.class,
          () -> ws.batch().moveToSplits(Map.of("val/i/c.png", Split.VAL), "", Progress.NONE));
      ws.undo();
      assertEquals(before, Fixtures.tree(root));
      assertCatalogMatchesDisk(ws, root);
    }
  }

  @Test
  void aReplacementKeepsThePathAndUndoRestoresTheOriginalByteForByte() throws Exception {
    Fixtures.splitDataset(root);
    Map<String, String> before = Fixtures.tree(root);
    try (Workspace ws = open(StepHook.NONE)) {
      ws.batch()
          .replace(
              List.of(version("train/i/a.png"), version("val/ii/b.png")),
              "Normalise 2",
              Progress.NONE);
      assertEquals(
          "new version of train/i/a.png",
          Files.readString(root.resolve("train/i/a.png"), StandardCharsets.UTF_8));
      ImageRow row =
          ws.images().stream().filter(i -> i.path().equals("train/i/a.png")).findAny().get();
      assertEquals(ContentHash.of(root.resolve("train/i/a.png")), row.hash());
      assertEquals("normalised", row.provenance().orElse(""));
      assertEquals(2, ws.trash().size(), "the originals wait in the trash");
      assertCatalogMatchesDisk(ws, root);
      ws.undo();
      assertEquals(before, Fixtures.tree(root));
      assertCatalogMatchesDisk(ws, root);
      ws.redo();
      assertEquals(
          "new version of val/ii/b.png",
          Files.readString(root.resolve("val/ii/b.png"), StandardCharsets.UTF_8));
      assertCatalogMatchesDisk(ws, root);
      ws.undo();
      assertEquals(before, Fixtures.tree(root));
    }
  }

  @Test
  void aReplacementOfAnUnknownImageChangesNothing() throws Exception {
    Fixtures.splitDataset(root);
    Map<String, String> before = Fixtures.tree(root);
    try (Workspace ws = open(StepHook.NONE)) {
      assertThrows(
          InvalidEditException.class,
          () ->
              ws.batch()
                  .replace(
                      List.of(version("train/i/a.png"), version("train/i/zzz.png")),
                      "",
                      Progress.NONE));
      assertEquals(before, Fixtures.tree(root));
      assertTrue(ws.history().isEmpty());
    }
  }

  /** Crashes before the k-th move (4 moves: two originals out, two versions in) or the finish. */
  @ParameterizedTest(name = "crash before move {0} of 4")
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void aReplacementInterruptedAnywhereIsCompletedOnReopenAndUndoesExactly(int k) throws Exception {
    Fixtures.splitDataset(root);
    Map<String, String> before = Fixtures.tree(root);
    CrashAt hook = new CrashAt(k);
    Workspace ws = open(hook);
    hook.armed = true;
    assertThrows(
        SimulatedCrash.class,
        () ->
            ws.batch()
                .replace(
                    List.of(version("train/i/a.png"), version("train/ii/b.png")),
                    "",
                    Progress.NONE));
    ws.close();
    try (Workspace again = open(StepHook.NONE)) {
      assertEquals(
          "new version of train/ii/b.png",
          Files.readString(root.resolve("train/ii/b.png"), StandardCharsets.UTF_8));
      assertEquals(
          "new version of train/i/a.png",
          Files.readString(root.resolve("train/i/a.png"), StandardCharsets.UTF_8));
      assertCatalogMatchesDisk(again, root);
      again.undo();
      assertEquals(before, Fixtures.tree(root));
      assertCatalogMatchesDisk(again, root);
    }
  }

  @ParameterizedTest(name = "crash before move {0} of 2")
  @ValueSource(ints = {0, 1, 2})
  void anUndoOfAReplacementInterruptedAnywhereIsCompletedOnReopen(int k) throws Exception {
    Fixtures.splitDataset(root);
    Map<String, String> before = Fixtures.tree(root);
    byte[] original = Files.readAllBytes(root.resolve("val/i/a.png"));
    CrashAt hook = new CrashAt(k);
    Workspace ws = open(hook);
    ws.batch().replace(List.of(version("val/i/a.png")), "", Progress.NONE);
    hook.armed = true;
    assertThrows(SimulatedCrash.class, ws::undo);
    ws.close();
    try (Workspace again = open(StepHook.NONE)) {
      assertArrayEquals(original, Files.readAllBytes(root.resolve("val/i/a.png")));
      assertEquals(before, Fixtures.tree(root));
      assertCatalogMatchesDisk(again, root);
      assertFalse(again.canUndo());
    }
  }

  private static final class CrashAt implements StepHook {
    private final int at;
    private boolean armed;
    private int moves;

    CrashAt(int at) {
      this.at = at;
    }

    @Override
    public void beforeMove(long opId, Step step) throws IOException {
      if (armed && moves++ == at) {
        throw new SimulatedCrash("before move " + at);
      }
    }

    @Override
    public void beforeFinish(long opId) {
      if (armed && moves == at) {
        throw new SimulatedCrash("before the done transaction");
      }
    }
  }
}
