package org.databoost.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.databoost.analysis.NearDuplicates;
import org.databoost.analysis.UnionFind;
import org.databoost.dataset.Split;
import org.databoost.evaluation.DataVerdicts.Input;
import org.databoost.evaluation.DataVerdicts.Kind;
import org.databoost.evaluation.DataVerdicts.Verdict;
import org.databoost.neighbors.Neighbors;

/** {@link DataVerdicts}' leaks and duplicates: copies of another image, which one to keep. */
final class CopyVerdicts {
  private CopyVerdicts() {}

  /**
   * Byte-identical (and with {@code near}, near-identical) images among those without a verdict
   * yet: across train and val the val copy is a leak (the train copy is kept); within a split every
   * copy but the first by path is a duplicate. Near-identical copies are looked for after junk,
   * since the glyph embeddings of noisy pages are all alike.
   */
  static void mark(Input in, Neighbors nb, Verdict[] out, boolean near) {
    int n = in.paths().length;
    UnionFind sets = new UnionFind(n);
    int[][] idMatrix = nb.idMatrix();
    float[][] sims = new float[n][];
    for (int i = 0; i < n; i++) {
      sims[i] = nb.similarities(i);
    }
    Map<String, Integer> byHash = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Integer first = byHash.putIfAbsent(in.hashes()[i], i);
      if (first != null && out[i].kind() == Kind.NONE && out[first].kind() == Kind.NONE) {
        sets.union(first, i);
      }
      if (!near || out[i].kind() != Kind.NONE) {
        continue;
      }
      int[] ids = idMatrix[i];
      for (int r = 0; r < ids.length; r++) {
        if (NearDuplicates.copies(
                idMatrix, sims, i, r, DataVerdicts.NEAR_IDENTICAL, DataVerdicts.NEAR_GAP)
            && out[ids[r]].kind() == Kind.NONE) {
          sets.union(i, ids[r]);
        }
      }
    }
    Map<Integer, List<Integer>> groups = new HashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(sets.find(i), r -> new ArrayList<>()).add(i);
    }
    for (List<Integer> g : groups.values()) {
      if (g.size() < 2) {
        continue;
      }
      g.sort(
          Comparator.comparingInt((Integer i) -> in.splits()[i] == Split.TRAIN ? 0 : 1)
              .thenComparing(i -> in.paths()[i]));
      int kept = g.get(0);
      for (int i : g.subList(1, g.size())) {
        boolean same = in.hashes()[i].equals(in.hashes()[kept]);
        String how = same ? "byte-identical to " : "the same drawing as ";
        String label =
            in.given()[i] == in.given()[kept]
                ? ""
                : " (labelled " + in.labels().get(in.given()[kept]) + " there)";
        Kind kind = in.splits()[i] == in.splits()[kept] ? Kind.DUPLICATE : Kind.LEAK;
        out[i] =
            new Verdict(
                kind, -1, 0f, how + in.paths()[kept] + label + ": delete this copy, keep that one");
      }
    }
  }
}
