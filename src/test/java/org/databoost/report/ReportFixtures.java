package org.databoost.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.databoost.dataset.Split;

/** Small, made-up report inputs for tests and the LibreOffice smoke check. */
final class ReportFixtures {
  static final List<String> LABELS =
      List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x");

  private ReportFixtures() {}

  /** A 32x32 grey PNG with the numeral drawn on it, like the competition images. */
  static byte[] numeralPng(String text) {
    BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, 32, 32);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SERIF, Font.BOLD, text.length() > 2 ? 12 : 18));
      g.drawString(text.toUpperCase(Locale.ROOT), 3, 23);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code n} rows over train and val with seeded losses; every 7th is a flagged label error. */
  static List<ImageRow> rows(int n, boolean thumbnails, long seed) {
    Random rng = new Random(seed);
    List<ImageRow> rows = new ArrayList<>(n);
    for (int x = 0; x < n; x++) {
      String given = LABELS.get(x % LABELS.size());
      boolean wrong = x % 7 == 3;
      String predicted = wrong ? LABELS.get((x + 1) % LABELS.size()) : given;
      double self = wrong ? 0.05 + 0.2 * rng.nextDouble() : 0.6 + 0.4 * rng.nextDouble();
      IssueFlag issue =
          x % 7 == 3 ? IssueFlag.LABEL_ERROR : x == 5 ? IssueFlag.NOT_A_NUMERAL : IssueFlag.NONE;
      rows.add(
          new ImageRow(
              (x % 4 == 0 ? "val/" : "train/") + given + "/img-" + x + ".png",
              x % 4 == 0 ? Split.VAL : Split.TRAIN,
              given,
              predicted,
              -Math.log(self),
              wrong ? 1 - self : self,
              self,
              issue,
              issue == IssueFlag.LABEL_ERROR ? predicted : null,
              thumbnails ? numeralPng(given) : null));
    }
    return rows;
  }

  static ReportData data(List<ImageRow> rows) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("preset", "competition");
    parameters.put("epochs", "100");
    parameters.put("batch", "8");
    parameters.put("seed", "42");
    parameters.put("threads", "2");
    parameters.put("folds", "5");
    Map<Split, Double> accuracy = new LinkedHashMap<>();
    accuracy.put(Split.TRAIN, 0.912);
    accuracy.put(Split.VAL, 0.804);
    Map<String, Duration> timings = new LinkedHashMap<>();
    timings.put("training", Duration.ofSeconds(754, 300_000_000));
    timings.put("analysis", Duration.ofMillis(1250));
    return new ReportData(
        "/data/roman-numerals",
        LABELS,
        rows,
        ConfusionMatrix.of(LABELS, rows, Split.VAL),
        parameters,
        accuracy,
        37,
        timings,
        "0.1.0-test",
        ZonedDateTime.of(2024, 5, 1, 12, 30, 0, 0, ZoneOffset.UTC));
  }
}
