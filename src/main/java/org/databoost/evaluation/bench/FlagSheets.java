package org.databoost.evaluation.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.databoost.files.AtomicFileWriter;
import org.databoost.imaging.ImageDecoder;
import org.databoost.imaging.ImageReadException;

/**
 * Contact sheets of flagged images, so that a person can judge the flags by looking: one PNG per
 * verdict, the images in rank order in a grid, each captioned "given → suggested".
 */
public final class FlagSheets {
  /** One tile: the image and its caption. */
  public record Tile(Path file, String caption) {}

  private static final int CELL = 112;
  private static final int CAPTION = 16;
  private static final int COLUMNS = 10;

  private FlagSheets() {}

  /** Writes the tiles as one PNG (replaced atomically). */
  public static void write(String title, List<Tile> tiles, Path out) throws IOException {
    int rows = Math.max(1, (tiles.size() + COLUMNS - 1) / COLUMNS);
    int top = 22;
    BufferedImage sheet =
        new BufferedImage(
            COLUMNS * CELL, top + rows * (CELL + CAPTION), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
      g.drawString(title, 4, 16);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      for (int i = 0; i < tiles.size(); i++) {
        int x = (i % COLUMNS) * CELL;
        int y = top + (i / COLUMNS) * (CELL + CAPTION);
        g.setColor(new Color(200, 200, 200));
        g.drawRect(x, y, CELL - 1, CELL + CAPTION - 1);
        try {
          BufferedImage img = ImageDecoder.decode(tiles.get(i).file(), 512);
          double s = Math.min((CELL - 6.0) / img.getWidth(), (CELL - 6.0) / img.getHeight());
          int w = (int) (img.getWidth() * s);
          int h = (int) (img.getHeight() * s);
          g.drawImage(img, x + (CELL - w) / 2, y + (CELL - h) / 2, w, h, null);
        } catch (ImageReadException e) {
          g.setColor(Color.RED);
          g.drawString("unreadable", x + 4, y + CELL / 2);
        }
        g.setColor(new Color(170, 0, 0));
        g.drawString(tiles.get(i).caption(), x + 3, y + CELL + CAPTION - 4);
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(sheet, "png", png);
    AtomicFileWriter.write(out, o -> o.write(png.toByteArray()));
  }
}
