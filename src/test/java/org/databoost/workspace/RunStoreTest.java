package org.databoost.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.databoost.dataset.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
  @TempDir Path tmp;

  private static RunRecord run(String kind, String acc) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("preset", "quick");
    params.put("note", "a = b\nwith: odd # characters");
    params.put("epochs", "30");
    return new RunRecord(
        0,
        kind,
        Instant.ofEpochMilli(1000),
        Instant.ofEpochMilli(5000),
        List.of("a", "b"),
        params,
        RunResults.fromStored(Map.of("accuracy.val", acc)),
        List.of("epoch,loss,val_acc", "1,0.5," + acc));
  }

  private static PredictionRecord prediction(String path, int given, float pA) {
    return new PredictionRecord(
        path,
        "h" + path,
        Split.VAL,
        given,
        pA >= 0.5f ? 0 : 1,
        0.25f,
        new float[] {pA, 1 - pA},
        -1,
        false,
        "",
        given,
        0.9f);
  }

  @Test
  void aRunAndItsPredictionsRoundTripAndStayAcrossReopen() throws Exception {
    Path root = Fixtures.splitDataset(tmp.resolve("data"));
    RunRecord saved;
    try (Workspace ws = Workspace.open(root, Fixtures.options(tmp.resolve("home")))) {
      saved =
          ws.runs()
              .save(
                  run("evaluate", "0.75"),
                  List.of(prediction("val/a/2.png", 0, 0.8f), prediction("val/b/1.png", 1, 0.3f)));
      ws.runs().save(run("evaluate", "0.80"), List.of());
    }
    try (Workspace ws = Workspace.open(root, Fixtures.options(tmp.resolve("home")))) {
      List<RunRecord> runs = ws.runs().list();
      assertEquals(2, runs.size());
      RunRecord first = runs.get(0);
      assertEquals(saved, first);
      assertEquals("a = b\nwith: odd # characters", first.parameters().get("note"));
      assertEquals(List.of("preset", "note", "epochs"), List.copyOf(first.parameters().keySet()));
      assertEquals(
          0.8, ws.runs().latest().orElseThrow().results().accuracy(Split.VAL).orElseThrow());
      List<PredictionRecord> preds = ws.runs().predictions(first.id());
      assertEquals(2, preds.size());
      assertEquals("val/a/2.png", preds.get(0).path());
      assertArrayEquals(new float[] {0.8f, 0.2f}, preds.get(0).probabilities(), 1e-7f);
      assertEquals(0.8f, preds.get(0).confidence(), 1e-7f);
      assertEquals(0.7f, preds.get(1).selfConfidence(), 1e-6f);
    }
  }

  @Test
  void aReadOnlyDatasetStillKeepsItsRuns() throws Exception {
    Path root = Fixtures.splitDataset(tmp.resolve("data"));
    WorkspaceOptions ro = Fixtures.options(tmp.resolve("home")).withReadOnly(true);
    try (Workspace ws = Workspace.open(root, ro)) {
      assertTrue(ws.isReadOnly());
      ws.runs().save(run("evaluate", "0.5"), List.of(prediction("val/a/2.png", 0, 0.6f)));
    }
    try (Workspace ws = Workspace.open(root, ro)) {
      assertEquals(1, ws.runs().list().size());
    }
  }

  @Test
  void aFailingSaveLeavesNoHalfRun() throws Exception {
    Path root = Fixtures.splitDataset(tmp.resolve("data"));
    try (Workspace ws = Workspace.open(root, Fixtures.options(tmp.resolve("home")))) {
      PredictionRecord p = prediction("val/a/2.png", 0, 0.6f);
      // The same path twice breaks the primary key half-way through the batch.
      assertThrowsWorkspace(() -> ws.runs().save(run("evaluate", "0.5"), List.of(p, p)));
      assertEquals(0, ws.runs().list().size());
    }
  }

  private interface Action {
    void run() throws Exception;
  }

  private static void assertThrowsWorkspace(Action a) {
    try {
      a.run();
    } catch (WorkspaceException expected) {
      return;
    } catch (Exception other) {
      throw new AssertionError("expected a WorkspaceException", other);
    }
    throw new AssertionError("expected a WorkspaceException");
  }
}
