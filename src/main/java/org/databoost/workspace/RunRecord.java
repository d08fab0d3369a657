package org.databoost.workspace;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished model run kept in the catalog: what was trained with which settings, and how well it
 * did. Maps keep their insertion order when read back.
 *
 * @param id the catalog's number for the run (0 before it is saved)
 * @param kind what produced it, e.g. "evaluate" or "boost"
 * @param labels the label names, in the order of the class indexes of its predictions
 * @param parameters the settings (preset, epochs, batch, seed, threads, folds, ...)
 * @param results the results (accuracy per split, best epoch, timings, verdict counts)
 * @param epochs one line per epoch of the main model, e.g. "epoch,loss,val_acc,seconds" CSV
 */
public record RunRecord(
    long id,
    String kind,
    Instant startedAt,
    Instant finishedAt,
    List<String> labels,
    Map<String, String> parameters,
    RunResults results,
    List<String> epochs) {

  public RunRecord {
    // The catalog keeps milliseconds: truncate here so a saved run equals the one read back.
    startedAt = startedAt.truncatedTo(ChronoUnit.MILLIS);
    finishedAt = finishedAt.truncatedTo(ChronoUnit.MILLIS);
    labels = List.copyOf(labels);
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    epochs = List.copyOf(epochs);
  }

  /** The same run with the catalog's id. */
  RunRecord withId(long newId) {
    return new RunRecord(newId, kind, startedAt, finishedAt, labels, parameters, results, epochs);
  }
}
