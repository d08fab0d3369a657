package org.databoost.boost;

import static org.databoost.workspace.Fixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.Split;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.HistoryEntry;
import org.databoost.workspace.ImageRow;
import org.databoost.workspace.OpKind;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boost end to end on a tiny generated dataset with a two-epoch model. */
class BoostServiceTest {
  @TempDir Path tmp;

  private static final TrainingConfig TINY =
      TrainingConfig.quick().withEpochs(2).withThreads(1).withBatchSize(16);

  /** 60 train + 30 val images; the budget leaves room for 24 more. */
  private static BoostOptions options(int rounds, boolean compare) {
    return new BoostOptions(1500, 3, rounds, 114, "glyph", TINY, compare, false, 5, 0.99f, 1.0);
  }

  private Path sample() throws Exception {
    Path data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(6, 3, 1), Progress.NONE);
    return data;
  }

  private Workspace open(Path data) throws Exception {
    return Workspace.open(data, WorkspaceOptions.defaults().withDataDir(tmp.resolve("home")));
  }

  @Test
  void aRoundAddsCandidatesWithinTheBudgetAsOneEditAndUndoRestoresEveryByte() throws Exception {
    Path data = sample();
    Map<String, String> before = tree(data);
    BoostReport report;
    try (Workspace ws = open(data)) {
      // every scan walks the folders first: count the walks
      AtomicInteger scans = new AtomicInteger();
      AtomicReference<String> last = new AtomicReference<>("");
      Progress counting =
          new Progress() {
            @Override
            public void update(String stage, long done, long total) {
              if (!stage.equals(last.getAndSet(stage)) && stage.equals("Listing files")) {
                scans.incrementAndGet();
              }
            }

            @Override
            public boolean isCancelled() {
              return false;
            }
          };
      report = new BoostService(new DatasetScanner()).boost(ws, options(1, false), counting);
      assertEquals(1, report.rounds().size(), report.stopReason());
      assertEquals(
          2, scans.get(), "one scan for the baseline, the pool and the round, one after its add");
      RoundReport round = report.rounds().get(0);
      assertTrue(round.added() > 0 && round.added() <= 24, "added " + round.added());
      assertEquals(1500, report.poolSize());

      List<HistoryEntry> adds = ws.history().stream().filter(h -> h.kind() == OpKind.ADD).toList();
      assertEquals(1, adds.size(), "one edit for the whole round");
      assertEquals(round.opId(), adds.get(0).id());
      assertEquals(round.added(), adds.get(0).fileCount());
      assertTrue(adds.get(0).description().startsWith("Boost round 1"));

      List<RoundReport> history = BoostHistory.rounds(ws);
      assertEquals(1, history.size(), "the catalog remembers the round");
      RoundReport remembered = history.get(0);
      assertEquals(round.valBefore(), remembered.valBefore(), 1e-9);
      assertEquals(round.valAfter(), remembered.valAfter(), 1e-9);
      assertEquals(round.added(), remembered.added());
      assertEquals(round.kept(), remembered.kept());
      assertEquals(round.fixed(), remembered.fixed());
      assertEquals(round.appeared(), remembered.appeared());

      if (round.kept()) {
        List<ImageRow> added = ws.images().stream().filter(r -> r.addedByOp().isPresent()).toList();
        assertEquals(round.added(), added.size());
        for (ImageRow r : added) {
          assertEquals(Split.TRAIN, r.split().orElseThrow());
          assertTrue(r.path().startsWith("train/" + r.label() + "/boost-r1-"), r.path());
          String why = r.provenance().orElseThrow();
          assertTrue(why.contains("boost round 1") && why.contains("serves val/"), why);
          assertTrue(why.contains("aug-v1"), why);
        }
        RunRecord run = ws.runs().latest().orElseThrow();
        assertEquals(BoostService.KIND_ROUND, run.kind());
        assertEquals(Long.toString(round.opId()), run.parameters().get("boost.op"));
        assertFalse(before.equals(tree(data)));
        ws.undo();
        assertFalse(BoostHistory.rounds(ws).get(0).kept(), "undone by the user");
      } else {
        assertTrue(report.stopReason().contains("no gain"), report.stopReason());
      }
    }
    assertEquals(before, tree(data), "the dataset is byte-for-byte as before");
  }

  @Test
  void cancellingWhileRetrainingUndoesTheRoundsWrite() throws Exception {
    Path data = sample();
    Map<String, String> before = tree(data);
    Progress cancelAfterWrite =
        new Progress() {
          private boolean written;
          private boolean cancel;

          @Override
          public void update(String stage, long done, long total) {
            written |= stage.equals(BoostService.WRITE_STAGE) && done == total && total > 0;
            cancel |= written && stage.contains("epoch");
          }

          @Override
          public boolean isCancelled() {
            return cancel;
          }
        };
    try (Workspace ws = open(data)) {
      assertThrows(
          CancelledException.class,
          () ->
              new BoostService(new DatasetScanner())
                  .boost(ws, options(1, false), cancelAfterWrite));
      List<HistoryEntry> history = ws.history();
      assertEquals(OpKind.UNDO, history.get(history.size() - 1).kind(), "the round was undone");
      assertTrue(ws.images().stream().noneMatch(r -> r.addedByOp().isPresent() && !r.trashed()));
    }
    assertEquals(before, tree(data));
  }

  @Test
  void theRandomAblationIsTrainedReportedAndUndone() throws Exception {
    Path data = sample();
    Map<String, String> before = tree(data);
    try (Workspace ws = open(data)) {
      BoostReport report =
          new BoostService(new DatasetScanner()).boost(ws, options(1, true), Progress.NONE);
      RoundReport round = report.rounds().get(0);
      assertTrue(round.randomValAfter().isPresent());
      assertTrue(round.randomRunId().isPresent());
      List<HistoryEntry> adds = ws.history().stream().filter(h -> h.kind() == OpKind.ADD).toList();
      assertEquals(2, adds.size(), "the ablation's edit, then the round's");
      assertTrue(adds.get(0).undone(), "the ablation is undone");
      assertTrue(adds.get(0).description().contains("random"));
      assertEquals(
          1,
          ws.runs().list().stream().filter(r -> r.kind().equals(BoostService.KIND_RANDOM)).count());
      if (round.kept()) {
        ws.undo();
      }
    }
    assertEquals(before, tree(data));
  }

  @Test
  void theResplitKeepsEveryLabelsSplitSizesAndIsUndoable() throws Exception {
    Path data = sample();
    Map<String, String> before = tree(data);
    try (Workspace ws = open(data)) {
      var scanner = new DatasetScanner();
      var scanBefore = scanner.scan(data, Progress.NONE);
      int moved = new BoostService(scanner).resplit(ws, 3, Progress.NONE);
      assertTrue(moved > 0);
      var scanAfter = scanner.scan(data, Progress.NONE);
      assertEquals(scanBefore.counts(), scanAfter.counts());
      assertFalse(before.equals(tree(data)));
      ws.undo();
      ws.undo();
    }
    assertEquals(before, tree(data));
  }

  @Test
  void aReadOnlyDatasetIsRefusedBeforeAnyWork() throws Exception {
    Path data = sample();
    try (Workspace ws =
        Workspace.open(
            data,
            WorkspaceOptions.defaults().withDataDir(tmp.resolve("home")).withReadOnly(true))) {
      Exception e =
          assertThrows(
              Exception.class,
              () ->
                  new BoostService(new DatasetScanner())
                      .boost(ws, options(1, false), Progress.NONE));
      assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    }
  }
}
