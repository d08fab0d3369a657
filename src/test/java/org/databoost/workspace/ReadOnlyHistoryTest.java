package org.databoost.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.databoost.dataset.ContentHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset Databoost may not write still shows the history, trash and runs its own {@code
 * .databoost} holds, for viewing only, and nothing in it changes, not even a SQLite {@code -shm}
 * file. The dataset is made read-only by removing every write bit (folders and the catalog). Tests
 * may run as root, for whom write bits block nothing; the product treats a missing owner write bit
 * as read-only all the same ({@code StateLocation}), and this test proves "nothing written" by
 * comparing every file and folder of the dataset, {@code .databoost} included, byte for byte.
 */
class ReadOnlyHistoryTest {
  @TempDir Path root;
  @TempDir Path dataDir;

  @AfterEach
  void writableAgain() throws IOException {
    setWriteBits(true); // lets @TempDir clean up
  }

  private Workspace open() throws Exception {
    return Workspace.open(root, Fixtures.options(dataDir));
  }

  @Test
  void aReadOnlyDatasetShowsItsOwnHistoryTrashAndRunsAndChangesNothing() throws Exception {
    Fixtures.splitDataset(root);
    try (Workspace ws = open()) {
      ws.delete(List.of("train/i/a.png"));
      ws.relabel(List.of("train/i/b.png"), "ii");
      ws.runs().save(run("evaluation"), List.of());
    }
    setWriteBits(false);
    Map<String, String> before = everything(root);
    try (Workspace ws = open()) {
      assertTrue(ws.isReadOnly());
      assertTrue(ws.stateDir().startsWith(dataDir), ws.stateDir().toString());
      assertEquals(2, ws.history().size(), ws.history().toString());
      assertEquals("DELETE", ws.history().get(0).kind().name());
      assertEquals(1, ws.trash().size(), "the deleted image is shown in the trash");
      assertEquals(1, ws.runs().list().size(), "the run the dataset kept is shown");
      assertTrue(
          ws.openReport().stream().anyMatch(l -> l.contains("its history and runs are shown from")),
          ws.openReport().toString());
      assertEquals(List.of(), ws.openReport().stream().filter(l -> l.contains("outside")).toList());
      assertThrows(ReadOnlyDatasetException.class, ws::undo);
      assertThrows(ReadOnlyDatasetException.class, () -> ws.delete(List.of("train/i/c.png")));
      ws.runs().save(run("made while read-only"), List.of());
      ws.keptLabels().keep(List.of(new KeptLabels.Key("some content", "i")));
    }
    try (Workspace ws = open()) {
      assertEquals(2, ws.runs().list().size(), "a run made while read-only is kept");
      assertEquals(2, ws.history().size());
      assertEquals(
          Set.of(new KeptLabels.Key("some content", "i")),
          ws.keptLabels().load(),
          "a label kept while read-only is kept");
    }
    assertEquals(before, everything(root), "nothing in the dataset changed");
  }

  @Test
  void aChangedDatasetHistoryIsShownAfreshAndTheEarlierCopyIsKept() throws Exception {
    Fixtures.splitDataset(root);
    try (Workspace ws = open()) {
      ws.delete(List.of("train/i/a.png"));
    }
    setWriteBits(false);
    try (Workspace ws = open()) {
      assertEquals(1, ws.history().size());
      ws.runs().save(run("made while read-only"), List.of());
    }
    setWriteBits(true);
    try (Workspace ws = open()) {
      ws.undo();
    }
    setWriteBits(false);
    try (Workspace ws = open()) {
      assertEquals(2, ws.history().size(), "the delete and its undo");
      assertEquals(0, ws.trash().size());
      assertEquals(0, ws.runs().list().size());
      String kept =
          ws.openReport().stream()
              .filter(l -> l.contains("the earlier copy"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(ws.openReport()));
      try (Stream<Path> files = Files.list(ws.stateDir())) {
        assertEquals(
            1,
            files.filter(p -> p.getFileName().toString().startsWith("catalog.before-")).count(),
            kept);
      }
    }
  }

  private static RunRecord run(String kind) {
    return new RunRecord(
        0,
        kind,
        Instant.ofEpochMilli(1000),
        Instant.ofEpochMilli(5000),
        List.of("i", "ii"),
        Map.of(),
        RunResults.fromStored(Map.of("accuracy.val", "0.5")),
        List.of());
  }

  /** Every folder and file under {@code dir}, with content hashes. */
  private static Map<String, String> everything(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        out.put(
            dir.relativize(p).toString(),
            Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "<folder>" : ContentHash.of(p));
      }
    }
    return out;
  }

  private void setWriteBits(boolean on) throws IOException {
    Set<PosixFilePermission> write =
        EnumSet.of(
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        if (on) {
          perms.add(PosixFilePermission.OWNER_WRITE);
        } else {
          perms.removeAll(write);
        }
        Files.setPosixFilePermissions(p, perms);
      }
    }
  }
}
