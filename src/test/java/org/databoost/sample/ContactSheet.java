package org.databoost.sample;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.databoost.task.Progress;

/**
 * Tiles images into one PNG so a person can look at a generated sample at a glance. Run {@link
 * #main} to generate the default sample into a folder and write contact sheets next to it:
 *
 * <pre>java -cp target/classes:target/test-classes org.databoost.sample.ContactSheet /tmp/look
 * </pre>
 */
public final class ContactSheet {
  private static final int GAP = 4;

  private ContactSheet() {}

  /** Writes {@code images} as a grid of {@code columns}, each scaled to fit a square cell. */
  public static void write(List<Path> images, int cell, int columns, Path out) throws IOException {
    int rows = Math.max(1, (images.size() + columns - 1) / columns);
    BufferedImage sheet =
        new BufferedImage(columns * (cell + GAP), rows * (cell + GAP), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setColor(new Color(180, 40, 40)); // a frame colour no sample pixel has
      g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      for (int i = 0; i < images.size(); i++) {
        BufferedImage img = ImageIO.read(images.get(i).toFile());
        double s = Math.min((double) cell / img.getWidth(), (double) cell / img.getHeight());
        int x = (i % columns) * (cell + GAP) + GAP / 2;
        int y = (i / columns) * (cell + GAP) + GAP / 2;
        g.drawImage(img, x, y, (int) (img.getWidth() * s), (int) (img.getHeight() * s), null);
      }
    } finally {
      g.dispose();
    }
    ImageIO.write(sheet, "png", out.toFile());
  }

  /** Generates the default sample into {@code args[0]} and writes sheets beside it. */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    SampleSpec spec =
        args.length > 1
            ? SampleSpec.defaults().withSeed(Long.parseLong(args[1]))
            : SampleSpec.defaults();
    long start = System.nanoTime();
    SampleTruth truth = new SampleDatasetGenerator().generate(root, spec, Progress.NONE);
    System.out.printf(
        "generated %d images in %d ms%n",
        truth.entries().size(), (System.nanoTime() - start) / 1_000_000);
    for (String split : List.of("train", "val")) {
      List<Path> clean = new ArrayList<>();
      for (String label : SampleLabels.ALL) {
        truth.entries().stream()
            .filter(e -> e.path().startsWith(split + "/") && e.givenLabel().equals(label))
            .filter(e -> e.kind() == SampleKind.CLEAN)
            .limit(5)
            .forEach(e -> clean.add(root.resolve(e.path())));
      }
      write(clean, 110, 10, root.resolveSibling(root.getFileName() + "-" + split + ".png"));
    }
    List<Path> odd =
        truth.entries().stream()
            .filter(e -> e.kind() != SampleKind.CLEAN)
            .limit(40)
            .map(e -> root.resolve(e.path()))
            .toList();
    write(odd, 110, 10, root.resolveSibling(root.getFileName() + "-odd.png"));
  }
}
