package org.databoost.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.databoost.dataset.Split;
import org.databoost.map.MapPoint;
import org.junit.jupiter.api.Test;

class PathIndexTest {
  private static List<MapPoint> points(int n) {
    List<MapPoint> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new MapPoint("train/x/" + i + ".png", Split.TRAIN, "x", i, i, false));
    }
    return out;
  }

  @Test
  void findsEveryPathAndNothingElse() {
    List<MapPoint> p = points(10_000);
    PathIndex index = PathIndex.of(p);
    for (int i = 0; i < p.size(); i++) {
      assertEquals(i, index.indexOf(p.get(i).path()));
    }
    assertEquals(-1, index.indexOf("train/x/10000.png"));
    assertEquals(-1, index.indexOf(null));
    assertEquals(-1, PathIndex.of(List.of()).indexOf("a"));
  }

  @Test
  void aSelectionIsASetOfPathsLikeAnyOther() {
    List<MapPoint> p = points(100);
    BitSet mask = new BitSet();
    mask.set(3);
    mask.set(42);
    Set<String> s = new PathSelection(p, mask, PathIndex.of(p));
    assertEquals(2, s.size());
    assertTrue(s.contains("train/x/42.png"));
    assertFalse(s.contains("train/x/41.png"));
    assertFalse(s.contains("elsewhere.png"));
    assertEquals(Set.of("train/x/3.png", "train/x/42.png"), new HashSet<>(s));
    assertEquals(Set.of("train/x/3.png", "train/x/42.png"), s);
  }
}
