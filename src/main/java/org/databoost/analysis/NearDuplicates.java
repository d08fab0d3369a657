package org.databoost.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Groups images that are near-duplicates: byte-identical (same content hash) or whose embeddings
 * have a cosine similarity at or above a threshold. Groups are the connected components of those
 * pairs (union-find), numbered from 0 in order of their first member; singletons get -1.
 */
public final class NearDuplicates {
  /** No gap: every pair at the threshold is a copy (the rule before 2026-12-07). */
  public static final double NO_GAP = 0;

  private NearDuplicates() {}

  /**
   * Whether image i and its r-th neighbour are copies of one drawing: alike at least at {@code
   * threshold}, and more alike than either is to the closest of its other neighbours below the
   * threshold by at least {@code gap}. A drawing that many others resemble nearly as closely (a
   * lone stroke among the single-stroke "i"s) is no one's copy; one with no neighbour below the
   * threshold among those listed is not either, since how close the rest are is then unknown.
   */
  public static boolean copies(
      int[][] neighbourIds, float[][] similarities, int i, int r, double threshold, double gap) {
    int j = neighbourIds[i][r];
    float s = similarities[i][r];
    if (j < 0 || s < threshold) {
      return false;
    }
    if (gap <= 0) {
      return true;
    }
    double next =
        Math.max(
            closestBelow(similarities[i], threshold), closestBelow(similarities[j], threshold));
    return !Double.isNaN(next) && s - next >= gap;
  }

  /** The highest similarity below the threshold; NaN where a neighbour list has none. */
  private static double closestBelow(float[] similarities, double threshold) {
    double best = Double.NaN;
    boolean any = false;
    for (float x : similarities) {
      if (x < threshold && (!any || x > best)) {
        best = x;
        any = true;
      }
    }
    return any ? best : Double.NaN;
  }

  /**
   * @param neighbourIds per image, its nearest other images (self excluded), -1 where none
   * @param similarities the cosine similarities of those neighbours
   * @param hashes the content hash of each image
   */
  public static int[] groups(
      int[][] neighbourIds, float[][] similarities, String[] hashes, double threshold) {
    return groups(neighbourIds, similarities, hashes, threshold, NO_GAP);
  }

  /**
   * {@link #groups(int[][], float[][], String[], double)} where a pair of embeddings counts only
   * when it is {@link #copies copies} with this gap.
   */
  public static int[] groups(
      int[][] neighbourIds, float[][] similarities, String[] hashes, double threshold, double gap) {
    int n = hashes.length;
    if (neighbourIds.length != n || similarities.length != n) {
      throw new IllegalArgumentException("one neighbour list per image is needed");
    }
    UnionFind sets = new UnionFind(n);
    Map<String, Integer> firstByHash = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Integer first = firstByHash.putIfAbsent(hashes[i], i);
      if (first != null) {
        sets.union(first, i);
      }
      for (int r = 0; r < neighbourIds[i].length; r++) {
        if (copies(neighbourIds, similarities, i, r, threshold, gap)) {
          sets.union(i, neighbourIds[i][r]);
        }
      }
    }
    int[] size = new int[n];
    for (int i = 0; i < n; i++) {
      size[sets.find(i)]++;
    }
    int[] numberOfRoot = new int[n];
    Arrays.fill(numberOfRoot, -1);
    int[] group = new int[n];
    int next = 0;
    for (int i = 0; i < n; i++) {
      int root = sets.find(i);
      if (size[root] < 2) {
        group[i] = -1;
      } else {
        if (numberOfRoot[root] < 0) {
          numberOfRoot[root] = next++;
        }
        group[i] = numberOfRoot[root];
      }
    }
    return group;
  }
}
