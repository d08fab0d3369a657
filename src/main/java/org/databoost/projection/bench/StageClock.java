package org.databoost.projection.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.databoost.task.Progress;

/** A progress sink that remembers when each stage started, to split a run's time by stage. */
final class StageClock implements Progress {
  private final long start = System.nanoTime();
  private final Map<String, Long> first = new LinkedHashMap<>();
  private long end;

  @Override
  public void update(String stage, long done, long total) {
    first.putIfAbsent(stage, System.nanoTime());
  }

  @Override
  public boolean isCancelled() {
    return false;
  }

  void stop() {
    end = System.nanoTime();
  }

  /** "neighbour graph 1.2 s, fuzzy graph 0.1 s, ..." in the order the stages ran. */
  String summary() {
    String[] names = first.keySet().toArray(new String[0]);
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      long until = i + 1 < names.length ? first.get(names[i + 1]) : end;
      seconds.put(names[i], (until - first.get(names[i])) / 1e9);
    }
    return seconds.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
  }
}
