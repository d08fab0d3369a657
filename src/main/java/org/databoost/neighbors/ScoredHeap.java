package org.databoost.neighbors;

import java.util.Arrays;

/** A growable binary min-heap of (score, id) pairs for graph search; push -score for a max-heap. */
final class ScoredHeap {
  private float[] scores = new float[64];
  private int[] ids = new int[64];
  private int size;

  void clear() {
    size = 0;
  }

  int size() {
    return size;
  }

  float topScore() {
    return scores[0];
  }

  int topId() {
    return ids[0];
  }

  void push(float score, int id) {
    if (size == scores.length) {
      scores = Arrays.copyOf(scores, size * 2);
      ids = Arrays.copyOf(ids, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (scores[p] <= score) {
        break;
      }
      scores[i] = scores[p];
      ids[i] = ids[p];
      i = p;
    }
    scores[i] = score;
    ids[i] = id;
  }

  /** Removes the lowest-scored pair. */
  void pop() {
    size--;
    float s = scores[size];
    int id = ids[size];
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        break;
      }
      int c = l + 1 < size && scores[l + 1] < scores[l] ? l + 1 : l;
      if (scores[c] >= s) {
        break;
      }
      scores[i] = scores[c];
      ids[i] = ids[c];
      i = c;
    }
    scores[i] = s;
    ids[i] = id;
  }
}
