package org.databoost.autopilot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.databoost.training.LabelledImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's private holdout and its tables, without any training. */
class HoldoutTest {
  @TempDir Path tmp;

  private DatasetScan source() throws Exception {
    Path data = tmp.resolve("source");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(6, 10, 1), Progress.NONE);
    Files.deleteIfExists(data.resolve("sample-truth.csv"));
    // a val image with a byte-identical copy in train: it must never be held out
    DatasetScan first = new DatasetScanner().scan(data, Progress.NONE);
    ImageEntry v = first.images(Split.VAL).get(0);
    Files.copy(
        data.resolve(v.relativePath()),
        data.resolve("train").resolve(v.label()).resolve("copy-of-val.png"));
    return new DatasetScanner().scan(data, Progress.NONE);
  }

  private static Set<String> held(Holdout h, DatasetScan scan) {
    return h.images(scan.labels()).stream()
        .map(LabelledImage::id)
        .map(id -> id.substring("holdout/".length()))
        .collect(Collectors.toSet());
  }

  @Test
  void theHoldoutIsASeededStratifiedShareOfValWithoutCopiesElsewhere() throws Exception {
    DatasetScan scan = source();
    ImageEntry copied = scan.images(Split.VAL).get(0);
    Holdout h = Holdout.of(scan, 0.3, 1);
    Set<String> held = held(h, scan);
    assertEquals(h.size(), held.size());
    assertFalse(held.contains(copied.displayPath()), "a val image copied in train is not held");
    Map<String, Integer> perLabel = new TreeMap<>();
    for (ImageEntry e : scan.images(Split.VAL)) {
      if (held.contains(e.displayPath())) {
        perLabel.merge(e.label(), 1, Integer::sum);
      }
    }
    for (String label : scan.labels()) {
      int eligible = label.equals(copied.label()) ? 9 : 10;
      assertEquals(
          (int) Math.round(eligible * 0.3), perLabel.getOrDefault(label, 0), "label " + label);
    }
    assertEquals(held, held(Holdout.of(scan, 0.3, 1), scan), "the same seed, the same holdout");
    assertNotEquals(held, held(Holdout.of(scan, 0.3, 2), scan), "another seed, another holdout");
  }

  @Test
  void theCopyHoldsEverythingButTheHoldoutAndTheSourceIsUntouched() throws Exception {
    DatasetScan scan = source();
    Map<String, String> sourceBefore = hashes(scan);
    Holdout h = Holdout.of(scan, 0.3, 1);
    Set<String> held = held(h, scan);
    Path copy = tmp.resolve("copy");
    Files.createDirectories(copy);
    h.copyRestTo(copy, Progress.NONE);

    DatasetScan rest = new DatasetScanner().scan(copy, Progress.NONE);
    Set<String> heldHashes = new HashSet<>();
    for (ImageEntry e : scan.images(Split.VAL)) {
      if (held.contains(e.displayPath())) {
        heldHashes.add(e.hash());
      }
    }
    assertTrue(
        rest.images().stream().noneMatch(e -> heldHashes.contains(e.hash())),
        "no holdout image is in the copy");
    assertEquals(scan.count(Split.TRAIN), rest.count(Split.TRAIN));
    assertEquals(scan.count(Split.LABEL_BOOK), rest.count(Split.LABEL_BOOK));
    assertEquals(scan.count(Split.VAL) - h.size(), rest.count(Split.VAL));
    assertEquals(sourceBefore, hashes(new DatasetScanner().scan(scan.root(), Progress.NONE)));
  }

  private static Map<String, String> hashes(DatasetScan scan) {
    Map<String, String> out = new TreeMap<>();
    scan.images().forEach(e -> out.put(e.displayPath(), e.hash()));
    return out;
  }

  @Test
  void theTableComparesWithTheChosenReferenceAndGivesNoSpreadForOneSeed() {
    List<BenchResult> all =
        List.of(
            result("full-boost", 1, 0.80),
            result("full-boost-fill", 1, 0.70),
            result("full-boost-fill", 2, 0.74));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    BenchTables.table(all, List.of("full-boost", "full-boost-fill"), "quick", "full-boost", out);
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("vs full-boost"), text);
    String one = line(text, "full-boost ");
    String two = line(text, "full-boost-fill ");
    assertTrue(one.contains("0.8000    (-)"), one);
    assertTrue(two.contains("0.7200 (0.028)") && two.contains("-0.0800"), two);
  }

  private static String line(String text, String start) {
    return text.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow();
  }

  private static BenchResult result(String config, long seed, double holdout) {
    return new BenchResult()
        .put("config", config)
        .put("seed", Long.toString(seed))
        .put("preset", "quick")
        .put("holdout", holdout)
        .put("labelbook", 0.5)
        .put("val", 0.6)
        .put("train.images", 100)
        .put("val.images", 20)
        .put("train.seconds", 60);
  }
}
