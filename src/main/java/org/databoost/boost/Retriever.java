package org.databoost.boost;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.databoost.neighbors.ExactSearch;
import org.databoost.neighbors.Neighbors;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;

/**
 * Chooses candidates for the validation errors: the k nearest pool candidates of each error (exact
 * cosine search), errors with the highest loss first, skipping candidates already used, candidates
 * that near-duplicate an existing training image, and candidates that near-duplicate one already
 * chosen, until the limit is reached.
 */
public final class Retriever {
  public static final String STAGE = "Retrieving candidates";

  /** A misclassified validation image to serve. */
  public record ErrorQuery(String path, int given, int predicted, double loss, float[] vector) {}

  /**
   * A chosen candidate.
   *
   * @param candidate its index in the pool
   * @param error the validation error it serves (the first, highest-loss one that retrieved it)
   * @param similarity its cosine similarity to that error
   */
  public record Pick(int candidate, ErrorQuery error, float similarity) {}

  /**
   * What retrieval chose and what it dropped.
   *
   * @param picks the chosen candidates, in priority order
   * @param errorsServed errors that got at least one candidate
   * @param droppedNearTrain candidates dropped as near-duplicates of a training image
   * @param droppedNearChosen candidates dropped as near-duplicates of one already chosen
   * @param droppedUsed candidates dropped because an earlier round used them
   */
  public record Result(
      List<Pick> picks,
      int errorsServed,
      int droppedNearTrain,
      int droppedNearChosen,
      int droppedUsed) {}

  private final int k;
  private final float duplicateThreshold;
  private final int threads;

