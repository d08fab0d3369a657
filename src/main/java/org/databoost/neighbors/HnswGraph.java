package org.databoost.neighbors;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;

/** The HNSW graph itself: links, levels and the insert/search steps. */
final class HnswGraph {
  final Vectors data;
  final float[] heap;
  final int n;
  final int dim;
  final int m;
  final int maxM0;
  final int efConstruction;
  final DotKernel kernel;
  final int[] level;
  final int[] links0; // per node: count, then up to maxM0 ids
  final int[][] upper; // per node: for levels 1..level, count then up to m ids
  final Object[] locks;
  final ReentrantLock top = new ReentrantLock();
  volatile int entry = -1;
  volatile int maxLevel = -1;

  HnswGraph(Vectors data, int m, int efConstruction, DotKernel kernel) {
    this.data = data;
    this.heap = data.heapArray();
    this.n = data.rows();
    this.dim = data.dim();
    this.m = m;
    this.maxM0 = 2 * m;
    this.efConstruction = efConstruction;
    this.kernel = kernel;
    this.level = new int[n];
    this.links0 = new int[Math.multiplyExact(n, maxM0 + 1)];
    this.upper = new int[n][];
    this.locks = new Object[Math.max(1, Math.min(n, 1 << 14))];
    Arrays.setAll(locks, i -> new Object());
  }

  void levels(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double ml = 1 / Math.log(m);
    for (int i = 0; i < n; i++) {
      level[i] = (int) (-Math.log(1.0 - rnd.nextDouble()) * ml);
      if (level[i] > 0) {
        upper[i] = new int[level[i] * (m + 1)];
      }
    }
  }

  final class Scratch {
    final int[] visited = new int[n];
    int tag;
    final ScoredHeap candidates = new ScoredHeap(); // -similarity: best first
    final ScoredHeap results = new ScoredHeap(); // similarity: worst first
    final int[] nbrs = new int[maxM0 + 1];
    final float[] q = new float[dim];
    final float[] a = heap == null ? new float[dim] : null;
    final float[] b = heap == null ? new float[dim] : null;
    int[] candIds = new int[64];
    float[] candSims = new float[64];

    void nextTag() {
      if (++tag == Integer.MAX_VALUE) {
        Arrays.fill(visited, 0);
        tag = 1;
      }
    }
  }

  /** Per-thread scratch for single searches: its visited array is one int per row. */
  final ThreadLocal<Scratch> local = ThreadLocal.withInitial(Scratch::new);

  Scratch scratch() {
    return new Scratch();
  }

  float sim(float[] q, int id, Scratch s) {
    if (heap != null) {
      return kernel.dot(q, 0, heap, id * dim, dim);
    }
    data.copyRows(id, 1, s.a, 0);
    return kernel.dot(q, 0, s.a, 0, dim);
  }

  float simNodes(int x, int y, Scratch s) {
    if (heap != null) {
      return kernel.dot(heap, x * dim, heap, y * dim, dim);
    }
    data.copyRows(x, 1, s.a, 0);
    data.copyRows(y, 1, s.b, 0);
    return kernel.dot(s.a, 0, s.b, 0, dim);
  }

  private Object lock(int node) {
    return locks[node % locks.length];
  }

  /** Copies node's links at a level into s.nbrs (count first); locked while building. */
  int readLinks(int node, int lc, Scratch s) {
    synchronized (lock(node)) {
      int[] arr = lc == 0 ? links0 : upper[node];
      int off = lc == 0 ? node * (maxM0 + 1) : (lc - 1) * (m + 1);
      int count = arr[off];
      System.arraycopy(arr, off + 1, s.nbrs, 0, count);
      return count;
    }
  }

  void insert(int node, Scratch s) {
    int lvl = level[node];
    data.copyRows(node, 1, s.q, 0);
    float[] q = s.q;
    top.lock();
    int curMax = maxLevel;
    int ep = entry;
    boolean holdTop = lvl > curMax;
    if (!holdTop) {
      top.unlock();
    }
    try {
      if (ep < 0) {
        entry = node;
        maxLevel = lvl;
        return;
      }
      float epSim = sim(q, ep, s);
      for (int lc = curMax; lc > lvl; lc--) {
        boolean changed = true;
        while (changed) {
          changed = false;
          int count = readLinks(ep, lc, s);
          for (int j = 0; j < count; j++) {
            int e = s.nbrs[j];
            float sv = sim(q, e, s);
            if (sv > epSim) {
              epSim = sv;
              ep = e;
              changed = true;
            }
          }
        }
      }
      for (int lc = Math.min(lvl, curMax); lc >= 0; lc--) {
        searchLayer(q, ep, epSim, efConstruction, lc, s);
        int count = sortResults(s);
        ep = s.candIds[0];
        epSim = s.candSims[0];
        int[] chosen = new int[m];
        int nChosen = selectNeighbours(s.candIds, s.candSims, count, m, chosen, s);
        setLinks(node, lc, chosen, nChosen);
        for (int j = 0; j < nChosen; j++) {
          linkBack(chosen[j], node, lc, s);
        }
      }
      if (holdTop) {
        entry = node;
        maxLevel = lvl;
      }
    } finally {
      if (holdTop) {
        top.unlock();
      }
    }
  }

