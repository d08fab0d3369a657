package org.databoost.evaluation.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.evaluation.DataVerdicts;
import org.databoost.evaluation.Judgement;
import org.databoost.files.AtomicFileWriter;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;

/**
 * The verdicts on a real dataset, which has no answer key: how many images each verdict takes, and
 * contact sheets of the top N of each (most certain first) for a person to judge by eye.
 */
public final class RealDataBenchmark {
  private final DatasetScanner scanner;

  public RealDataBenchmark(DatasetScanner scanner) {
    this.scanner = scanner;
  }

  /** Counts per verdict, the images judged, the sheets written, and the time taken. */
  public record Report(
      int images, Map<DataVerdicts.Kind, Integer> counts, List<Path> sheets, double seconds) {
    public int flagged() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  public Report run(
      Path dataset, Path stateDir, Path sheetDir, int top, long seed, Progress progress)
      throws IOException, DatasetException {
    return run(dataset, stateDir, sheetDir, top, seed, null, progress);
  }

  /**
   * {@link #run(Path, Path, Path, int, long, Progress)}; with a training {@code config} (not null)
   * the fixed model is trained first as {@code evaluate} does and joins the judges.
   */
  public Report run(
      Path dataset,
      Path stateDir,
      Path sheetDir,
      int top,
      long seed,
      TrainingConfig config,
      Progress progress)
      throws IOException, DatasetException {
    long t0 = System.nanoTime();
    DatasetScan scan = scanner.scan(dataset, progress);
    if (!scan.isUsable()) {
      throw new DatasetException(scan.unusableReason().orElse("the dataset is not usable"));
    }
    Judgement j =
        config == null
            ? Judgement.of(scan, stateDir, null, true, seed, progress)
            : Judgement.withModel(scan, stateDir, config, seed, progress);
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<String> labels = scan.labels();
    Map<DataVerdicts.Kind, List<Integer>> byKind = new EnumMap<>(DataVerdicts.Kind.class);
    DataVerdicts.Verdict[] v = j.result().verdicts();
    for (int i = 0; i < v.length; i++) {
      if (v[i].kind() != DataVerdicts.Kind.NONE) {
        byKind.computeIfAbsent(v[i].kind(), k -> new ArrayList<>()).add(i);
      }
    }
    Map<DataVerdicts.Kind, Integer> counts = new EnumMap<>(DataVerdicts.Kind.class);
    List<Path> sheets = new ArrayList<>();
    for (Map.Entry<DataVerdicts.Kind, List<Integer>> e : byKind.entrySet()) {
      counts.put(e.getKey(), e.getValue().size());
      if (sheetDir == null) {
        continue;
      }
      List<Integer> ranked = new ArrayList<>(e.getValue());
      ranked.sort(Comparator.comparingDouble((Integer i) -> v[i].quality()).thenComparing(i -> i));
      List<FlagSheets.Tile> tiles = new ArrayList<>();
      for (int i : ranked.subList(0, Math.min(top, ranked.size()))) {
        String given = j.images().get(i).label();
        String to = v[i].suggested() >= 0 ? labels.get(v[i].suggested()) : "delete";
        tiles.add(
            new FlagSheets.Tile(
                scan.root().resolve(j.images().get(i).relativePath()),
                String.format(Locale.ROOT, "%s > %s %.2f", given, to, v[i].quality())));
      }
      // Every flag of the verdict, ranked as on the sheet, for judging beside it.
      StringBuilder list = new StringBuilder("rank,path,given,suggested,quality,judges\n");
      for (int r = 0; r < ranked.size(); r++) {
        int i = ranked.get(r);
        list.append(
            String.format(
                Locale.ROOT,
                "%d,%s,%s,%s,%.4f,\"%s\"%n",
                r + 1,
                j.images().get(i).displayPath(),
                j.images().get(i).label(),
                v[i].suggested() >= 0 ? labels.get(v[i].suggested()) : "delete",
                v[i].quality(),
                v[i].judges().replace("\"", "'")));
      }
      String name = "flags-" + e.getKey().text().replace(' ', '-');
      AtomicFileWriter.write(
          sheetDir.resolve(name + ".csv"),
          o -> o.write(list.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      Path out = sheetDir.resolve(name + ".png");
      FlagSheets.write(
          String.format(
              Locale.ROOT,
              "%s: top %d of %d (given > suggested, quality), %s",
              e.getKey().text(),
              tiles.size(),
              e.getValue().size(),
              dataset.getFileName()),
          tiles,
          out);
      sheets.add(out);
    }
    return new Report(v.length, counts, sheets, seconds);
  }
}
