package org.databoost.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.databoost.imaging.DecodedImage;
import org.databoost.imaging.ImageDecoder;
import org.databoost.imaging.ImageFormat;
import org.databoost.imaging.ImageReadException;

/** Checks one candidate file: decodes it (subsampled) to prove it is an image, then hashes it. */
final class ImageChecker {
  /** The outcome for one file: an entry when usable, and what was noticed either way. */
  record Result(Optional<ImageEntry> entry, List<Problem> problems) {}

  private final ScanOptions options;
  private final HashCache hashCache;

  ImageChecker(ScanOptions options, HashCache hashCache) {
    this.options = options;
    this.hashCache = hashCache;
  }

  Result check(Candidate c) {
    List<Problem> problems = new ArrayList<>();
    Path rel = c.relativePath();
    try {
      BasicFileAttributes attrs = Files.readAttributes(c.realPath(), BasicFileAttributes.class);
      DecodedImage decoded =
          ImageDecoder.read(c.realPath(), options.verifySide(), options.maxPixels());
      for (String warning : decoded.warnings()) {
        problems.add(
            Problem.of(ProblemKind.DECODER_WARNING, rel, "decoded, with a warning: " + warning));
      }
      ImageFormat format = decoded.info().format();
      String extension = FileNames.extension(rel.getFileName().toString());
      if (!format.matchesExtension(extension)) {
        String named = extension.isEmpty() ? "has no extension" : "is named ." + extension;
        problems.add(
            Problem.of(
                ProblemKind.FORMAT_MISMATCH,
                rel,
                named + " but holds " + format + " data; read as " + format));
      }
      long size = attrs.size();
      long modified = attrs.lastModifiedTime().toMillis();
      String hash = hashCache.lookup(rel, size, modified).orElse(null);
      if (hash == null) {
        hash = ContentHash.of(c.realPath());
      }
      Split split = c.folderSplit().orElse(Split.TRAIN);
      ImageEntry entry =
          new ImageEntry(
              rel,
              split,
              c.label(),
              hash,
              size,
              modified,
              decoded.info().width(),
              decoded.info().height(),
              format);
      return new Result(Optional.of(entry), problems);
    } catch (ImageReadException e) {
      problems.add(Problem.of(ProblemKind.of(e.reason()), rel, e.getMessage()));
    } catch (IOException e) {
      problems.add(
          Problem.of(ProblemKind.UNREADABLE_FILE, rel, "cannot be read: " + IoReasons.describe(e)));
    }
    return new Result(Optional.empty(), problems);
  }
}
