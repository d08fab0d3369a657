package org.databoost.analysis;

/**
 * Disjoint sets over 0..n-1 with path halving; a set's root is its smallest member, so groups are
 * numbered the same whatever order the pairs were joined in.
 */
public final class UnionFind {
  private final int[] parent;

  public UnionFind(int n) {
    parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
  }

  /** The smallest member of i's set. */
  public int find(int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Joins the sets of a and b. */
  public void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
