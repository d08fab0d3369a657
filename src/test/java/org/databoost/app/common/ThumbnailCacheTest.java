package org.databoost.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThumbnailCacheTest {
  @Test
  void loadsEachImageOnceAndForgetsTheLeastRecentlyShown() {
    List<String> loads = new ArrayList<>();
    ThumbnailCache<String> cache =
        new ThumbnailCache<>(
            2,
            p -> {
              loads.add(p);
              return "thumb of " + p;
            });
    assertEquals("thumb of a", cache.get("a"));
    cache.get("b");
    cache.get("a"); // a is now the most recent
    cache.get("c"); // evicts b
    cache.get("a");
    cache.get("b");
    assertEquals(List.of("a", "b", "c", "b"), loads);
    assertEquals(2, cache.size());
  }
}
