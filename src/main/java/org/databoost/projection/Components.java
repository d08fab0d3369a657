package org.databoost.projection;

import java.util.Arrays;

/**
 * Connected components of an undirected edge list, numbered by size (0 = largest, ties by smallest
 * row), so that a caller can see and lay out every part of a disconnected graph.
 */
record Components(int[] of, int[] sizes) {

  int count() {
    return sizes.length;
  }

  static Components of(int n, int[] from, int[] to) {
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int e = 0; e < from.length; e++) {
      int a = find(parent, from[e]);
      int b = find(parent, to[e]);
      if (a != b) {
        parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
    int[] rootId = new int[n];
    Arrays.fill(rootId, -1);
    int[] raw = new int[n];
    int count = 0;
    int[] rawSizes = new int[n];
    for (int i = 0; i < n; i++) {
      int r = find(parent, i);
      if (rootId[r] < 0) {
        rootId[r] = count++;
      }
      raw[i] = rootId[r];
      rawSizes[raw[i]]++;
    }
    // renumber by size descending, then by first row (raw ids are in first-row order)
    Integer[] order = new Integer[count];
    for (int c = 0; c < count; c++) {
      order[c] = c;
    }
    Arrays.sort(order, (p, q) -> rawSizes[q] != rawSizes[p] ? rawSizes[q] - rawSizes[p] : p - q);
    int[] rank = new int[count];
    int[] sizes = new int[count];
    for (int r = 0; r < count; r++) {
      rank[order[r]] = r;
      sizes[r] = rawSizes[order[r]];
    }
    int[] of = new int[n];
    for (int i = 0; i < n; i++) {
      of[i] = rank[raw[i]];
    }
    return new Components(of, sizes);
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
