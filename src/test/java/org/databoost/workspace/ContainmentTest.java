package org.databoost.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a workspace moves ever leaves the dataset: label folders, the trash and staging that are
 * symbolic links, links that loop, and journal steps naming paths outside are all refused before
 * the first file moves.
 */
class ContainmentTest {
  @TempDir Path tmp;
  private Path root;
  private Path outside;
  private Path dataDir;

  @BeforeEach
  void dataset() throws IOException {
    root = Fixtures.splitDataset(tmp.resolve("data"));
    outside = Files.createDirectories(tmp.resolve("outside/evil"));
    dataDir = tmp.resolve("user");
  }

  private Workspace open() throws WorkspaceException {
    return Workspace.open(root, Fixtures.options(dataDir));
  }

  private Workspace open(StepHook hook) throws WorkspaceException {
    return Workspace.open(root, Fixtures.options(dataDir), Progress.NONE, hook);
  }

  private static long filesUnder(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  private void assertNothingLeft() throws IOException {
    assertEquals(0, filesUnder(tmp.resolve("outside")), "files written outside the dataset");
  }

  @Test
  void aRelabelIntoALabelFolderThatIsALinkOutsideIsRefusedAndNothingMoves() throws Exception {
    Files.createSymbolicLink(root.resolve("train/evil"), outside);
    Map<String, String> before = Fixtures.tree(root);
    try (Workspace ws = open()) {
      int ops = ws.history().size();
      InvalidEditException e =
          assertThrows(
              InvalidEditException.class, () -> ws.relabel(List.of("train/i/a.png"), "evil"));
      assertTrue(e.getMessage().contains("train/evil is a symbolic link"), e.getMessage());
      assertTrue(e.getMessage().contains("Nothing was changed"), e.getMessage());
      assertEquals(ops, ws.history().size(), "no operation was journaled");
    }
    assertNothingLeft();
    assertEquals(before, Fixtures.tree(root));
  }

  @Test
  void anAddIntoALabelFolderThatIsALinkIsRefusedAndStagingIsEmptied() throws Exception {
    Files.createSymbolicLink(root.resolve("train/evil2"), outside);
    Path source = tmp.resolve("new.png");
    Fixtures.writePng(source, 7);
    try (Workspace ws = open()) {
      NewImage img = NewImage.fromFile(source, Split.TRAIN, "evil2", "test");
      InvalidEditException e = assertThrows(InvalidEditException.class, () -> ws.add(List.of(img)));
      assertTrue(e.getMessage().contains("train/evil2 is a symbolic link"), e.getMessage());
    }
    assertNothingLeft();
    assertEquals(0, filesUnder(root.resolve(".databoost/staging")));
  }

  @Test
  void linksThatLoopOrPointBackIntoTheDatasetAreRefusedAsTargets() throws Exception {
    Files.createSymbolicLink(root.resolve("train/loop"), Path.of("loop"));
    Files.createSymbolicLink(root.resolve("train/up"), root.resolve("train"));
    Map<String, String> before = Fixtures.trackedOnDisk(root);
    try (Workspace ws = open()) {
      for (String label : List.of("loop", "up")) {
        InvalidEditException e =
            assertThrows(
                InvalidEditException.class, () -> ws.relabel(List.of("train/i/a.png"), label));
        assertTrue(e.getMessage().contains("train/" + label + " is a symbolic link"), label);
      }
    }
    assertEquals(before, Fixtures.trackedOnDisk(root));
    assertFalse(Files.exists(root.resolve("train/a.png")), "a file dropped in the split folder");
  }

  @Test
  void aTrashThatIsALinkMakesDeleteRefuseBeforeAnythingMoves() throws Exception {
    try (Workspace ws = open()) {
      // the state folder exists once a workspace was opened
    }
    Files.createSymbolicLink(root.resolve(".databoost/trash"), outside);
    Map<String, String> before = Fixtures.tree(root);
    try (Workspace ws = open()) {
      InvalidEditException e =
          assertThrows(
              InvalidEditException.class,
              () -> ws.delete(List.of("train/i/a.png", "train/ii/b.png")));
      assertTrue(e.getMessage().contains(".databoost/trash is a symbolic link"), e.getMessage());
    }
    assertNothingLeft();
    assertEquals(before, Fixtures.tree(root));
  }

  @Test
  void stagingThatIsALinkMakesAddRefuseAndNothingIsCopiedOutside() throws Exception {
    try (Workspace ws = open()) {
      // creates .databoost
    }
    Files.createSymbolicLink(root.resolve(".databoost/staging"), outside);
    Files.writeString(outside.resolve("keep.txt"), "the user's file");
    Path source = tmp.resolve("new.png");
    Fixtures.writePng(source, 7);
    try (Workspace ws = open()) {
      NewImage img = NewImage.fromFile(source, Split.TRAIN, "i", "test");
      WorkspaceException e = assertThrows(WorkspaceException.class, () -> ws.add(List.of(img)));
      assertTrue(e.getMessage().contains("staging is a symbolic link"), e.getMessage());
    }
    assertEquals(List.of("keep.txt"), listNames(outside), "staging's clean-up went through a link");
  }

  private static List<String> listNames(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Points every step's source of an operation at a place outside the dataset. */
  private void tamperSources(long opId) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + root.resolve(".databoost/catalog.sqlite"));
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE steps SET src = '../outside/evil/' || seq || '.png' WHERE op_id = " + opId);
    }
  }

  @Test
  void undoOfAJournalWhoseStepsLeaveTheDatasetIsRefusedBeforeTheFirstMove() throws Exception {
    long opId;
    try (Workspace ws = open()) {
      opId =
          ws.delete(List.of("train/i/a.png", "train/i/b.png", "train/ii/a.png", "val/i/a.png"))
              .opId();
    }
    tamperSources(opId);
    long trashed = filesUnder(root.resolve(".databoost/trash"));
    try (Workspace ws = open()) {
      InvalidEditException e = assertThrows(InvalidEditException.class, ws::undo);
      assertTrue(e.getMessage().contains("outside the dataset"), e.getMessage());
    }
    assertNothingLeft();
    assertEquals(4, trashed);
    assertEquals(trashed, filesUnder(root.resolve(".databoost/trash")));
  }

  @Test
  void recoveryOfATamperedPendingEditMovesNothingAndMarksItFailed() throws Exception {
    StepHook crash =
        new StepHook() {
          @Override
          public void beforeMove(long opId, Step step) {
            if (step.seq() == 1) {
              throw new SimulatedCrash("before the second move");
            }
          }
        };
    long opId;
    try (Workspace ws = open(crash)) {
      assertThrows(
          SimulatedCrash.class,
          () -> ws.delete(List.of("train/i/a.png", "train/i/b.png", "train/ii/a.png")));
      opId = ws.history().get(ws.history().size() - 1).id();
    }
    tamperSources(opId); // the two steps not yet done now come from outside
    Files.writeString(outside.resolve("1.png"), "a file of the user's, outside");
    try (Workspace ws = open()) {
      String report = String.join("\n", ws.openReport());
      assertTrue(report.contains("outside the dataset"), report);
      assertTrue(report.contains("marked failed"), report);
      Optional<HistoryEntry> op = ws.history().stream().filter(h -> h.id() == opId).findFirst();
      assertTrue(op.isPresent());
    }
    assertTrue(Files.exists(outside.resolve("1.png")), "the outside file was moved in");
    assertTrue(Files.exists(root.resolve("train/i/b.png")));
  }
}
