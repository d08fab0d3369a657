package org.databoost.boost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.databoost.dataset.Split;
import org.databoost.workspace.NewImage;

/** The files a round writes: names and provenance of rendered candidates. */
final class CandidateFiles {
  private CandidateFiles() {}

  /** The new images of a round: train/{source label}/boost-r{round}-{source}-c{candidate}.png. */
  static List<NewImage> of(
      List<CandidateRenderer.Rendered> rendered,
      CandidatePool pool,
      int round,
      List<Retriever.Pick> picks,
      String prefix) {
    List<NewImage> out = new ArrayList<>(rendered.size());
    for (int i = 0; i < rendered.size(); i++) {
      CandidateRenderer.Rendered r = rendered.get(i);
      String stem = r.source().relativePath().getFileName().toString();
      int dot = stem.lastIndexOf('.');
      stem = dot > 0 ? stem.substring(0, dot) : stem;
      stem = stem.length() > 12 ? stem.substring(0, 12) : stem;
      String name =
          String.format(Locale.ROOT, "%s-r%d-%s-c%d.png", prefix, round, stem, r.candidate());
      StringBuilder why = new StringBuilder();
      why.append(
          String.format(
              Locale.ROOT,
              "%s round %d: candidate %d of pool seed %d from %s",
              prefix,
              round,
              r.candidate(),
              pool.seed(),
              r.source().displayPath()));
      if (picks != null) {
        Retriever.Pick p = picks.get(i);
        why.append(
            String.format(
                Locale.ROOT,
                "; serves %s (loss %.3f, similarity %.3f)",
                p.error().path(),
                p.error().loss(),
                p.similarity()));
      } else {
        why.append("; chosen at random (ablation)");
      }
      why.append("; ").append(r.augmentation().describe());
      out.add(NewImage.fromBytes(r.png(), Split.TRAIN, r.source().label(), name, why.toString()));
    }
    return out;
  }
}
