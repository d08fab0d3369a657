package org.databoost.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.databoost.dataset.ContentHash;
import org.databoost.dataset.FileNames;
import org.databoost.task.Progress;

/**
 * The staging folder {@code .databoost/staging/}: new images are copied here and flushed to disk
 * before the intent to add them is committed, so the add itself is only atomic moves. Anything left
 * here belongs to an add that never committed and is cleared.
 */
final class Staging {
  /** A flushed copy waiting to be moved into the dataset. */
  record Staged(String path, NewImage image, String hash, long size) {}

  private final WorkspacePaths paths;
  private final Containment containment;

  Staging(WorkspacePaths paths) {
    this.paths = paths;
    this.containment = new Containment(paths.layout().root());
  }

  /** Copies every image in; on failure or cancel removes the copies made so far. */
  List<Staged> copyIn(List<NewImage> images, Progress progress) throws IOException {
    Path dir = paths.resolve(WorkspacePaths.STAGING);
    containment.checkMove(WorkspacePaths.STAGING + "new");
    Files.createDirectories(dir);
    List<Staged> out = new ArrayList<>();
    try {
      for (NewImage img : images) {
        progress.checkCancelled();
        String rel =
            WorkspacePaths.STAGING + UUID.randomUUID() + "." + FileNames.extension(img.fileName());
        Path target = paths.resolve(rel);
        write(img, target);
        out.add(new Staged(rel, img, ContentHash.of(target), Files.size(target)));
        progress.update("Copying new images", out.size(), images.size());
      }
      syncDirectory(dir);
    } catch (IOException | RuntimeException e) {
      clear();
      throw e;
    }
    return out;
  }

  private static void write(NewImage img, Path target) throws IOException {
    try (FileChannel channel =
        FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(channel);
      if (img.bytes().isPresent()) {
        out.write(img.bytes().get());
      } else {
        try (InputStream in = Files.newInputStream(img.source().get())) {
          in.transferTo(out);
        }
      }
      channel.force(true);
    }
  }

  /** Makes the new directory entries durable too, not just the bytes. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems refuse to sync a directory; the copies' bytes are flushed regardless.
    }
  }

  /**
   * Removes everything in staging. These are only copies of files that still exist outside the
   * dataset (or bytes of an add the caller saw fail), never the user's only copy.
   */
  void clear() throws IOException {
    Path dir = paths.resolve(WorkspacePaths.STAGING);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
        || containment.judge(WorkspacePaths.STAGING + "old").isPresent()) {
      return; // never delete through a link
    }
    List<Path> all;
    try (Stream<Path> walk = Files.walk(dir)) {
      all = walk.filter(p -> !p.equals(dir)).sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }

  /** How many files staging holds. */
  long count() throws IOException {
    Path dir = paths.resolve(WorkspacePaths.STAGING);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
        || containment.judge(WorkspacePaths.STAGING + "old").isPresent()) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).count();
    }
  }
}
