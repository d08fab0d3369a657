package org.databoost.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small real image files for tests, written through ImageIO. */
public final class TestImages {
  private TestImages() {}

  /** A gray image with a dark diagonal stroke, so decoded pixels are not uniform. */
  public static BufferedImage stroke(int width, int height, int imageType) {
    BufferedImage image = new BufferedImage(width, height, imageType);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(Color.BLACK);
      g.drawLine(0, 0, width - 1, height - 1);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Writes {@code image} in {@code format} ("png", "jpeg", "bmp", "gif") to {@code file}. */
  public static Path write(BufferedImage image, String format, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!ImageIO.write(image, format, file.toFile())) {
      throw new IOException("no ImageIO writer for " + format + " and " + image.getType());
    }
    return file;
  }

  /** Writes a small valid gray PNG whose content depends on {@code seed} (distinct hashes). */
  public static Path png(Path file, int seed) throws IOException {
    BufferedImage image = stroke(24, 20, BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setSample(seed % 24, (seed / 24) % 20, 0, 7 + seed % 200);
    image.getRaster().setSample(1, 1, 0, seed & 0xff);
    image.getRaster().setSample(2, 1, 0, (seed >> 8) & 0xff);
    return write(image, "png", file);
  }
}
