package org.databoost.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.databoost.task.Progress;

/**
 * Writes a sample report for looking at (see {@code src/test/scripts/libreoffice-smoke.sh}): the
 * made-up rows of the tests, with thumbnails of real competition images when a dataset folder is
 * given. Usage: {@code SampleReport OUT.xlsx [DATASET]}.
 */
public final class SampleReport {
  private SampleReport() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    List<ImageRow> rows = ReportFixtures.rows(30, true, 11);
    if (args.length > 1) {
      rows = withRealThumbnails(rows, Path.of(args[1]));
    }
    new ExcelReportWriter().write(ReportFixtures.data(rows), out, Progress.NONE);
    System.out.println("wrote " + out.toAbsolutePath());
  }

  /** Replaces each row's thumbnail by a real image of its given label, scaled to 48 px. */
  private static List<ImageRow> withRealThumbnails(List<ImageRow> rows, Path dataset)
      throws IOException {
    List<ImageRow> out = new ArrayList<>();
    for (int x = 0; x < rows.size(); x++) {
      ImageRow r = rows.get(x);
      Path folder = dataset.resolve("train").resolve(r.givenLabel());
      List<Path> files;
      try (Stream<Path> s = Files.list(folder)) {
        files = s.sorted().limit(x + 1L).toList();
      }
      byte[] png = thumbnail(files.get(files.size() - 1), 48);
      out.add(
          new ImageRow(
              r.file(),
              r.split(),
              r.givenLabel(),
              r.predictedLabel(),
              r.loss(),
              r.confidence(),
              r.selfConfidence(),
              r.issue(),
              r.suggestedLabel(),
              png));
    }
    return out;
  }

  private static byte[] thumbnail(Path image, int size) throws IOException {
    BufferedImage src = ImageIO.read(image.toFile());
    double scale = Math.min(size / (double) src.getWidth(), size / (double) src.getHeight());
    int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
    BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = dst.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(src, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(dst, "png", bytes);
    return bytes.toByteArray();
  }
}
