package org.databoost.report;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.databoost.dataset.Split;

/**
 * Everything the Excel report shows. Maps keep the caller's iteration order (pass a {@link
 * LinkedHashMap} to choose it).
 *
 * @param datasetPath where the dataset lives, as shown to the user
 * @param labels the class names in model order
 * @param images one row per image, in any order (the sheet sorts them by loss)
 * @param validationConfusion the validation confusion matrix, e.g. {@link ConfusionMatrix#of}
 * @param parameters the run parameters (preset, epochs, batch, seed, threads, folds, ...)
 * @param accuracyBySplit accuracy in [0, 1] per split
 * @param bestEpoch the epoch whose weights were kept; null when not applicable
 * @param timings how long each stage took, by stage name
 * @param programVersion the Databoost version that produced the report
 * @param created when the report was made
 */
public record ReportData(
    String datasetPath,
    List<String> labels,
    List<ImageRow> images,
    ConfusionMatrix validationConfusion,
    Map<String, String> parameters,
    Map<Split, Double> accuracyBySplit,
    Integer bestEpoch,
    Map<String, Duration> timings,
    String programVersion,
    ZonedDateTime created) {

  public ReportData {
    Objects.requireNonNull(datasetPath, "datasetPath");
    labels = List.copyOf(labels);
    images = List.copyOf(images);
    Objects.requireNonNull(validationConfusion, "validationConfusion");
    parameters = frozen(parameters);
    accuracyBySplit = frozen(accuracyBySplit);
    timings = frozen(timings);
    Objects.requireNonNull(programVersion, "programVersion");
    Objects.requireNonNull(created, "created");
  }

  private static <K, V> Map<K, V> frozen(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map)));
  }
}
