package org.databoost.neighbors;

/**
 * The best {@code k} (score, id) pairs seen so far: a min-heap whose root is the worst kept pair.
 * Order: higher score first, equal scores by lower id; NaN scores are never kept.
 */
final class TopK {
  private final int k;
  private final int excluded;
  private final float[] scores;
  private final int[] ids;
  private int size;

  /** {@code excluded} is an id never to keep (the query itself), or -1. */
  TopK(int k, int excluded) {
    this.k = k;
    this.excluded = excluded;
    this.scores = new float[k];
    this.ids = new int[k];
  }

  /** Offers {@code out[from + r]} as the score of id {@code firstId + r}, for r < n. */
  void offerAll(float[] out, int from, int n, int firstId) {
    if (k == 0) {
      return;
    }
    for (int r = 0; r < n; r++) {
      float s = out[from + r];
      // fast reject: most rows are worse than the worst kept one
      if (size == k && !(s >= scores[0])) {
        continue;
      }
      offer(s, firstId + r);
    }
  }

  /** The score an offer must reach to be kept: the worst kept one, or -infinity while not full. */
  float threshold() {
    return size < k || k == 0 ? Float.NEGATIVE_INFINITY : scores[0];
  }

  void offer(float s, int id) {
    if (k == 0 || id == excluded || Float.isNaN(s)) {
      return;
    }
    if (size < k) {
      scores[size] = s;
      ids[size] = id;
      siftUp(size++);
    } else if (worse(scores[0], ids[0], s, id)) {
      scores[0] = s;
      ids[0] = id;
      siftDown(0);
    }
  }

  void addAll(TopK other) {
    for (int i = 0; i < other.size; i++) {
      offer(other.scores[i], other.ids[i]);
    }
  }

  /** Writes the kept pairs best first into the arrays at {@code off}; returns how many. */
  int drainSorted(int[] idsOut, float[] scoresOut, int off) {
    int n = size;
    for (int i = n - 1; i >= 0; i--) { // repeatedly remove the worst
      idsOut[off + i] = ids[0];
      scoresOut[off + i] = scores[0];
      size--;
      scores[0] = scores[size];
      ids[0] = ids[size];
      siftDown(0);
    }
    return n;
  }

  /** Whether (sa, ia) ranks below (sb, ib). */
  private static boolean worse(float sa, int ia, float sb, int ib) {
    return sa < sb || (sa == sb && ia > ib);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (!worse(scores[i], ids[i], scores[p], ids[p])) {
        return;
      }
      swap(i, p);
      i = p;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int w = l;
      if (l + 1 < size && worse(scores[l + 1], ids[l + 1], scores[l], ids[l])) {
        w = l + 1;
      }
      if (!worse(scores[w], ids[w], scores[i], ids[i])) {
        return;
      }
      swap(i, w);
      i = w;
    }
  }

  private void swap(int a, int b) {
    float s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
    int t = ids[a];
    ids[a] = ids[b];
    ids[b] = t;
  }
}
