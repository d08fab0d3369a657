package org.databoost.sample;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.databoost.task.Progress;

/**
 * Writes a synthetic dataset of handwritten-looking Roman numerals i..x, laid out like the
 * competition data ({@code train/ val/ label_book/}, one folder per label), with deliberate wrong
 * labels, junk images and a train/val shift, plus the answer key {@value SampleTruth#FILE_NAME}.
 *
 * <p>The same spec always gives byte-identical files. The dataset appears under its final name only
 * when complete: it is drawn into a sibling folder that is renamed at the end, and removed if
 * drawing fails or is cancelled.
 */
public final class SampleDatasetGenerator {
  /** The stage name reported to {@link Progress}. */
  public static final String STAGE = "Drawing sample images";

  /**
   * Generates the sample into {@code outDir}, which must not exist or be an empty folder.
   *
   * @return the answer key, also written to {@code outDir/}{@value SampleTruth#FILE_NAME}
   * @throws FileAlreadyExistsException when {@code outDir} is a file or a non-empty folder
   * @throws org.databoost.task.CancelledException when {@code progress} asked to stop; nothing is
   *     left behind
   */
  public SampleTruth generate(Path outDir, SampleSpec spec, Progress progress) throws IOException {
    Path target = outDir.toAbsolutePath().normalize();
    refuseOccupied(target);
    Files.createDirectories(target.getParent());
    Path partial = target.resolveSibling(target.getFileName() + ".partial-" + randomSuffix());
    Files.createDirectory(partial);
    try {
      SampleTruth truth = drawAll(partial, spec, progress);
      truth.write(partial.resolve(SampleTruth.FILE_NAME));
      progress.checkCancelled();
      publish(partial, target);
      return truth;
    } catch (IOException | RuntimeException | Error e) {
      try {
        deleteTree(partial);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  private static SampleTruth drawAll(Path root, SampleSpec spec, Progress progress)
      throws IOException {
    List<SamplePlan.Slot> slots = SamplePlan.of(spec);
    List<SampleTruth.Entry> entries = new ArrayList<>(slots.size());
    progress.update(STAGE, 0, slots.size());
    int count = 0;
    try (PngWriter png = new PngWriter()) {
      for (SamplePlan.Slot slot : slots) {
        progress.checkCancelled();
        BufferedImage image = SampleImageDrawer.draw(slot, spec);
        Path file = root.resolve(slot.relativePath());
        Files.createDirectories(file.getParent());
        png.write(image, file);
        entries.add(
            new SampleTruth.Entry(
                slot.relativePath(), slot.label(), slot.trueLabel(), slot.kind()));
        progress.update(STAGE, ++count, slots.size());
      }
    }
    return new SampleTruth(entries);
  }

  private static void refuseOccupied(Path target) throws IOException {
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new FileAlreadyExistsException(
          target.toString(), null, "is a file; choose a new or empty folder for the sample");
    }
    try (Stream<Path> children = Files.list(target)) {
      if (children.findAny().isPresent()) {
        throw new FileAlreadyExistsException(
            target.toString(),
            null,
            "the folder is not empty; choose a new or empty folder for the sample");
      }
    }
  }

  private static void publish(Path partial, Path target) throws IOException {
    try {
      Files.deleteIfExists(target); // only an empty folder can be here, checked before drawing
    } catch (DirectoryNotEmptyException e) {
      throw new FileAlreadyExistsException(
          target.toString(), null, "something was written into the folder while generating");
    }
    try {
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, target);
    }
  }

  private static String randomSuffix() {
    byte[] bytes = new byte[6];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
