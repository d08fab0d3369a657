package org.databoost.similarity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.databoost.analysis.NearDuplicates;
import org.databoost.analysis.OutlierScores;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.embedding.Embedder;
import org.databoost.embedding.TrainValEmbeddings;
import org.databoost.evaluation.DataVerdicts;
import org.databoost.neighbors.ExactSearch;
import org.databoost.neighbors.Neighbors;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;
import org.databoost.workspace.ImageFact;
import org.databoost.workspace.UsableImages;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;

/**
 * Finds near-duplicates (across train and val together, so leakage shows too) and outliers (within
 * each split) in embedding space, and keeps the result in the workspace.
 */
public final class SimilarityService {
  /**
   * Cosine similarity at which two glyph embeddings can be the same image; they are when they are
   * also {@link #DEFAULT_GAP} more alike than either is to anything else (docs/similarity.md).
   */
  public static final double DEFAULT_THRESHOLD = DataVerdicts.NEAR_IDENTICAL;

  /** See {@link NearDuplicates#copies}. */
  public static final double DEFAULT_GAP = DataVerdicts.NEAR_GAP;

  /** Neighbours averaged for the outlier score. */
  public static final int DEFAULT_K = 10;

  private final DatasetScanner scanner;

  public SimilarityService(DatasetScanner scanner) {
    this.scanner = scanner;
  }

  public SimilarityReport analyse(
      Workspace ws, Embedder embedder, double threshold, int k, Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    TrainValEmbeddings embedded =
        TrainValEmbeddings.of(
            UsableImages.scanToJudge(scanner, ws, progress), ws.stateDir(), embedder, progress);
    List<ImageEntry> images = embedded.images();
    float[][] vectors = embedded.vectors();
    String[] hashes = images.stream().map(ImageEntry::hash).toArray(String[]::new);

    Neighbors all = ExactSearch.knnSelf(Vectors.of(vectors), k, progress);
    int[] group = NearDuplicates.groups(all.idMatrix(), sims(all), hashes, threshold, DEFAULT_GAP);
    double[] outlier = new double[images.size()];
    for (Split split : List.of(Split.TRAIN, Split.VAL)) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < images.size(); i++) {
        if (images.get(i).split() == split) {
          rows.add(i);
        }
      }
      float[][] part = new float[rows.size()][];
      for (int i = 0; i < part.length; i++) {
        part[i] = vectors[rows.get(i)];
      }
      double[] scores =
          rows.size() < 2
              ? new double[rows.size()]
              : OutlierScores.meanDistance(
                  sims(ExactSearch.knnSelf(Vectors.of(part), k, progress)), k);
      for (int i = 0; i < scores.length; i++) {
        outlier[rows.get(i)] = rows.size() < 2 ? Double.NaN : scores[i];
      }
    }

    List<SimilarityReport.Image> out = new ArrayList<>();
    Map<String, ImageFact> facts = new HashMap<>();
    int groups = 0;
    for (int i = 0; i < images.size(); i++) {
      ImageEntry e = images.get(i);
      out.add(
          new SimilarityReport.Image(e.displayPath(), e.split(), e.hash(), group[i], outlier[i]));
      facts.putIfAbsent(e.hash(), new ImageFact(e.hash(), group[i], outlier[i]));
      groups = Math.max(groups, group[i] + 1);
    }
    ws.facts().replace(embedder.name(), List.copyOf(facts.values()));
    return new SimilarityReport(embedder.name(), threshold, out, groups);
  }

  private static float[][] sims(Neighbors n) {
    float[][] out = new float[n.queries()][];
    for (int q = 0; q < out.length; q++) {
      out[q] = n.similarities(q);
    }
    return out;
  }
}
