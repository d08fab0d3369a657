package org.databoost.app.images;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.databoost.dataset.Split;
import org.databoost.workspace.ImageFact;
import org.databoost.workspace.ImageRow;
import org.databoost.workspace.KeptLabels;
import org.databoost.workspace.PredictionRecord;
import org.databoost.workspace.RunRecord;

/**
 * Joins the catalog's images with a run's predictions: by path first, so that byte-identical copies
 * (a leak, a duplicate) each keep their own verdict; else by content hash, so an image keeps its
 * prediction when it is relabelled or moved (its path changes, its bytes do not) and loses it when
 * its bytes change.
 */
final class ImageItems {
  private ImageItems() {}

  static List<ImageItem> join(
      List<ImageRow> images,
      Optional<RunRecord> run,
      List<PredictionRecord> predictions,
      Map<String, ImageFact> facts,
      Set<KeptLabels.Key> kept) {
    Map<String, PredictionRecord> byHash = new HashMap<>();
    Map<String, PredictionRecord> byPath = new HashMap<>();
    for (PredictionRecord p : predictions) {
      byHash.putIfAbsent(p.hash(), p);
      byPath.put(p.path(), p);
    }
    List<String> labels = run.map(RunRecord::labels).orElse(List.of());
    List<ImageItem> out = new ArrayList<>(images.size());
    for (ImageRow r : images) {
      Optional<Split> split = r.split();
      PredictionRecord p = byPath.get(r.path());
      if (p == null || !p.hash().equals(r.hash())) {
        p = byHash.get(r.hash());
      }
      ImageFact f = facts.get(r.hash());
      int group = f == null ? -1 : f.duplicateGroup();
      double outlier = f == null ? Double.NaN : f.outlier();
      if (p == null) {
        out.add(
            new ImageItem(
                r.path(),
                split,
                r.label(),
                "",
                Double.NaN,
                Double.NaN,
                Double.NaN,
                "",
                "",
                r.provenance().orElse(""),
                null,
                group,
                outlier,
                ""));
      } else {
        out.add(
            new ImageItem(
                r.path(),
                split,
                r.label(),
                labels.get(p.predicted()),
                p.loss(),
                p.confidence(),
                p.selfConfidence(),
                p.issue(),
                labelError(p) ? labels.get(p.suggested()) : "",
                r.provenance().orElse(""),
                p.probabilities(),
                group,
                outlier,
                labels.get(p.given()),
                p.issue().isEmpty() ? Double.NaN : p.quality(),
                p.judges() == null ? "" : p.judges(),
                kept.contains(new KeptLabels.Key(r.hash(), r.label()))));
      }
    }
    return out;
  }

  /**
   * Only a label error suggests a label: junk, leaks and duplicates are deleted (older runs stored
   * the given label as their suggestion).
   */
  private static boolean labelError(PredictionRecord p) {
    return "label error".equals(p.issue()) && p.suggested() != p.given();
  }
}
