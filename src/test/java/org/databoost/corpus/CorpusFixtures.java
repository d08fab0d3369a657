package org.databoost.corpus;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small corpora of generated images, written into a test's temporary folder. */
final class CorpusFixtures {
  private CorpusFixtures() {}

  /** {@code perLabel} images in each of {@code labels} folders, plus the given extras. */
  static Path labelled(Path dir, int labels, int perLabel, long seed) throws IOException {
    Random rnd = new Random(seed);
    for (int l = 0; l < labels; l++) {
      Path folder = Files.createDirectories(dir.resolve("label" + l));
      for (int i = 0; i < perLabel; i++) {
        image(folder.resolve(String.format("img%03d.png", i)), rnd, l);
      }
    }
    return dir;
  }

  static void image(Path file, Random rnd, int label) throws IOException {
    BufferedImage img = new BufferedImage(24, 24, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 24, 24);
    g.setColor(Color.BLACK);
    for (int s = 0; s <= label; s++) {
      g.fillRect(rnd.nextInt(18), rnd.nextInt(18), 2 + rnd.nextInt(5), 2 + rnd.nextInt(5));
    }
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }
}
