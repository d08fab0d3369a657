package org.databoost.autopilot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.databoost.dataset.ImageEntry;
import org.databoost.imaging.ImageDecoder;
import org.databoost.imaging.ImageReadException;
import org.databoost.task.Progress;
import org.databoost.workspace.BatchEdits;

/**
 * Step c on disk: the new version of every image ({@link InkCrop}), encoded in the file's own
 * format. Images without ink are left alone.
 */
final class Normaliser {
  static final String STAGE = "Normalising images";
  static final String PLAN_STAGE = "Finding the ink to crop to";
  private static final int MAX_SIDE = 4096;

  private Normaliser() {}

  static List<BatchEdits.Replacement> replacements(
      Path root, List<ImageEntry> images, double margin, Progress progress) {
    BatchEdits.Replacement[] out = new BatchEdits.Replacement[images.size()];
    AtomicInteger done = new AtomicInteger();
    String provenance =
        String.format(Locale.ROOT, "autopilot normalised: ink box, margin %.2f, square", margin);
    IntStream.range(0, out.length)
        .parallel()
        .forEach(
            i -> {
              progress.checkCancelled();
              ImageEntry e = images.get(i);
              Optional<BufferedImage> img = InkCrop.normalise(decode(root, e), margin);
              if (img.isPresent()) {
                out[i] =
                    new BatchEdits.Replacement(e.displayPath(), encode(img.get(), e), provenance);
              }
              progress.update(STAGE, done.incrementAndGet(), out.length);
            });
    List<BatchEdits.Replacement> list = new ArrayList<>();
    for (BatchEdits.Replacement r : out) {
      if (r != null) {
        list.add(r);
      }
    }
    return list;
  }

  /**
   * The content hashes of the images among these that have ink to crop to; step c leaves the rest.
   */
  static Set<String> withInk(Path root, List<ImageEntry> images, double margin, Progress progress) {
    Set<String> out = ConcurrentHashMap.newKeySet();
    AtomicInteger done = new AtomicInteger();
    IntStream.range(0, images.size())
        .parallel()
        .forEach(
            i -> {
              progress.checkCancelled();
              ImageEntry e = images.get(i);
              if (InkCrop.normalise(decode(root, e), margin).isPresent()) {
                out.add(e.hash());
              }
              progress.update(PLAN_STAGE, done.incrementAndGet(), images.size());
            });
    return out;
  }

  /** The new version of one image, PNG-encoded for the review; empty without ink. */
  static byte[] preview(Path root, ImageEntry image, double margin) {
    return InkCrop.normalise(decode(root, image), margin)
        .map(Normaliser::encodePng)
        .orElse(new byte[0]);
  }

  private static byte[] encodePng(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException ex) {
      throw new UncheckedIOException("encoding in memory failed", ex);
    }
    return bytes.toByteArray();
  }

  private static BufferedImage decode(Path root, ImageEntry e) {
    try {
      return ImageDecoder.decode(root.resolve(e.relativePath()), MAX_SIDE);
    } catch (ImageReadException ex) {
      throw new UncheckedIOException(
          new IOException("Cannot read " + e.displayPath() + ": " + ex.getMessage(), ex));
    }
  }

  private static byte[] encode(BufferedImage image, ImageEntry e) {
    String format = e.format().name().toLowerCase(Locale.ROOT);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, bytes)) {
        bytes.reset();
        ImageIO.write(image, "png", bytes);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("encoding in memory failed", ex);
    }
    return bytes.toByteArray();
  }
}
