package org.databoost.workspace;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A scratch folder for one job in the workspace's state folder ({@code .databoost/work/job-N/}, or
 * the read-only dataset's state folder in the user data folder): the fold specs and results that
 * parallel cross-validation hands to its worker processes. Closing it deletes it and everything in
 * it. Folders left behind by a job that was killed are deleted when the next one is made: the
 * workspace lock guarantees that no other job is using them.
 */
public final class WorkFolder implements AutoCloseable {
  static final String AREA = "work";

  private final Path path;

  private WorkFolder(Path path) {
    this.path = path;
  }

  /** A new, empty work folder for a job on this open workspace. */
  public static WorkFolder create(Workspace ws) throws IOException {
    return createIn(ws.stateDir());
  }

  /**
   * A new, empty work folder under a state folder ({@code stateDir/work/job-…}); older job folders
   * there, left by a killed process, are deleted first. For benchmarks that keep their state in a
   * scratch folder rather than an open workspace.
   */
  public static WorkFolder createIn(Path stateDir) throws IOException {
    Path area = stateDir.resolve(AREA);
    Files.createDirectories(area);
    try (DirectoryStream<Path> old = Files.newDirectoryStream(area)) {
      for (Path p : old) {
        deleteTree(p);
      }
    }
    return new WorkFolder(Files.createTempDirectory(area, "job-"));
  }

  public Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    deleteTree(path);
  }

  /** Deletes a file or a folder with its contents; symbolic links are removed, never followed. */
  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> walk = Files.walk(root)) {
      all = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }
}
