package org.databoost.autopilot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.databoost.analysis.ImageVerdict;
import org.databoost.analysis.LabelIssueFinder;
import org.databoost.analysis.LabelIssues;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.embedding.EmbeddingCache;
import org.databoost.embedding.GlyphEmbedder;
import org.databoost.evaluation.EmbeddingJudge;
import org.databoost.task.Progress;

/**
 * Today's flags, before any training: the glyph judge ({@link EmbeddingJudge}, leave-one-out k-NN
 * and a cross-validated probe on the offline glyph embeddings) read by confident learning gives
 * label errors with a suggestion and "not a numeral" images; byte-identical copies are leaks (the
 * train copy kept over val, the label book's over both, else the first by path).
 */
public final class EmbeddingVerdicts implements VerdictSource {
  private final long seed;

  public EmbeddingVerdicts(long seed) {
    this.seed = seed;
  }

  @Override
  public String name() {
    return "glyph judge (embeddings only)";
  }

  @Override
  public List<Verdict> judge(DatasetScan scan, Path stateDir, Progress progress)
      throws IOException {
    List<Verdict> out = new ArrayList<>(leaks(scan));
    List<ImageEntry> images = new ArrayList<>(scan.images(Split.TRAIN));
    images.addAll(scan.images(Split.VAL));
    List<String> labels = scan.labels();
    if (images.size() <= EmbeddingJudge.K || labels.size() < 2) {
      return out; // too few images for the judge's vote to mean anything
    }
    progress.update("Judging every label by the glyph embeddings", 0, -1);
    float[][] vectors;
    try (GlyphEmbedder glyph = GlyphEmbedder.load()) {
      vectors =
          new EmbeddingCache(stateDir).embeddings(glyph, scan.root(), images, progress).vectors();
    }
    int[] given = new int[images.size()];
    for (int i = 0; i < given.length; i++) {
      given[i] = labels.indexOf(images.get(i).label());
    }
    float[][] rows = EmbeddingJudge.probabilities(vectors, given, labels.size(), seed, progress);
    LabelIssues issues = new LabelIssueFinder().find(rows, given);
    for (ImageVerdict v : issues.images()) {
      String path = images.get(v.index()).displayPath();
      if (v.outOfDistribution()) {
        out.add(
            new Verdict(
                path,
                Verdict.Kind.JUNK,
                Optional.empty(),
                1 - v.maxProbability(),
                String.format(
                    Locale.ROOT,
                    "looks like no class (largest probability %.2f)",
                    v.maxProbability())));
      } else if (v.labelError()) {
        String suggestion = labels.get(v.suggestedLabel());
        double p = rows[v.index()][v.suggestedLabel()];
        out.add(
            new Verdict(
                path,
                Verdict.Kind.LABEL_ERROR,
                Optional.of(suggestion),
                p,
                String.format(
                    Locale.ROOT,
                    "given %s, looks like %s (%.2f)",
                    labels.get(v.givenLabel()),
                    suggestion,
                    p)));
      }
    }
    return dropJudgedLeaks(out);
  }

  /** Byte-identical copies: every copy but the one kept. */
  static List<Verdict> leaks(DatasetScan scan) {
    Map<String, List<ImageEntry>> byHash = new LinkedHashMap<>();
    for (ImageEntry e : scan.images()) {
      if (e.split() == Split.TRAIN || e.split() == Split.VAL || e.split() == Split.LABEL_BOOK) {
        byHash.computeIfAbsent(e.hash(), h -> new ArrayList<>()).add(e);
      }
    }
    List<Verdict> out = new ArrayList<>();
    for (List<ImageEntry> copies : byHash.values()) {
      if (copies.size() < 2) {
        continue;
      }
      List<ImageEntry> ranked = new ArrayList<>(copies);
      ranked.sort(
          Comparator.comparingInt((ImageEntry e) -> keepRank(e.split()))
              .thenComparing(ImageEntry::displayPath));
      ImageEntry kept = ranked.get(0);
      for (ImageEntry e : ranked.subList(1, ranked.size())) {
        if (e.split() == Split.LABEL_BOOK) {
          continue; // the label book is never changed
        }
        out.add(
            new Verdict(
                e.displayPath(),
                Verdict.Kind.LEAK,
                Optional.empty(),
                1,
                "byte-identical to " + kept.displayPath() + " (kept)"));
      }
    }
    return out;
  }

  private static int keepRank(Split split) {
    return switch (split) {
      case LABEL_BOOK -> 0;
      case TRAIN -> 1;
      default -> 2;
    };
  }

  /** An image removed as a leak needs no other verdict. */
  private static List<Verdict> dropJudgedLeaks(List<Verdict> all) {
    Set<String> leaked = new HashSet<>();
    for (Verdict v : all) {
      if (v.kind() == Verdict.Kind.LEAK) {
        leaked.add(v.path());
      }
    }
    List<Verdict> out = new ArrayList<>();
    for (Verdict v : all) {
      if (v.kind() == Verdict.Kind.LEAK || !leaked.contains(v.path())) {
        out.add(v);
      }
    }
    return out;
  }
}
