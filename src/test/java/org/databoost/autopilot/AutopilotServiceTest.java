package org.databoost.autopilot;

import static org.databoost.workspace.Fixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.Split;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.HistoryEntry;
import org.databoost.workspace.OpKind;
import org.databoost.workspace.ReadOnlyDatasetException;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The autopilot end to end on a tiny generated dataset with a two-epoch model. */
class AutopilotServiceTest {
  @TempDir Path tmp;

  private static final TrainingConfig TINY =
      TrainingConfig.quick().withEpochs(2).withThreads(1).withBatchSize(16);

  /** Every step on, normalisation too; 8 train + 4 val + 1 label book per label (130 images). */
  static AutopilotOptions everything(int budget) {
    return AutopilotOptions.defaults()
        .withStep('c', true)
        .withTraining(TINY)
        .withBudget(budget)
        .withBoost(1, 3, 800);
  }

  private Path sample() throws Exception {
    Path data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(8, 4, 1), Progress.NONE);
    Files.deleteIfExists(data.resolve("sample-truth.csv"));
    return data;
  }

  private Workspace open(Path data) throws Exception {
    return Workspace.open(data, WorkspaceOptions.defaults().withDataDir(tmp.resolve("home")));
  }

  private static AutopilotService service() {
    return new AutopilotService(new DatasetScanner(), new EmbeddingVerdicts(3));
  }

  @Test
  void stepCCountsOnlyImagesWithInkAndSaysHowManyItLeavesAlone() throws Exception {
    Path data = sample();
    BufferedImage blank = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = blank.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 40, 40);
    g.dispose();
    ImageIO.write(blank, "png", data.resolve("train/i/blank-page.png").toFile());
    AutopilotOptions o =
        everything(240)
            .withStep('a', false)
            .withStep('b', false)
            .withStep('d', false)
            .withStep('e', false)
            .withStep('f', false);
    try (Workspace ws = open(data)) {
      AutopilotPlan plan = service().plan(ws, o, Progress.NONE);
      PlanStep c = plan.steps().get(2);
      int trainVal = plan.before().get(Split.TRAIN) + plan.before().get(Split.VAL);
      assertEquals(trainVal - 1, c.count(), "the blank page gets no new version");
      assertTrue(c.summary().contains("1 image without ink is left as it is"), c.summary());
      AutopilotReport report = service().run(ws, plan, Progress.NONE, r -> {});
      assertEquals(c.count(), report.step('c').changed());
    }
  }

  @Test
  void everyStepIsOneEditAndUndoingTheWholeRunRestoresTheTreeByteForByte() throws Exception {
    Path data = sample();
    Map<String, String> before = tree(data);
    try (Workspace ws = open(data)) {
      AutopilotPlan plan = service().plan(ws, everything(240), Progress.NONE);
      assertEquals(before, tree(data), "planning changes nothing");
      assertEquals(
          List.of('a', 'b', 'c', 'd', 'e', 'f'),
          plan.steps().stream().map(PlanStep::letter).toList());
      List<StepResult> heard = new ArrayList<>();
      AutopilotReport report = service().run(ws, plan, Progress.NONE, heard::add);
      assertEquals(report.steps(), heard);
      assertTrue(report.step('c').ran() && report.step('d').ran() && report.step('e').ran());
      for (StepResult s : report.steps()) {
        if (s.letter() != 'f') {
          assertTrue(s.opIds().size() <= 1, s.letter() + " made one edit at most");
        }
      }
      long c = report.step('c').opIds().get(0);
      try (Stream<Path> trash = Files.walk(data.resolve(".databoost/trash/" + c))) {
        assertEquals(
            trash.filter(Files::isRegularFile).count(),
            report.step('c').changed(),
            "c counts images, one original in the trash each, not file moves");
      }
      assertEquals(plan.steps().get(2).count(), report.step('c').changed(), "c ran as planned");
      assertTrue(
          plan.steps().get(2).examples().stream().allMatch(PlanStep.Example::hasPreview),
          "the review shows step c's crops, not the originals");
      int e = plan.fill().items().size();
      assertEquals(e, report.step('e').changed(), "the fill ran as planned");
      List<HistoryEntry> kept =
          ws.history().stream().filter(h -> h.kind().isUserEdit() && !h.undone()).toList();
      assertEquals(report.opIds(), kept.stream().map(HistoryEntry::id).toList());
      assertTrue(kept.stream().anyMatch(h -> h.kind() == OpKind.REPLACE));
      int scanned = new DatasetScanner().scan(data, Progress.NONE).count(Split.TRAIN);
      assertTrue(scanned + new DatasetScanner().scan(data, Progress.NONE).count(Split.VAL) <= 240);

      assertEquals(report.opIds().size(), AutopilotService.undoLatestRun(ws));
      assertEquals(before, tree(data), "every file and folder as before, byte for byte");
      assertFalse(ws.canUndo());
    }
  }

  @Test
  void aBudgetBelowTheCleanedDatasetAddsNothingAndSaysSo() throws Exception {
    Path data = sample();
    try (Workspace ws = open(data)) {
      AutopilotOptions o = everything(50).withStep('f', false).withStep('c', false);
      AutopilotPlan plan = service().plan(ws, o, Progress.NONE);
      assertTrue(plan.fill().items().isEmpty());
      assertTrue(
          plan.warnings().stream()
              .anyMatch(w -> w.contains("not above") && w.contains("nothing is added")),
          plan.warnings().toString());
      AutopilotReport report = service().run(ws, plan, Progress.NONE, s -> {});
      assertFalse(report.step('e').ran());
      assertTrue(report.step('e').note().contains("nothing is added"), report.step('e').note());
      assertTrue(ws.history().stream().noneMatch(h -> h.kind() == OpKind.ADD));
    }
  }

  @Test
  void aReadOnlyDatasetIsRefusedBeforeAnyWork() throws Exception {
    Path data = sample();
    try (Workspace ws =
        Workspace.open(
            data,
            WorkspaceOptions.defaults().withReadOnly(true).withDataDir(tmp.resolve("home")))) {
      List<String> stages = new ArrayList<>();
      Progress recorder =
          new Progress() {
            @Override
            public void update(String stage, long done, long total) {
              stages.add(stage);
            }

            @Override
            public boolean isCancelled() {
              return false;
            }
          };
      ReadOnlyDatasetException e =
          assertThrows(
              ReadOnlyDatasetException.class, () -> service().plan(ws, everything(240), recorder));
      assertTrue(e.getMessage().contains("read-only"), e.getMessage());
      assertTrue(stages.isEmpty(), "no work began: " + stages);
    }
  }

  @Test
  void aCancelDuringTheFillKeepsTheEarlierStepsAndLeavesNothingOfTheFill() throws Exception {
    Path data = sample();
    Map<String, String> before = tree(data);
    try (Workspace ws = open(data)) {
      AutopilotPlan plan = service().plan(ws, everything(240), Progress.NONE);
      Progress cancelInFill =
          new Progress() {
            boolean filling;

            @Override
            public void update(String stage, long done, long total) {
              filling |= stage.equals(FillRenderer.STAGE);
            }

            @Override
            public boolean isCancelled() {
              return filling;
            }
          };
      List<StepResult> done = new ArrayList<>();
      assertThrows(
          CancelledException.class, () -> service().run(ws, plan, cancelInFill, done::add));
      assertEquals(List.of('a', 'b', 'c', 'd'), done.stream().map(StepResult::letter).toList());
      assertTrue(ws.images().stream().noneMatch(r -> r.path().contains("/fill-")));
      long edits = ws.history().stream().filter(h -> h.kind().isUserEdit()).count();
      assertEquals(done.stream().mapToLong(s -> s.opIds().size()).sum(), edits);
      AutopilotService.undoLatestRun(ws);
      assertEquals(before, tree(data));
    }
  }

  /**
   * A cancel that arrives inside a step (at its first progress report, after every earlier step
   * finished): the finished steps stay as edits, the cancelled step leaves no file and no edit, and
   * undoing the run restores the original tree.
   */
  @ParameterizedTest
  @ValueSource(chars = {'a', 'b', 'c', 'd', 'e', 'f'})
  void aCancelInsideAnyStepKeepsTheFinishedStepsAndLeavesNothingOfTheCancelledOne(char step)
      throws Exception {
    Path data = sample();
    Map<String, String> before = tree(data);
    try (Workspace ws = open(data)) {
      AutopilotPlan plan = service().plan(ws, everything(240), Progress.NONE);
      AtomicBoolean armed = new AtomicBoolean(step == 'a');
      AtomicInteger reportsSinceArmed = new AtomicInteger();
      Progress cancelInside =
          new Progress() {
            @Override
            public void update(String stage, long done, long total) {
              if (armed.get()) {
                reportsSinceArmed.incrementAndGet();
              }
            }

            @Override
            public boolean isCancelled() {
              return armed.get() && reportsSinceArmed.get() > 0;
            }
          };
      AtomicReference<Map<String, String>> afterFinished = new AtomicReference<>(before);
      List<StepResult> done = new ArrayList<>();
      assertThrows(
          CancelledException.class,
          () ->
              service()
                  .run(
                      ws,
                      plan,
                      cancelInside,
                      r -> {
                        done.add(r);
                        afterFinished.set(treeUnchecked(data));
                        if (r.letter() == step - 1) {
                          armed.set(true);
                        }
                      }));
      assertEquals(
          "abcdef".substring(0, step - 'a'),
          done.stream().map(r -> String.valueOf(r.letter())).reduce("", String::concat),
          "the steps before " + step + " finished, " + step + " did not");
      assertTrue(reportsSinceArmed.get() > 0, "the cancel came from inside step " + step);
      assertEquals(afterFinished.get(), tree(data), "step " + step + " left nothing behind");
      long edits = ws.history().stream().filter(h -> h.kind().isUserEdit() && !h.undone()).count();
      assertEquals(done.stream().mapToLong(r -> r.opIds().size()).sum(), edits);
      AutopilotService.undoLatestRun(ws);
      assertEquals(before, tree(data), "undo of the finished steps restores every byte");
    }
  }

  @Test
  void labelsThatAreNotRomanNumeralsGetGenericTransformsOnly() throws Exception {
    Path data = sample();
    for (String split : List.of("train", "val", "label_book")) {
      try (Stream<Path> labels = Files.list(data.resolve(split))) {
        for (Path label : labels.toList()) {
          Files.move(label, label.resolveSibling("class-" + label.getFileName()));
        }
      }
    }
    try (Workspace ws = open(data)) {
      AutopilotOptions o = everything(240).withStep('f', false).withStep('c', false);
      AutopilotPlan plan = service().plan(ws, o, Progress.NONE);
      assertTrue(plan.flips().isEmpty(), "no mirror was even checked: " + plan.flips());
      assertTrue(
          plan.warnings().stream().anyMatch(w -> w.contains("only generic transforms")),
          plan.warnings().toString());
      assertFalse(plan.fill().items().isEmpty(), "the fill still adds generic augmentations");
      assertEquals(0, plan.fill().mirrored(), "none of them mirrored");
      AutopilotReport report = service().run(ws, plan, Progress.NONE, s -> {});
      assertEquals(plan.fill().items().size(), report.step('e').changed());
    }
  }

  private static Map<String, String> treeUnchecked(Path data) {
    try {
      return tree(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
