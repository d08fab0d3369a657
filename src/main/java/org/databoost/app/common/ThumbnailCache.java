package org.databoost.app.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The last thumbnails shown (hover card, gallery), so moving back and forth over them loads each
 * image once. The loader must not block: the map's loader starts a background decode and returns at
 * once.
 */
public final class ThumbnailCache<T> {
  private final Function<String, T> loader;
  private final Map<String, T> recent;

  public ThumbnailCache(int capacity, Function<String, T> loader) {
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
  public T get(String path) {
    return recent.computeIfAbsent(path, loader);
  }

  /** Forgets everything, e.g. when another dataset opens (the same path is another image). */
  public void clear() {
    recent.clear();
  }

  public int size() {
    return recent.size();
  }
}
