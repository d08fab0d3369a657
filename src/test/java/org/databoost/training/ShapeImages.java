package org.databoost.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Tiny generated datasets for fast training tests: grey PNGs of a disc, a bar or a cross. */
final class ShapeImages {
  static final List<String> LABELS = List.of("disc", "bar", "cross");

  private ShapeImages() {}

  /** Writes {@code count} images of {@code split}, labels in turn, and returns them. */
  static List<LabelledImage> write(Path root, String split, int count, long seed) {
    Random random = new Random(seed);
    List<LabelledImage> images = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int label = i % LABELS.size();
      String id = split + "/" + LABELS.get(label) + "/" + i + ".png";
      Path file = root.resolve(id);
      try {
        Files.createDirectories(file.getParent());
        ImageIO.write(draw(label, random), "png", file.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      images.add(new LabelledImage(id, file, label));
    }
    return images;
  }

  /** An evaluation input with {@code train}, {@code val} and {@code book} images. */
  static EvaluationInput input(Path root, int train, int val, int book) {
    return new EvaluationInput(
        LABELS,
        write(root, "train", train, 1),
        write(root, "val", val, 2),
        List.of(),
        write(root, "label_book", book, 3));
  }

  private static BufferedImage draw(int label, Random random) {
    int size = 36 + random.nextInt(12);
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, size, size);
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(3 + random.nextInt(3)));
      int m = 6 + random.nextInt(4);
      switch (label) {
        case 0 -> g.fillOval(m, m, size - 2 * m, size - 2 * m);
        case 1 -> g.drawLine(size / 2, m, size / 2, size - m);
        default -> {
          g.drawLine(m, m, size - m, size - m);
          g.drawLine(m, size - m, size - m, m);
        }
      }
    } finally {
      g.dispose();
    }
    return img;
  }
}
