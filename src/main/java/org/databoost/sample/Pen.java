package org.databoost.sample;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Places unit-space strokes on an image of a given size (slant, rotation, scale, offset) and draws
 * them, giving the ink coverage per pixel: 0 bare paper, 255 full ink.
 */
final class Pen {
  /** Share of the image side the drawing may use at most. */
  private static final double MAX_FILL = 0.9;

  private Pen() {}

  static BufferedImage coverage(
      List<Shape> strokes, HandStyle style, int width, int height, Dice dice) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    if (strokes.isEmpty()) {
      return img;
    }
    Rectangle2D bounds = unionBounds(strokes);
    // Lean and turn around the drawing's centre, at unit scale first, to learn its final extent.
    AffineTransform shape = new AffineTransform();
    shape.rotate(style.rotation());
    shape.shear(-style.slant(), 0);
    shape.translate(-bounds.getCenterX(), -bounds.getCenterY());
    Rectangle2D turned = shape.createTransformedShape(bounds).getBounds2D();

    double scale = style.height() * height / Math.max(bounds.getHeight(), 0.3);
    scale = Math.min(scale, MAX_FILL * width / turned.getWidth());
    scale = Math.min(scale, MAX_FILL * height / turned.getHeight());
    double pen = Math.max(1.3, style.thickness() * scale);

    double freeX = Math.max(0, width - turned.getWidth() * scale - pen);
    double freeY = Math.max(0, height - turned.getHeight() * scale - pen);
    AffineTransform place = new AffineTransform();
    place.translate(
        width / 2.0 + style.offsetX() * freeX / 2, height / 2.0 + style.offsetY() * freeY / 2);
    place.scale(scale, scale);
    place.concatenate(shape);

    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(Color.WHITE);
      for (Shape stroke : strokes) {
        // Only a thin pen skips; thick dashes would read as blobs, not strokes.
        boolean dashed = style.dashed() && pen < 3;
        g.setStroke(penFor(pen * dice.uniform(0.85, 1.15), dashed, dice));
        g.draw(place.createTransformedShape(stroke));
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  private static BasicStroke penFor(double width, boolean dashed, Dice dice) {
    if (!dashed) {
      return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
    // Round caps add a pen width to every dash and take it from every gap.
    float on = (float) (width * dice.uniform(1.0, 3.0));
    float off = (float) (width * dice.uniform(1.6, 2.6));
    return new BasicStroke(
        (float) width,
        BasicStroke.CAP_ROUND,
        BasicStroke.JOIN_ROUND,
        10f,
        new float[] {on, off},
        0f);
  }

  private static Rectangle2D unionBounds(List<Shape> strokes) {
    Rectangle2D all = strokes.get(0).getBounds2D();
    for (Shape s : strokes) {
      all.add(s.getBounds2D());
    }
    return all;
  }
}
