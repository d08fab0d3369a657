package org.databoost.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.databoost.dataset.Split;

/** Draws the map as a PNG (train and val in two colours, misclassified images ringed, legend). */
public final class MapPicture {
  static final Color TRAIN = new Color(31, 95, 168, 150);
  static final Color VAL = new Color(230, 120, 20, 190);
  static final Color WRONG = new Color(200, 20, 20);

  private MapPicture() {}

  public static BufferedImage draw(List<MapPoint> points, int width, int height, String title) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      int margin = 40;
      int top = 60;
      float[] box = bounds(points);
      double sx = (width - 2.0 * margin) / Math.max(1e-6, box[2] - box[0]);
      double sy = (height - top - margin) / Math.max(1e-6, box[3] - box[1]);
      double s = Math.min(sx, sy);
      double r = 2.6;
      // Train first, val on top: the question is whether val falls where train is.
      for (Split split : List.of(Split.TRAIN, Split.VAL)) {
        g.setColor(split == Split.TRAIN ? TRAIN : VAL);
        for (MapPoint p : points) {
          if (p.split() == split) {
            double x = margin + (p.x() - box[0]) * s;
            double y = top + (p.y() - box[1]) * s;
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
          }
        }
      }
      g.setColor(WRONG);
      g.setStroke(new BasicStroke(1.2f));
      for (MapPoint p : points) {
        if (p.misclassified() && p.split() == Split.VAL) {
          double x = margin + (p.x() - box[0]) * s;
          double y = top + (p.y() - box[1]) * s;
          g.draw(new Ellipse2D.Double(x - 4.5, y - 4.5, 9, 9));
        }
      }
      legend(g, points, title);
    } finally {
      g.dispose();
    }
    return img;
  }

  private static void legend(Graphics2D g, List<MapPoint> points, String title) {
    long train = points.stream().filter(p -> p.split() == Split.TRAIN).count();
    long val = points.size() - train;
    long wrong = points.stream().filter(p -> p.misclassified() && p.split() == Split.VAL).count();
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.setColor(Color.DARK_GRAY);
    g.drawString(title, 16, 24);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    int x = 16;
    x = item(g, x, TRAIN, false, "train (" + train + ")");
    x = item(g, x, VAL, false, "val (" + val + ")");
    item(g, x, WRONG, true, "val misclassified by the latest run (" + wrong + ")");
  }

  private static int item(Graphics2D g, int x, Color c, boolean ring, String text) {
    g.setColor(c);
    if (ring) {
      g.draw(new Ellipse2D.Double(x, 37, 9, 9));
    } else {
      g.fill(new Ellipse2D.Double(x, 37, 9, 9));
    }
    g.setColor(Color.DARK_GRAY);
    g.drawString(text, x + 14, 46);
    return x + 24 + g.getFontMetrics().stringWidth(text);
  }

  private static float[] bounds(List<MapPoint> points) {
    float[] b = {Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
    for (MapPoint p : points) {
      b[0] = Math.min(b[0], p.x());
      b[1] = Math.min(b[1], p.y());
      b[2] = Math.max(b[2], p.x());
      b[3] = Math.max(b[3], p.y());
    }
    return points.isEmpty() ? new float[] {0, 0, 1, 1} : b;
  }

  public static void writePng(BufferedImage img, OutputStream out) throws IOException {
    if (!ImageIO.write(img, "png", out)) {
      throw new IOException("no PNG writer");
    }
  }

  /** Coordinates with file names: path,split,label,x,y,misclassified. */
  public static void writeCsv(List<MapPoint> points, Writer out) {
    PrintWriter w = new PrintWriter(out);
    w.println("path,split,label,x,y,misclassified");
    for (MapPoint p : points) {
      w.printf(
          Locale.ROOT,
          "%s,%s,%s,%.6f,%.6f,%b%n",
          csv(p.path()),
          p.split(),
          csv(p.label()),
          p.x(),
          p.y(),
          p.misclassified());
    }
    w.flush();
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
