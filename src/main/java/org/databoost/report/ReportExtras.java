package org.databoost.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a report says beyond the run itself: per image, how its verdict was reached and what else is
 * known of it (near-duplicates, outlier score, Boost provenance); the dataset's edit log (the
 * journal); and the Boost rounds.
 *
 * @param images by file (dataset-relative path, as {@link ImageRow#file()}); images not in it get
 *     blank extra cells
 */
public record ReportExtras(
    Map<String, ImageExtras> images, List<JournalEntry> journal, List<BoostRound> boostRounds) {
  public static final ReportExtras NONE = new ReportExtras(Map.of(), List.of(), List.of());

  public ReportExtras {
    images = Map.copyOf(images);
    journal = List.copyOf(journal);
    boostRounds = List.copyOf(boostRounds);
  }

  /**
   * @param predictedBy which model predicted the image and whether it had seen it: e.g. "model out
   *     of sample (fold 2)"
   * @param duplicateGroup the near-duplicate group, 1-based; 0 for none
   * @param outlierScore the embedding outlier score; NaN when not computed
   * @param provenance for an image added by Boost, where it came from; empty otherwise
   * @param labelKept whether the run flagged the image and the user kept its label since (judged
   *     the flag wrong)
   */
  public record ImageExtras(
      String predictedBy,
      int duplicateGroup,
      double outlierScore,
      String provenance,
      boolean labelKept) {

    /** Extras of an image whose label nobody kept. */
    public ImageExtras(
        String predictedBy, int duplicateGroup, double outlierScore, String provenance) {
      this(predictedBy, duplicateGroup, outlierScore, provenance, false);
    }
  }

  /** One journal entry: an edit, an undo or a redo. */
  public record JournalEntry(
      long id,
      Instant startedAt,
      String kind,
      String status,
      int files,
      String description,
      boolean undone) {}

  /** One Boost round as the Boost tab shows it. */
  public record BoostRound(
      int round,
      int errorsBefore,
      int added,
      double valBefore,
      double valAfter,
      OptionalDouble labelBookBefore,
      OptionalDouble labelBookAfter,
      OptionalDouble randomValAfter,
      int fixed,
      int appeared,
      boolean kept,
      long opId,
      long runId) {}
}
