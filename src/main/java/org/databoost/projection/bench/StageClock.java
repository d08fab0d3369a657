package org.databoost.projection.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.databoost.bench.MachineLoad;
import org.databoost.task.Progress;

/**
 * A progress sink that samples {@link MachineLoad} when each stage starts, to split a run's wall
 * time, CPU time and the other processes' cores by stage.
 */
final class StageClock implements Progress {
  private final Map<String, MachineLoad> first = new LinkedHashMap<>();
  private MachineLoad end;

  @Override
  public void update(String stage, long done, long total) {
    if (!first.containsKey(stage)) {
      first.put(stage, MachineLoad.now());
    }
  }

  @Override
  public boolean isCancelled() {
    return false;
  }

  void stop() {
    end = MachineLoad.now();
  }

  /** "neighbour graph 1.20 s (2.10 CPU-s, other cores 0.90), ..." in the order the stages ran. */
  String summary() {
    String[] names = first.keySet().toArray(new String[0]);
    StringJoiner out = new StringJoiner(", ");
    for (int i = 0; i < names.length; i++) {
      MachineLoad from = first.get(names[i]);
      MachineLoad until = i + 1 < names.length ? first.get(names[i + 1]) : end;
      out.add(
          String.format(
              Locale.ROOT,
              "%s %.2f s (%.2f CPU-s, other cores %.2f)",
              names[i],
              from.wallSecondsUntil(until),
              from.ownSecondsUntil(until),
              from.foreignCoresUntil(until)));
    }
    return out.toString();
  }
}
