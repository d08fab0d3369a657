package org.databoost.workspace;

import static org.databoost.workspace.Fixtures.assertCatalogMatchesDisk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crashes and disk errors injected between file moves. A crash is a {@link SimulatedCrash} thrown
 * from the hook; the workspace object is then only closed, which (like a dying process) releases
 * the lock and the connection and commits nothing.
 */
class CrashRecoveryTest {
  private static final List<String> BATCH =
      List.of("train/i/a.png", "train/i/b.png", "train/ii/a.png", "train/iii/c.png", "val/i/a.png");

  @TempDir Path root;
  @TempDir Path dataDir;

  /** Throws a crash (or an IOException) at the k-th move counted from arming, or before finish. */
  private static final class FaultHook implements StepHook {
    private final int crashAtMove;
    private final boolean diskError;
    private boolean armed;
    private int moves;

    FaultHook(int crashAtMove, boolean diskError) {
      this.crashAtMove = crashAtMove;
      this.diskError = diskError;
    }

    @Override
    public void beforeMove(long opId, Step step) throws IOException {
      if (armed && moves++ == crashAtMove) {
        if (diskError) {
          throw new IOException("No space left on device");
        }
        throw new SimulatedCrash("before move " + crashAtMove);
      }
    }

    @Override
    public void beforeFinish(long opId) {
      if (armed && !diskError && moves == crashAtMove) {
        throw new SimulatedCrash("before the done transaction");
      }
    }
  }

  private Workspace open(StepHook hook) throws WorkspaceException {
    return Workspace.open(root, Fixtures.options(dataDir), Progress.NONE, hook);
  }

  @ParameterizedTest(name = "crash before move {0} of 5")
  @ValueSource(ints = {0, 1, 2, 3, 4, 5})
  void aBatchInterruptedAtAnyMoveIsCompletedOnReopen(int k) throws Exception {
    Fixtures.splitDataset(root);
    List<String> content = Fixtures.allContent(root);
    FaultHook hook = new FaultHook(k, false);
    Workspace ws = open(hook);
    hook.armed = true;
    assertThrows(SimulatedCrash.class, () -> ws.relabel(BATCH, "x"));
    assertThrows(WorkspaceException.class, () -> ws.delete(List.of("val/ii/a.png")));
    ws.close();
    try (Workspace again = open(StepHook.NONE)) {
      assertEquals(content, Fixtures.allContent(root), "every file exactly once");
      assertCatalogMatchesDisk(again, root);
      HistoryEntry op = again.history().get(0);
      assertEquals(OpStatus.DONE, op.status());
      assertTrue(Files.exists(root.resolve("train/x/a.png")));
      assertTrue(again.openReport().stream().anyMatch(l -> l.contains("has now been completed")));
    }
  }

  @ParameterizedTest(name = "crash before move {0} of 5")
  @ValueSource(ints = {0, 2, 4, 5})
  void anUndoInterruptedAtAnyMoveIsCompletedOnReopen(int k) throws Exception {
    Fixtures.splitDataset(root);
    Map<String, String> before = Fixtures.tree(root);
    FaultHook hook = new FaultHook(k, false);
    Workspace ws = open(hook);
    ws.delete(BATCH);
    hook.armed = true;
    assertThrows(SimulatedCrash.class, ws::undo);
    ws.close();
    try (Workspace again = open(StepHook.NONE)) {
      assertEquals(before, Fixtures.tree(root));
      assertCatalogMatchesDisk(again, root);
      assertFalse(again.canUndo(), "the completed undo marked the delete undone");
      assertTrue(again.canRedo());
    }
  }