  /**
   * @param k candidates per error
   * @param duplicateThreshold cosine similarity at or above which two images count as the same
   * @param threads search threads
   */
  public Retriever(int k, float duplicateThreshold, int threads) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1: " + k);
    }
    this.k = k;
    this.duplicateThreshold = duplicateThreshold;
    this.threads = Math.max(1, threads);
  }

  /**
   * Where candidates come from: an in-memory pool or a corpus on disk. Ids are {@code int}s (a
   * corpus's row numbers stay below 2^31).
   */
  public interface Candidates {
    /** The {@code depth} nearest candidates of each query, by exact cosine search. */
    Neighbors nearest(Vectors queries, int depth, ExactSearch search, Progress progress);

    /** The unit-length vector of one candidate. */
    float[] row(int id);

    /** How many candidates there are (at most {@link Integer#MAX_VALUE} count). */
    long size();
  }

  public Result retrieve(
      CandidatePool pool,
      List<ErrorQuery> errorsIn,
      Vectors train,
      BitSet used,
      int limit,
      Progress progress) {
    Candidates fromPool =
        new Candidates() {
          @Override
          public Neighbors nearest(Vectors q, int depth, ExactSearch search, Progress p) {
            return search.search(q, pool.vectors(), depth, p);
          }

          @Override
          public float[] row(int id) {
            return pool.vectors().row(id);
          }

          @Override
          public long size() {
            return pool.size();
          }
        };
    return retrieve(fromPool, errorsIn, train, used::get, limit, progress);
  }

  /**
   * Chooses up to {@code limit} candidates, k per error, highest loss first.
   *
   * @param skip candidates not to choose (used by an earlier round, rejected, already in the
   *     dataset); counted as used
   */
  public Result retrieve(
      Candidates candidates,
      List<ErrorQuery> errorsIn,
      Vectors train,
      IntPredicate skip,
      int limit,
      Progress progress) {
    List<ErrorQuery> errors = new ArrayList<>(errorsIn);
    errors.sort(Comparator.comparingDouble(ErrorQuery::loss).reversed());
    if (errors.isEmpty() || limit <= 0 || candidates.size() == 0) {
      return new Result(List.of(), 0, 0, 0, 0);
    }
    progress.update(STAGE, 0, 3);
    int dim = errors.get(0).vector().length;
    float[][] q = new float[errors.size()][];
    for (int i = 0; i < q.length; i++) {
      q[i] = errors.get(i).vector();
    }
    // Look deeper than k so that dropped candidates can be replaced by the next nearest.
    int depth = (int) Math.min(candidates.size(), 4 * k + 16);
    ExactSearch search = ExactSearch.create().optThreads(threads);
    Neighbors nn = candidates.nearest(Vectors.of(q), depth, search, progress);
    progress.checkCancelled();
    progress.update(STAGE, 1, 3);

    // Similarity of every retrieved candidate to its nearest training image.
    depth = nn.k();
    int[] unique = uniqueIds(nn, errors.size(), depth);
    float[] nearestTrain = new float[unique.length];
    Map<Integer, Integer> slot = new HashMap<>();
    if (unique.length > 0 && train.rows() > 0) {
      float[][] rows = new float[unique.length][];
      for (int i = 0; i < unique.length; i++) {
        rows[i] = candidates.row(unique[i]);
        slot.put(unique[i], i);
      }
      Neighbors toTrain = search.search(Vectors.of(rows), train, 1, progress);
      for (int i = 0; i < unique.length; i++) {
        float s = toTrain.similarity(i, 0);
        nearestTrain[i] = Float.isNaN(s) ? -1 : s;
      }
    } else {
      for (int i = 0; i < unique.length; i++) {
        slot.put(unique[i], i);
        nearestTrain[i] = -1;
      }
    }
    progress.update(STAGE, 2, 3);

    List<Pick> picks = new ArrayList<>();
    float[] chosen = new float[Math.min(limit, errors.size() * k) * dim];
    BitSet taken = new BitSet();
    int nearTrain = 0;
    int nearChosen = 0;
    int wasUsed = 0;
    int served = 0;
    for (int e = 0; e < errors.size() && picks.size() < limit; e++) {
      progress.checkCancelled();
      int got = 0;
      for (int r = 0; r < depth && got < k && picks.size() < limit; r++) {
        int id = nn.id(e, r);
        if (id < 0 || taken.get(id)) {
          continue;
        }
        taken.set(id);
        if (skip.test(id)) {
          wasUsed++;
          continue;
        }
        if (nearestTrain[slot.get(id)] >= duplicateThreshold) {
          nearTrain++;
          continue;
        }
        float[] v = candidates.row(id);
        if (nearAny(v, chosen, picks.size(), dim)) {
          nearChosen++;
          continue;
        }
        System.arraycopy(v, 0, chosen, picks.size() * dim, dim);
        picks.add(new Pick(id, errors.get(e), nn.similarity(e, r)));
        got++;
      }
      if (got > 0) {
        served++;
      }
    }
    progress.update(STAGE, 3, 3);
    return new Result(List.copyOf(picks), served, nearTrain, nearChosen, wasUsed);
  }

  /**
   * The ablation: {@code count} distinct pool candidates drawn uniformly at random (seeded),
   * skipping used ones; no retrieval and no de-duplication, as plain augmentation would do.
   */
  public static List<Integer> random(CandidatePool pool, int count, BitSet used, long seed) {
    int available = pool.size() - used.cardinality();
    int n = Math.min(count, Math.max(0, available));
    SplittableRandom random = new SplittableRandom(seed);
    BitSet drawn = new BitSet(pool.size());
    List<Integer> out = new ArrayList<>(n);
    while (out.size() < n) {
      int id = random.nextInt(pool.size());
      if (!used.get(id) && !drawn.get(id)) {
        drawn.set(id);
        out.add(id);
      }
    }
    return out;
  }

  private boolean nearAny(float[] v, float[] chosen, int count, int dim) {
    for (int c = 0; c < count; c++) {
      int o = c * dim;
      float dot = 0;
      for (int d = 0; d < dim; d++) {
        dot += v[d] * chosen[o + d];
      }
      if (dot >= duplicateThreshold) {
        return true;
      }
    }
    return false;
  }

  private static int[] uniqueIds(Neighbors nn, int queries, int depth) {
    LinkedHashSet<Integer> ids = new LinkedHashSet<>();
    for (int q = 0; q < queries; q++) {
      for (int r = 0; r < depth; r++) {
        int id = nn.id(q, r);
        if (id >= 0) {
          ids.add(id);
        }
      }
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }
}