  private void setLinks(int node, int lc, int[] ids, int count) {
    synchronized (lock(node)) {
      int[] arr = lc == 0 ? links0 : upper[node];
      int off = lc == 0 ? node * (maxM0 + 1) : (lc - 1) * (m + 1);
      arr[off] = count;
      System.arraycopy(ids, 0, arr, off + 1, count);
    }
  }

  /** Adds {@code node} to e's links, re-selecting e's neighbours when the list is full. */
  private void linkBack(int e, int node, int lc, Scratch s) {
    int cap = lc == 0 ? maxM0 : m;
    synchronized (lock(e)) {
      int[] arr = lc == 0 ? links0 : upper[e];
      int off = lc == 0 ? e * (maxM0 + 1) : (lc - 1) * (m + 1);
      int count = arr[off];
      if (count < cap) {
        arr[off + 1 + count] = node;
        arr[off] = count + 1;
        return;
      }
      int[] ids = new int[count + 1];
      float[] sims = new float[count + 1];
      for (int j = 0; j < count; j++) {
        ids[j] = arr[off + 1 + j];
      }
      ids[count] = node;
      for (int j = 0; j <= count; j++) {
        sims[j] = simNodes(e, ids[j], s);
      }
      sortDescending(ids, sims, count + 1);
      int[] chosen = new int[cap];
      int kept = selectNeighbours(ids, sims, count + 1, cap, chosen, s);
      arr[off] = kept;
      System.arraycopy(chosen, 0, arr, off + 1, kept);
    }
  }

  /**
   * hnswlib's heuristic: take candidates best first, skipping any that is closer to an already
   * chosen neighbour than to the base point (keeps links spread over directions).
   */
  private int selectNeighbours(int[] ids, float[] sims, int count, int max, int[] out, Scratch s) {
    int chosen = 0;
    for (int i = 0; i < count && chosen < max; i++) {
      boolean good = true;
      for (int j = 0; j < chosen; j++) {
        if (simNodes(ids[i], out[j], s) > sims[i]) {
          good = false;
          break;
        }
      }
      if (good) {
        out[chosen++] = ids[i];
      }
    }
    return chosen;
  }

  /** Beam search at one level from {@code ep}; leaves the best {@code ef} in s.results. */
  void searchLayer(float[] q, int ep, float epSim, int ef, int lc, Scratch s) {
    s.nextTag();
    s.visited[ep] = s.tag;
    s.candidates.clear();
    s.results.clear();
    s.candidates.push(-epSim, ep);
    s.results.push(epSim, ep);
    while (s.candidates.size() > 0) {
      float cSim = -s.candidates.topScore();
      int c = s.candidates.topId();
      if (cSim < s.results.topScore() && s.results.size() >= ef) {
        break;
      }
      s.candidates.pop();
      int count = readLinks(c, lc, s);
      for (int j = 0; j < count; j++) {
        int e = s.nbrs[j];
        if (s.visited[e] == s.tag) {
          continue;
        }
        s.visited[e] = s.tag;
        float sv = sim(q, e, s);
        if (s.results.size() < ef || sv > s.results.topScore()) {
          s.candidates.push(-sv, e);
          s.results.push(sv, e);
          if (s.results.size() > ef) {
            s.results.pop();
          }
        }
      }
    }
  }

  /** Empties s.results into s.candIds/candSims, best first (ties by lower id); the count. */
  private int sortResults(Scratch s) {
    int count = s.results.size();
    if (s.candIds.length < count) {
      s.candIds = new int[count * 2];
      s.candSims = new float[count * 2];
    }
    for (int i = count - 1; i >= 0; i--) {
      s.candIds[i] = s.results.topId();
      s.candSims[i] = s.results.topScore();
      s.results.pop();
    }
    sortDescending(s.candIds, s.candSims, count); // fixes the order among equal scores
    return count;
  }

  private static void sortDescending(int[] ids, float[] sims, int count) {
    for (int i = 1; i < count; i++) { // insertion sort: short, mostly sorted lists
      int id = ids[i];
      float sv = sims[i];
      int j = i - 1;
      while (j >= 0 && (sims[j] < sv || (sims[j] == sv && ids[j] > id))) {
        ids[j + 1] = ids[j];
        sims[j + 1] = sims[j];
        j--;
      }
      ids[j + 1] = id;
      sims[j + 1] = sv;
    }
  }

  void search(float[] q, int k, int ef, Scratch s, int[] idsOut, float[] simsOut, int off) {
    if (k == 0 || entry < 0) {
      return;
    }
    int ep = entry;
    float epSim = sim(q, ep, s);
    for (int lc = maxLevel; lc > 0; lc--) {
      boolean changed = true;
      while (changed) {
        changed = false;
        int count = readLinks(ep, lc, s);
        for (int j = 0; j < count; j++) {
          float sv = sim(q, s.nbrs[j], s);
          if (sv > epSim) {
            epSim = sv;
            ep = s.nbrs[j];
            changed = true;
          }
        }
      }
    }
    searchLayer(q, ep, epSim, Math.max(ef, k), 0, s);
    int count = sortResults(s);
    int got = Math.min(k, count);
    System.arraycopy(s.candIds, 0, idsOut, off, got);
    System.arraycopy(s.candSims, 0, simsOut, off, got);
    Arrays.fill(idsOut, off + got, off + k, -1);
    Arrays.fill(simsOut, off + got, off + k, Float.NaN);
  }
}
