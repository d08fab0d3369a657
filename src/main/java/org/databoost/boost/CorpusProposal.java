package org.databoost.boost;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A corpus image retrieved for a validation error, with the label it would get and why: its
 * provenance before and after it is added.
 *
 * @param round the Boost round that retrieved it
 * @param corpus the corpus's name
 * @param row its row in the corpus (listing order)
 * @param path its path inside the corpus folder
 * @param file the file itself (read, copied, never moved or changed)
 * @param sha256 its content hash when the corpus was embedded
 * @param serves the validation error it was retrieved for
 * @param loss that error's loss
 * @param similarity cosine similarity to that error
 * @param label the proposed label
 * @param labelSource where the label comes from ({@link #FROM_CORPUS}, {@link #FROM_KNN}, {@link
 *     #FROM_KNN_AND_MODEL} and its disagreeing forms, {@link #FROM_MODEL}, {@link #FROM_REVIEWER})
 * @param confidence 0..1: 1 for a corpus's own label; for the judges, the label's value in the mean
 *     of the vote's weight shares and the model's probabilities ({@link LabelJudges})
 */
public record CorpusProposal(
    int round,
    String corpus,
    long row,
    String path,
    Path file,
    String sha256,
    String serves,
    double loss,
    float similarity,
    String label,
    String labelSource,
    double confidence) {
  /** The corpus's own label (label folders or its CSV). */
  public static final String FROM_CORPUS = "corpus label";

  /** The similarity-weighted vote of the nearest training images. */
  public static final String FROM_KNN = "training k-NN vote";

  /** The round's model's most probable label (when no training image could vote). */
  public static final String FROM_MODEL = "model";

  /**
   * Both judges, the vote and the model, named the label ({@link LabelJudges}); when they disagree
   * the source names the one whose label won and what the other said, e.g. {@code training k-NN
   * vote (model says v 0.61)}.
   */
  public static final String FROM_KNN_AND_MODEL = FROM_KNN + " + " + FROM_MODEL;

  /** A person chose the label in the review queue. */
  public static final String FROM_REVIEWER = "reviewer";

  /** The same proposal with a label a reviewer chose. */
  public CorpusProposal relabelled(String newLabel) {
    return newLabel.equals(label)
        ? this
        : new CorpusProposal(
            round,
            corpus,
            row,
            path,
            file,
            sha256,
            serves,
            loss,
            similarity,
            newLabel,
            FROM_REVIEWER + " (proposed " + label + " by " + labelSource + ")",
            1.0);
  }

  /** The provenance line of the added image; it begins as every Boost provenance does. */
  public String provenance() {
    return String.format(
        Locale.ROOT,
        "%s%d: corpus %s row %d %s (sha256 %s); serves %s (loss %.3f, similarity %.3f);"
            + " label %s by %s, confidence %.2f",
        BoostService.PROVENANCE_PREFIX,
        round,
        corpus,
        row,
        path,
        sha256,
        serves,
        loss,
        similarity,
        label,
        labelSource,
        confidence);
  }

  /** The name of the added file: corpus-NAME-ROW.ext, ext as the corpus file's. */
  public String fileName() {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : ".png";
    return "corpus-" + corpus + "-" + row + ext;
  }
}
