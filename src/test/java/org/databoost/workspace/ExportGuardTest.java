package org.databoost.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a report, a map or embeddings may be written, judged with links followed. */
class ExportGuardTest {
  @TempDir Path tmp;
  private Path root;

  @BeforeEach
  void dataset() throws Exception {
    root = Fixtures.splitDataset(tmp.resolve("data"));
  }

  private Workspace open() throws WorkspaceException {
    return Workspace.open(root, Fixtures.options(tmp.resolve("user")));
  }

  @Test
  void theStateFolderIsRefusedEvenWithForceAndThroughALink() throws Exception {
    try (Workspace ws = open()) {
      Path catalog = root.resolve(".databoost/catalog.sqlite");
      InvalidEditException e =
          assertThrows(InvalidEditException.class, () -> ws.checkExportTarget(catalog, true));
      assertTrue(e.getMessage().contains("the undo history"), e.getMessage());
      Path link = Files.createSymbolicLink(tmp.resolve("sneaky"), root.resolve(".databoost"));
      assertThrows(
          InvalidEditException.class,
          () -> ws.checkExportTarget(link.resolve("report.xlsx"), false));
      assertThrows(
          InvalidEditException.class,
          () -> ws.checkExportTarget(root.resolve(".databoost/new/report.xlsx"), false));
    }
  }

  @Test
  void splitAndLabelFoldersNeedForce() throws Exception {
    try (Workspace ws = open()) {
      Path inLabel = root.resolve("train/i/report.xlsx");
      InvalidEditException e =
          assertThrows(InvalidEditException.class, () -> ws.checkExportTarget(inLabel, false));
      assertTrue(e.getMessage().contains("folder train/i"), e.getMessage());
      assertTrue(e.getMessage().contains("--force"), e.getMessage());
      assertThrows(
          InvalidEditException.class,
          () -> ws.checkExportTarget(root.resolve("val/report.xlsx"), false));
      assertEquals(inLabel, ws.checkExportTarget(inLabel, true));
    }
  }

  @Test
  void theDatasetRootAndFoldersOutsideAreFine() throws Exception {
    try (Workspace ws = open()) {
      assertEquals(
          root.resolve("report.xlsx"), ws.checkExportTarget(root.resolve("report.xlsx"), false));
      Path outside = tmp.resolve("reports/new/report.xlsx");
      assertEquals(outside, ws.checkExportTarget(outside, false));
      assertThrows(InvalidEditException.class, () -> ws.checkExportTarget(tmp, false));
    }
  }
}
