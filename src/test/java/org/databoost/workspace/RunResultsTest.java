package org.databoost.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.databoost.dataset.Split;
import org.databoost.workspace.RunResults.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultsTest {
  @TempDir Path tmp;

  /** The metrics column exactly as versions before the typed results wrote it. */
  private static final String OLD_METRICS =
      String.join(
          "\n",
          "accuracy.train=0.912345",
          "accuracy.val=0.812000",
          "accuracy.label_book=0.750000",
          "best_epoch=12",
          "best_val_accuracy=0.820000",
          "seconds.decode=1.50000",
          "seconds.cross_validation=30.0000",
          "seconds.total=60.2500",
          "issues.label_error=7",
          "issues.not_a_numeral=2",
          "calibration.ece=0.0310000",
          "");

  @Test
  void aRunKeptByAnEarlierVersionOpensWithItsResultsTyped() throws Exception {
    Path root = Fixtures.splitDataset(tmp.resolve("data"));
    try (Workspace ws = Workspace.open(root, Fixtures.options(tmp.resolve("home")))) {
      assertEquals(List.of(), ws.runs().list());
    }
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + root.resolve(".databoost/catalog.sqlite"));
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO runs (kind, started_at, finished_at, labels, parameters, metrics,"
                    + " epochs) VALUES ('evaluate', 1000, 5000, ?, ?, ?, ?)")) {
      ps.setString(1, "i\nii\niii");
      ps.setString(2, "preset=quick\nfolds=3\n");
      ps.setString(3, OLD_METRICS);
      ps.setString(4, "epoch,loss,val_accuracy,seconds\n1,0.5,0.8,2.0");
      ps.executeUpdate();
    }
    try (Workspace ws = Workspace.open(root, Fixtures.options(tmp.resolve("home")))) {
      RunResults r = ws.runs().latest().orElseThrow().results();
      assertEquals(0.812, r.accuracy(Split.VAL).orElseThrow());
      assertEquals(0.912345, r.accuracy(Split.TRAIN).orElseThrow());
      assertEquals(0.75, r.accuracy(Split.LABEL_BOOK).orElseThrow());
      assertFalse(r.accuracy(Split.TEST).isPresent());
      assertEquals(OptionalInt.of(12), r.bestEpoch());
      assertEquals(OptionalDouble.of(0.82), r.bestValAccuracy());
      assertEquals(60.25, r.seconds(Stage.TOTAL).orElseThrow());
      assertEquals(
          List.of(Stage.DECODE, Stage.CROSS_VALIDATION, Stage.TOTAL),
          List.copyOf(r.seconds().keySet()));
      assertEquals(7, r.issues("label error"));
      assertEquals(2, r.issues("not a numeral"));
      assertEquals(0, r.issues("leak"));
      assertEquals(Map.of("calibration.ece", "0.0310000"), r.other());
      assertEquals(RunStore.decode(OLD_METRICS), r.stored(), "written back as it was read");
    }
  }

  @Test
  void aValueThatCannotBeReadIsKeptAsItWas() {
    Map<String, String> stored = new LinkedHashMap<>();
    stored.put("accuracy.val", "not a number");
    stored.put("best_epoch", "12");
    RunResults r = RunResults.fromStored(stored);
    assertFalse(r.accuracy(Split.VAL).isPresent());
    assertEquals(OptionalInt.of(12), r.bestEpoch());
    assertEquals(Map.of("accuracy.val", "not a number"), r.other());
    assertEquals("not a number", r.stored().get("accuracy.val"));
  }

  @Test
  void numbersHoldWhatTheCatalogHolds() {
    RunResults r =
        new RunResults(
            Map.of(Split.VAL, 2.0 / 3),
            OptionalInt.empty(),
            OptionalDouble.empty(),
            Map.of(Stage.TOTAL, 1.0 / 3),
            Map.of("label error", 3),
            Map.of());
    assertEquals(0.666667, r.accuracy(Split.VAL).orElseThrow());
    assertEquals(
        Map.of("accuracy.val", "0.666667", "seconds.total", "0.333333", "issues.label_error", "3"),
        r.stored());
    assertEquals(r, RunResults.fromStored(r.stored()));
  }
}
