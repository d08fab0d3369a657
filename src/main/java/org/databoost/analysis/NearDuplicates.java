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
  private NearDuplicates() {}

  /**
   * @param neighbourIds per image, its nearest other images (self excluded), -1 where none
   * @param similarities the cosine similarities of those neighbours
   * @param hashes the content hash of each image
   */
  public static int[] groups(
      int[][] neighbourIds, float[][] similarities, String[] hashes, double threshold) {
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
        int j = neighbourIds[i][r];
        if (j >= 0 && similarities[i][r] >= threshold) {
          sets.union(i, j);
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
