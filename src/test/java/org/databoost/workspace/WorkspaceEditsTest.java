package org.databoost.workspace;

import static org.databoost.workspace.Fixtures.assertCatalogMatchesDisk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceEditsTest {
  @TempDir Path root;
  @TempDir Path dataDir;

  private Workspace open() throws Exception {
    return Workspace.open(root, Fixtures.options(dataDir));
  }

  @Test
  void relabelMovesFilesIntoANewLabelFolderAndUndoRemovesIt() throws Exception {
    Fixtures.splitDataset(root);
    Map<String, String> before = Fixtures.tree(root);
    try (Workspace ws = open()) {
      OperationResult r = ws.relabel(List.of("train/i/a.png", "train/ii/b.png"), "x");
      assertEquals(List.of("train/x/a.png", "train/x/b.png"), r.finalPaths());
      assertTrue(Files.isRegularFile(root.resolve("train/x/b.png")));
      assertEquals(
          "x",
          ws.images().stream()
              .filter(i -> i.path().equals("train/x/a.png"))
              .findAny()
              .orElseThrow()
              .label());
      assertCatalogMatchesDisk(ws, root);
      ws.undo();
      assertFalse(Files.exists(root.resolve("train/x")));
      assertEquals(before, Fixtures.tree(root));
      assertCatalogMatchesDisk(ws, root);
    }
  }

  @Test
  void undoOfAGivenEditRefusesWhenAnotherEditIsNewer() throws Exception {
    Fixtures.splitDataset(root);
    try (Workspace ws = open()) {
      OperationResult first = ws.relabel(List.of("train/i/a.png"), "x");
      OperationResult second = ws.delete(List.of("train/ii/b.png"));
      Map<String, String> afterBoth = Fixtures.tree(root);
      InvalidEditException e =
          assertThrows(InvalidEditException.class, () -> ws.undo(first.opId()));
      assertTrue(e.getMessage().contains("#" + second.opId()), e.getMessage());
      assertEquals(afterBoth, Fixtures.tree(root), "nothing changed");
      ws.undo(second.opId());
      ws.undo(first.opId());
      assertFalse(ws.canUndo());
      assertCatalogMatchesDisk(ws, root);
    }
  }

  @Test
  void anAddKeepsTheDescriptionItWasGiven() throws Exception {
    Fixtures.splitDataset(root);
    try (Workspace ws = open()) {
      ws.add(
          List.of(NewImage.fromBytes(new byte[] {1, 2}, Split.TRAIN, "i", "n.png", "test")),
          "Boost round 1: add 1 candidates",
          Progress.NONE);
      assertEquals(
          "Boost round 1: add 1 candidates",
          ws.history().get(ws.history().size() - 1).description());
    }
  }

  @Test
  void undoAndRedoSurviveReopeningAndANewEditClearsRedo() throws Exception {
    Fixtures.splitDataset(root);
    try (Workspace ws = open()) {
      ws.delete(List.of("train/i/a.png"));
      ws.moveToSplit(List.of("train/ii/a.png"), Split.VAL);
      ws.undo();
    }
    try (Workspace ws = open()) {
      assertTrue(ws.canRedo());
      ws.redo();
      assertTrue(
          Files.exists(root.resolve("val/ii/a (2).png"))
              || Files.exists(root.resolve("val/ii/a.png")));
      ws.undo();
      ws.undo();
      assertTrue(Files.exists(root.resolve("train/i/a.png")));
      assertFalse(ws.canUndo());
    }
    try (Workspace ws = open()) {
      assertTrue(ws.canRedo());
      ws.relabel(List.of("val/i/a.png"), "ii");
      assertFalse(ws.canRedo(), "a new edit clears the redo stack");
      assertTrue(ws.canUndo());
      assertCatalogMatchesDisk(ws, root);
    }
  }

  @Test
  void historyListsEveryOperationWithKindCountAndUndoneFlag() throws Exception {
    Fixtures.splitDataset(root);
    try (Workspace ws = open()) {
      ws.delete(List.of("train/i/a.png", "train/i/b.png"));
      ws.relabel(List.of("train/ii/a.png"), "iii");
      ws.undo();
      List<HistoryEntry> h = ws.history();
      assertEquals(
          List.of(OpKind.DELETE, OpKind.RELABEL, OpKind.UNDO),
          h.stream().map(HistoryEntry::kind).toList());
      assertEquals(2, h.get(0).fileCount());
      assertEquals("Delete 2 images", h.get(0).description());
      assertFalse(h.get(0).undone());
      assertTrue(h.get(1).undone());
      assertEquals(h.get(1).id(), h.get(2).targetOp().getAsLong());
      assertTrue(
          h.stream().allMatch(e -> e.status() == OpStatus.DONE && e.finishedAt().isPresent()));
    }
  }

  @Test
  void deleteGoesToTrashOfTheOperationAndRestoreAvoidsATakenName() throws Exception {
    Fixtures.splitDataset(root);
    try (Workspace ws = open()) {
      OperationResult del = ws.delete(List.of("train/i/a.png"));
      String trashed = ".databoost/trash/" + del.opId() + "/train/i/a.png";
      assertEquals(List.of(trashed), del.finalPaths());
      assertTrue(ws.trash().get(0).trashed());
      ws.add(
          List.of(
              NewImage.fromBytes(
                  "a newcomer with the same name".getBytes(StandardCharsets.UTF_8),
                  Split.TRAIN,
                  "i",
                  "a.png",
                  "test")));
      OperationResult back = ws.restore(del.opId());
      assertEquals(List.of("train/i/a (2).png"), back.finalPaths());
      assertEquals(
          "a newcomer with the same name", Files.readString(root.resolve("train/i/a.png")));
      assertTrue(Files.readString(root.resolve("train/i/a (2).png")).startsWith("train/i/a.png"));
      assertTrue(ws.trash().isEmpty());
      assertCatalogMatchesDisk(ws, root);
    }
  }

  @Test
  void addCopiesFilesAndBytesWithProvenanceAndUndoMovesThemToTrash(@TempDir Path outside)
      throws Exception {
    Fixtures.splitDataset(root);
    Path source = Fixtures.writePng(outside.resolve("b.png"), 3);
    try (Workspace ws = open()) {
      OperationResult r =
          ws.add(
              List.of(
                  NewImage.fromFile(source, Split.TRAIN, "i", "copied by test"),
                  NewImage.fromBytes(
                      new byte[] {1, 2, 3}, Split.VAL, "new", "gen.png", "boost #1")));
      assertEquals(List.of("train/i/b (2).png", "val/new/gen.png"), r.finalPaths());
      assertTrue(Files.exists(source), "the outside file is copied, not moved");
      ImageRow gen =
          ws.images().stream()
              .filter(i -> i.path().equals("val/new/gen.png"))
              .findAny()
              .orElseThrow();
      assertEquals(Optional.of("boost #1"), gen.provenance());
      assertEquals(r.opId(), gen.addedByOp().getAsLong());
      assertEquals(0, Files.list(root.resolve(".databoost/staging")).count());
      ws.undo();
      assertFalse(Files.exists(root.resolve("val/new")));
      assertEquals(2, ws.trash().size());
      ws.redo();
      ImageRow again =
          ws.images().stream()
              .filter(i -> i.path().equals("val/new/gen.png"))
              .findAny()
              .orElseThrow();
      assertEquals(Optional.of("boost #1"), again.provenance());
      assertCatalogMatchesDisk(ws, root);
    }
  }

  @Test
  void editsOfALabelFolderDatasetWork() throws Exception {
    Fixtures.labelDataset(root);
    try (Workspace ws = open()) {
      assertEquals(Optional.empty(), ws.images().get(0).split());
      ws.relabel(List.of("i/a.png"), "iii");
      assertTrue(Files.exists(root.resolve("iii/a.png")));
      ws.add(
          List.of(
              new NewImage(
                  Optional.empty(),
                  Optional.of(new byte[] {9}),
                  Optional.empty(),
                  "ii",
                  "n.png",
                  "p")));
      assertThrows(
          InvalidEditException.class, () -> ws.moveToSplit(List.of("ii/a.png"), Split.VAL));
      assertThrows(InvalidEditException.class, () -> ws.relabel(List.of("ii/a.png"), "train"));
      assertCatalogMatchesDisk(ws, root);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " x", "a/b", "..", ".hidden", "Thumbs.db", "x\\y"})
  void invalidLabelsAreRefused(String label) throws Exception {
    Fixtures.splitDataset(root);
    try (Workspace ws = open()) {
      assertThrows(InvalidEditException.class, () -> ws.relabel(List.of("train/i/a.png"), label));
    }
  }

  @Test
  void badRequestsAreRefusedWithClearMessagesAndChangeNothing() throws Exception {
    Fixtures.splitDataset(root);
    Map<String, String> before = Fixtures.tree(root);
    try (Workspace ws = open()) {
      assertMessage("outside", () -> ws.delete(List.of("../elsewhere.png")));
      assertMessage("outside", () -> ws.delete(List.of("/etc/passwd")));
      assertMessage("no image", () -> ws.delete(List.of("train/i/missing.png")));
      assertMessage("already labelled", () -> ws.relabel(List.of("train/i/a.png"), "i"));
      assertMessage("no test folder", () -> ws.moveToSplit(List.of("train/i/a.png"), Split.TEST));
      assertMessage(
          "already in train", () -> ws.moveToSplit(List.of("train/i/a.png"), Split.TRAIN));
      assertMessage("nothing to undo", ws::undo);
      assertMessage("nothing to redo", ws::redo);
      assertMessage("No images", () -> ws.delete(List.of()));
      assertMessage(
          "image extension",
          () -> ws.add(List.of(NewImage.fromBytes(new byte[1], Split.TRAIN, "i", "x.txt", "p"))));
      assertTrue(ws.history().isEmpty());
    }
    assertEquals(before, Fixtures.tree(root));
  }

  @Test
  void absolutePathsInsideTheDatasetAreAccepted() throws Exception {
    Fixtures.splitDataset(root);
    try (Workspace ws = open()) {
      ws.delete(List.of(root.resolve("train/i/a.png").toString()));
      assertFalse(Files.exists(root.resolve("train/i/a.png")));
    }
  }

  private static void assertMessage(String part, Executable e) {
    WorkspaceException ex = assertThrows(WorkspaceException.class, e);
    assertTrue(
        ex.getMessage().toLowerCase().contains(part.toLowerCase()),
        () -> "message '" + ex.getMessage() + "' should mention '" + part + "'");
  }

  @Test
  void addRefusesFilesTheScanWouldExcludeAndSaysWhichAndWhy(@TempDir Path outside)
      throws Exception {
    Fixtures.splitDataset(root);
    Path text = outside.resolve("notes.png");
    Fixtures.write(text, "this is text, not a picture");
    Path bomb = org.databoost.imaging.PngBomb.write(outside.resolve("bomb.png"), 30000);
    Path good = Fixtures.writePng(outside.resolve("good.png"), 5);
    Map<String, String> before = Fixtures.tree(root);
    try (Workspace ws = open()) {
      InvalidEditException e =
          assertThrows(
              InvalidEditException.class,
              () ->
                  ws.add(
                      List.of(
                          NewImage.fromFile(good, Split.TRAIN, "i", "t"),
                          NewImage.fromFile(text, Split.TRAIN, "i", "t"),
                          NewImage.fromFile(bomb, Split.TRAIN, "i", "t"))));
      assertTrue(e.getMessage().contains("2 of 3 files"), e.getMessage());
      assertTrue(e.getMessage().contains(text + ": not an image"), e.getMessage());
      assertTrue(e.getMessage().contains(bomb + ": too large"), e.getMessage());
      assertFalse(e.getMessage().contains(good.toString()), e.getMessage());
    }
    assertEquals(before, Fixtures.tree(root));
  }

  @Test
  void historyCountsOnlyTheFilesAnEditMovedWhenSomeVanishedMeanwhile() throws Exception {
    Fixtures.splitDataset(root);
    StepHook vanish =
        new StepHook() {
          @Override
          public void beforeMove(long opId, Step step) throws java.io.IOException {
            if (step.seq() == 0) {
              // removed by another program, once
              Files.deleteIfExists(root.resolve("train/ii/a.png"));
            }
          }
        };
    try (Workspace ws =
        Workspace.open(root, Fixtures.options(dataDir), org.databoost.task.Progress.NONE, vanish)) {
      OperationResult r = ws.delete(List.of("train/i/a.png", "train/ii/a.png", "train/iii/a.png"));
      assertEquals(2, r.fileCount());
      HistoryEntry h = ws.history().get(ws.history().size() - 1);
      assertEquals(2, h.fileCount(), "the skipped file is not counted");
      ws.undo();
      assertEquals(2, ws.history().get(ws.history().size() - 1).fileCount());
      assertCatalogMatchesDisk(ws, root);
    }
  }
}