  @Test
  void anAddInterruptedAfterStagingLeavesTheDatasetUntouchedAndStagingEmpty() throws Exception {
    Fixtures.splitDataset(root);
    Map<String, String> before = Fixtures.tree(root);
    StepHook hook =
        new StepHook() {
          @Override
          public void afterStaging() {
            throw new SimulatedCrash("after staging, before the intent");
          }
        };
    Workspace ws = open(hook);
    assertThrows(
        SimulatedCrash.class,
        () -> ws.add(List.of(NewImage.fromBytes(new byte[] {7}, Split.TRAIN, "i", "n.png", "t"))));
    assertEquals(1, Files.list(root.resolve(".databoost/staging")).count());
    ws.close();
    try (Workspace again = open(StepHook.NONE)) {
      assertEquals(before, Fixtures.tree(root));
      assertEquals(0, Files.list(root.resolve(".databoost/staging")).count());
      assertTrue(again.history().isEmpty());
      assertCatalogMatchesDisk(again, root);
    }
  }

  @Test
  void anAddInterruptedAfterItsIntentIsCompletedOnReopen() throws Exception {
    Fixtures.splitDataset(root);
    FaultHook hook = new FaultHook(1, false);
    Workspace ws = open(hook);
    hook.armed = true;
    List<NewImage> two =
        List.of(
            NewImage.fromBytes(new byte[] {7}, Split.TRAIN, "new", "n.png", "gen 1"),
            NewImage.fromBytes(new byte[] {8}, Split.VAL, "i", "m.png", "gen 2"));
    assertThrows(SimulatedCrash.class, () -> ws.add(two));
    ws.close();
    try (Workspace again = open(StepHook.NONE)) {
      assertTrue(Files.exists(root.resolve("train/new/n.png")));
      assertTrue(Files.exists(root.resolve("val/i/m.png")));
      assertEquals(0, Files.list(root.resolve(".databoost/staging")).count());
      assertCatalogMatchesDisk(again, root);
      assertTrue(again.images().stream().anyMatch(r -> r.provenance().orElse("").equals("gen 2")));
      again.undo();
      assertFalse(Files.exists(root.resolve("train/new")), "undo removes the folder the add made");
    }
  }

  @ParameterizedTest(name = "disk error before move {0} of 5")
  @ValueSource(ints = {0, 2, 3})
  void aDiskErrorMidBatchRollsBackAndLeavesTheDatasetAsItWas(int k) throws Exception {
    Fixtures.splitDataset(root);
    Map<String, String> before = Fixtures.tree(root);
    FaultHook hook = new FaultHook(k, true);
    try (Workspace ws = open(hook)) {
      hook.armed = true;
      WorkspaceException e =
          assertThrows(
              WorkspaceException.class, () -> ws.moveToSplit(BATCH.subList(0, 4), Split.VAL));
      assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
      assertTrue(e.getMessage().contains("as it was before"), e.getMessage());
      hook.armed = false;
      assertEquals(before, Fixtures.tree(root));
      assertCatalogMatchesDisk(ws, root);
      assertEquals(OpStatus.FAILED, ws.history().get(0).status());
      assertFalse(ws.canUndo());
      ws.delete(List.of("train/i/a.png"));
      assertTrue(ws.canUndo(), "the workspace stays usable after a rolled-back failure");
    }
  }

  @Test
  void aCrashWhileRollingBackIsFinishedOnReopen() throws Exception {
    Fixtures.splitDataset(root);
    Map<String, String> before = Fixtures.tree(root);
    StepHook hook =
        new StepHook() {
          private int moves;

          @Override
          public void beforeMove(long opId, Step step) throws IOException {
            moves++;
            if (moves == 4) {
              throw new IOException("No space left on device");
            }
            if (moves == 5) {
              throw new SimulatedCrash("during the rollback");
            }
          }
        };
    Workspace ws = open(hook);
    assertThrows(SimulatedCrash.class, () -> ws.relabel(BATCH, "x"));
    ws.close();
    try (Workspace again = open(StepHook.NONE)) {
      assertEquals(before, Fixtures.tree(root));
      assertCatalogMatchesDisk(again, root);
      assertEquals(OpStatus.FAILED, again.history().get(0).status());
    }
  }
}
