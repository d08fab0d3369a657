package org.databoost.workspace;

import static org.databoost.workspace.Fixtures.assertCatalogMatchesDisk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A real SIGKILL of a child JVM in the middle of a 1,000-file batch, then recovery on reopen. */
class KillDuringBatchTest {
  private static final int FILES = 1000;

  @TempDir Path root;
  @TempDir Path dataDir;

  @ParameterizedTest(name = "{0}, killed after about {1} moves")
  @CsvSource({"delete, 150", "relabel, 700"})
  void aBatchKilledMidwayIsCompletedOnReopenWithEveryFileExactlyOnce(String mode, int killAfter)
      throws Exception {
    for (int i = 0; i < FILES; i++) {
      Fixtures.write(root.resolve("train/i/img" + i + ".png"), "image number " + i);
    }
    Fixtures.write(root.resolve("train/ii/other.png"), "another label");
    try (Workspace ws = Workspace.open(root, Fixtures.options(dataDir))) {
      assertEquals(FILES + 1, ws.images().size());
    }
    List<String> content = Fixtures.allContent(root);
    Path target =
        mode.equals("delete") ? root.resolve(".databoost/trash") : root.resolve("train/moved");
    Path log = dataDir.resolve("child.log");
    Process child =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                BatchChild.class.getName(),
                root.toString(),
                dataDir.toString(),
                mode,
                "2")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      long moved = waitForMoves(child, target, killAfter, log);
      assertThrows(
          WorkspaceLockedException.class,
          () -> Workspace.open(root, Fixtures.options(dataDir)),
          "the child holds the write lock");
      child.destroyForcibly().waitFor();
      assertTrue(moved < FILES, "killed before the batch finished");
    } finally {
      child.destroyForcibly();
    }
    try (Workspace ws = Workspace.open(root, Fixtures.options(dataDir))) {
      assertEquals(content, Fixtures.allContent(root), "every file exactly once");
      assertCatalogMatchesDisk(ws, root);
      assertEquals(FILES, countFiles(target));
      assertEquals(OpStatus.DONE, ws.history().get(0).status());
      assertTrue(ws.openReport().stream().anyMatch(l -> l.contains("has now been completed")));
    }
  }

  private static long waitForMoves(Process child, Path target, int atLeast, Path log)
      throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        fail("the child ended early: " + Files.readString(log));
      }
      long n = countFiles(target);
      if (n >= atLeast) {
        return n;
      }
      Thread.sleep(5);
    }
    return fail("the child moved too few files in time: " + Files.readString(log));
  }

  private static long countFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).count();
    }
  }
}
