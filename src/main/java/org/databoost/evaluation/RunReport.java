package org.databoost.evaluation;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.databoost.about.Version;
import org.databoost.dataset.Split;
import org.databoost.imaging.ImageConverter;
import org.databoost.imaging.ImageDecoder;
import org.databoost.imaging.ImageReadException;
import org.databoost.report.ConfusionMatrix;
import org.databoost.report.ImageRow;
import org.databoost.report.IssueFlag;
import org.databoost.report.ReportData;
import org.databoost.report.ReportOptions;
import org.databoost.task.Progress;
import org.databoost.workspace.PredictionRecord;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.RunResults;

/** Builds the Excel report's content from a stored run: rows, thumbnails, confusion, summary. */
public final class RunReport {
  static final int THUMBNAIL_SIDE = 48;

  private RunReport() {}

  /**
   * The report of a run. Thumbnails are made for the {@code thumbnailLimit} highest-loss rows only,
   * the ones the workbook shows pictures for.
   */
  public static ReportData of(
      Path datasetRoot,
      RunRecord run,
      List<PredictionRecord> predictions,
      ReportOptions options,
      Progress progress) {
    List<String> labels = run.labels();
    List<PredictionRecord> byLoss = new ArrayList<>(predictions);
    byLoss.sort(Comparator.comparingDouble(PredictionRecord::loss).reversed());
    List<ImageRow> rows = new ArrayList<>();
    int thumbs = Math.min(options.thumbnailLimit(), byLoss.size());
    for (int i = 0; i < byLoss.size(); i++) {
      PredictionRecord p = byLoss.get(i);
      if (i < thumbs && i % 50 == 0) {
        progress.checkCancelled();
        progress.update("Making thumbnails", i, thumbs);
      }
      byte[] thumb = i < thumbs ? thumbnail(datasetRoot.resolve(p.path())) : null;
      rows.add(
          new ImageRow(
              p.path(),
              p.split(),
              labels.get(p.given()),
              labels.get(p.predicted()),
              p.loss(),
              p.confidence(),
              p.selfConfidence(),
              flag(p.issue()),
              suggestion(p, labels),
              thumb,
              p.issue().isEmpty() ? Double.NaN : p.quality(),
              p.judges()));
    }
    progress.update("Making thumbnails", thumbs, thumbs);
    return new ReportData(
        run.parameters().getOrDefault("dataset", datasetRoot.toString()),
        labels,
        rows,
        ConfusionMatrix.of(labels, rows, Split.VAL),
        run.parameters(),
        run.results().accuracy(),
        run.results().bestEpoch().isPresent() ? run.results().bestEpoch().getAsInt() : null,
        timings(run.results()),
        Version.get(),
        ZonedDateTime.ofInstant(run.finishedAt(), ZoneId.systemDefault()));
  }

  private static IssueFlag flag(String issue) {
    return IssueFlag.ofText(issue);
  }

  /** The label to give a label error; "delete" for junk, leaks and duplicates. */
  static String suggestion(PredictionRecord p, List<String> labels) {
    DataVerdicts.Kind kind = DataVerdicts.Kind.ofText(p.issue());
    return switch (kind) {
      case NONE -> "";
      case LABEL_ERROR -> labels.get(p.suggested());
      default -> "delete";
    };
  }

  private static Map<String, Duration> timings(RunResults results) {
    Map<String, Duration> out = new LinkedHashMap<>();
    results
        .seconds()
        .forEach((stage, s) -> out.put(stage.label(), Duration.ofMillis(Math.round(s * 1000))));
    return out;
  }

  /** A small PNG of the image, or null when it can no longer be read (moved, deleted). */
  private static byte[] thumbnail(Path file) {
    try {
      BufferedImage img = ImageConverter.toGray(ImageDecoder.decode(file, 4 * THUMBNAIL_SIDE));
      BufferedImage small = scale(img, THUMBNAIL_SIDE);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(small, "png", out);
      return out.toByteArray();
    } catch (ImageReadException | IOException e) {
      return null;
    }
  }

  private static BufferedImage scale(BufferedImage img, int side) {
    double f = Math.min(1.0, (double) side / Math.max(img.getWidth(), img.getHeight()));
    int w = Math.max(1, (int) Math.round(img.getWidth() * f));
    int h = Math.max(1, (int) Math.round(img.getHeight() * f));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(img, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
