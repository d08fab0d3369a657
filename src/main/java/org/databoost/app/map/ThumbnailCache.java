package org.databoost.app.map;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The last few thumbnails the hover card showed, so moving back and forth over a cluster loads each
 * image once. The loader must not block: the map's loader starts a background decode and returns at
 * once.
 */
final class ThumbnailCache<T> {
  private final Function<String, T> loader;
  private final Map<String, T> recent;

  ThumbnailCache(int capacity, Function<String, T> loader) {
    this.loader = loader;
    this.recent =
        new LinkedHashMap<>(capacity * 2, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The thumbnail of this image, loaded on first use or after it fell out of the cache. */
  T get(String path) {
    return recent.computeIfAbsent(path, loader);
  }

  /** Forgets everything, e.g. when another dataset opens (the same path is another image). */
  void clear() {
    recent.clear();
  }

  int size() {
    return recent.size();
  }
}
