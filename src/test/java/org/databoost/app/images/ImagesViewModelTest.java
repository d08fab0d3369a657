package org.databoost.app.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.databoost.app.TestServices;
import org.databoost.app.common.Services;
import org.databoost.app.common.Session;
import org.databoost.boost.BoostService;
import org.databoost.dataset.Split;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.ImageFact;
import org.databoost.workspace.NewImage;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image table's view-model on the calling thread, without the JavaFX toolkit and without
 * training: the evaluation service handed in keeps a known run ({@link TestServices}).
 */
class ImagesViewModelTest {
  @TempDir Path tmp;
  private Path data;
  private Session session;
  private ImagesViewModel vm;
  private Services services;
  private final AtomicInteger checks = new AtomicInteger();

  @BeforeEach
  void open() throws Exception {
    data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(6, 3, 1), Progress.NONE);
    services =
        new Services(
            (ws, config, progress) -> {
              progress.checkCancelled();
              TestServices.keepKnownRun(ws, config.preset(), config.folds());
            },
            (ws, options, progress) -> {
              throw new UnsupportedOperationException("not in these tests");
            },
            (ws, progress) -> List.of(),
            (ws, progress) -> {
              checks.incrementAndGet();
              ws.facts()
                  .replace(
                      "glyph-v3",
                      ws.images().stream().map(r -> new ImageFact(r.hash(), -1, 0.25)).toList());
            });
    session =
        new Session(Runnable::run, Runnable::run, WorkspaceOptions.defaults().withDataDir(tmp));
    vm = new ImagesViewModel(session, services);
    vm.open(data);
  }

  @AfterEach
  void close() {
    session.close();
  }

  private void evaluate() {
    vm.evaluate(TrainingConfig.quick().withFolds(3).withThreads(1));
  }

  private ImageItem row(String path) {
    return vm.allRows().stream().filter(i -> i.path().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void opensOneRowPerImageAndChecksThemFromTheEmbeddingsAlone() {
    assertEquals(100, vm.rows().size());
    assertTrue(vm.rows().stream().allMatch(i -> i.predicted().isEmpty()));
    assertTrue(vm.headlineProperty().get().startsWith("No run yet"));
    assertFalse(session.busyProperty().get());
    assertEquals(1, checks.get(), "the embeddings-only check ran once, before any model");
    assertTrue(
        vm.allRows().stream().allMatch(i -> i.outlier() == 0.25),
        String.valueOf(session.failureProperty().get()));
    vm.open(data);
    assertEquals(1, checks.get(), "the facts are kept: a second open does not check again");
  }

  @Test
  void quickFiltersNarrowTheRowsAndOfferOnlyWhatTheDatasetHas() {
    assertEquals(List.of("train", "val", "label_book"), vm.splits(), "the sample has no test/");
    assertEquals(10, vm.labelCount("iv"), "6 train + 3 val + 1 label_book");
    vm.filters().splitProperty().set("val");
    assertEquals(30, vm.rows().size());
    vm.filters().labelProperty().set("iv");
    assertEquals(3, vm.rows().size(), "3 val images per label");
    vm.filters().searchProperty().set("no such name");
    assertEquals(0, vm.rows().size());
    vm.filters().showBoostAddedOnly();
    assertEquals("", vm.filters().splitProperty().get(), "Show added images resets the rest");
    assertEquals("", vm.filters().searchProperty().get());
    assertEquals(0, vm.rows().size(), "nothing was added by Boost");
    vm.filters().reset();
    assertEquals(100, vm.rows().size());
  }

  @Test
  void evaluateShowsTheRunWithItsAccuraciesNamed() {
    evaluate();
    assertTrue(
        vm.headlineProperty().get().matches("Run #1 \\(quick preset\\): val accuracy .*"),
        vm.headlineProperty().get());
    assertTrue(vm.headlineProperty().get().contains("train accuracy 80.0% (out of sample"));
    assertTrue(vm.allRows().stream().noneMatch(i -> i.predicted().isEmpty()));
    assertEquals(1, vm.runs().size());
    assertTrue(session.statusProperty().get().startsWith("Evaluated: val accuracy"));
  }

  @Test
  void acceptingASuggestionResolvesTheFlagMovesOnAndUndoPutsItBack() {
    evaluate();
    vm.filters().flaggedOnlyProperty().set(true);
    List<ImageItem> flagged = List.copyOf(vm.rows());
    assertTrue(flagged.size() >= 3, flagged.size() + " flagged");
    ImageItem first = flagged.get(0);
    String suggested = first.suggestion().label();
    vm.edits().acceptSuggestions(List.of(first));

    String moved = first.path().replace("/" + first.given() + "/", "/" + suggested + "/");
    ImageItem now = row(moved);
    assertTrue(now.editedSinceRun());
    assertEquals("resolved (label error)", now.issueText());
    assertEquals(flagged.get(1).path(), vm.requestedPathProperty().get(), "on to the next row");
    assertTrue(
        vm.headlineProperty().get().endsWith("— out of date: 1 edit since"),
        vm.headlineProperty().get());

    vm.edits().undo();
    assertFalse(row(first.path()).editedSinceRun());
    assertEquals(first.path(), vm.requestedPathProperty().get(), "undo shows what it put back");
    assertFalse(vm.headlineProperty().get().contains("out of date"), "matches the journal again");
  }

  @Test
  void keepingALabelDismissesTheFlagAndUndoAndRedoTakeItInTurnWithTheJournalsEdits()
      throws Exception {
    evaluate();
    vm.filters().flaggedOnlyProperty().set(true);
    List<ImageItem> flagged = List.copyOf(vm.rows());
    assertTrue(flagged.size() >= 3, flagged.size() + " flagged");
    ImageItem first = flagged.get(0);
    vm.edits().keepLabels(List.of(first));
    assertTrue(row(first.path()).keptFlag(), session.statusProperty().get());
    assertEquals("label kept (" + first.issue() + ")", row(first.path()).issueText());
    assertEquals(flagged.size() - 1, vm.rows().size(), "out of the Flagged filter");
    assertEquals(flagged.get(1).path(), vm.requestedPathProperty().get(), "on to the next row");
    assertTrue(session.statusProperty().get().startsWith("Kept the label of "));
    assertEquals(0, vm.history().size(), "no file changed: the journal is untouched");

    // A relabel after the keep: undo takes back the relabel first, then the keep; redo the other
    // way round.
    ImageItem second = row(flagged.get(1).path());
    vm.edits().acceptSuggestions(List.of(second));
    assertEquals(1, vm.history().size());
    vm.edits().undo();
    assertFalse(row(second.path()).editedSinceRun(), "the relabel undone first");
    assertTrue(row(first.path()).keptFlag(), "the keep still stands");
    vm.edits().undo();
    assertTrue(row(first.path()).flagged(), "then the keep: flagged again");
    assertEquals(first.path(), vm.requestedPathProperty().get(), "undo shows what it changed");
    assertTrue(session.statusProperty().get().startsWith("Undid keeping the label of 1 image"));
    vm.edits().redo();
    assertTrue(row(first.path()).keptFlag(), "redo keeps it again first");
    vm.edits().redo();
    assertEquals(3, vm.history().size(), "then the relabel is redone");
    assertTrue(vm.allRows().stream().anyMatch(i -> i.editedSinceRun()));

    // K again on a kept image brings the flag back; keeping survives a reopen.
    vm.edits().keepLabels(List.of(row(first.path())));
    assertTrue(row(first.path()).flagged());
    vm.edits().keepLabels(List.of(row(first.path())));
    vm.open(data);
    assertTrue(row(first.path()).keptFlag(), "kept across a reopen");

    // The exported run says which of its flags the user kept.
    Path xlsx = tmp.resolve("kept.xlsx");
    vm.export(xlsx, 1);
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet images = wb.getSheet("Images");
      List<String> kept = new ArrayList<>();
      for (int r = 1; r <= images.getLastRowNum(); r++) {
        Cell c = images.getRow(r).getCell(16);
        if (c != null && c.getStringCellValue().equals("yes")) {
          kept.add(images.getRow(r).getCell(1).getStringCellValue());
        }
      }
      assertEquals(List.of(first.path()), kept);
    }
  }

  @Test
  void undoInAnotherDatasetLeavesTheKeepOfTheFirstAlone() throws Exception {
    evaluate();
    ImageItem first = vm.allRows().stream().filter(ImageItem::flagged).findFirst().orElseThrow();
    vm.edits().keepLabels(List.of(first));
    Path other = tmp.resolve("other");
    new SampleDatasetGenerator()
        .generate(other, SampleSpec.defaults().withPerLabel(3, 1, 1).withSeed(5), Progress.NONE);
    vm.open(other);
    vm.edits().undo();
    assertFalse(
        session.statusProperty().get().startsWith("Undid keeping"), session.statusProperty().get());
    vm.open(data);
    assertTrue(row(first.path()).keptFlag(), "still kept in the first dataset");
  }

  @Test
  void aDatasetWithoutARunIsFlaggedFromTheEmbeddingsWhenOpenedOnceOnly() throws Exception {
    AtomicInteger flagged = new AtomicInteger();
    Services flagging =
        new Services(
            new Services.Evaluation() {
              @Override
              public void evaluate(Workspace ws, TrainingConfig config, Progress progress)
                  throws Exception {
                TestServices.keepKnownRun(ws, config.preset(), config.folds());
              }

              @Override
              public String flagsOnly(Workspace ws, long seed, Progress progress) throws Exception {
                flagged.incrementAndGet();
                TestServices.keepKnownRun(ws, "flags", "none", 0, java.util.Map.of());
                return "";
              }

              @Override
              public boolean flagsOnOpen() {
                return true;
              }
            },
            services.boosting(),
            services.mapping(),
            services.similarity());
    Path other = tmp.resolve("fresh");
    new SampleDatasetGenerator()
        .generate(other, SampleSpec.defaults().withPerLabel(3, 1, 1), Progress.NONE);
    ImagesViewModel opened = new ImagesViewModel(session, flagging);
    opened.open(other);
    assertEquals(1, flagged.get(), "flagged once, without training");
    assertEquals(1, opened.runs().size());
    assertTrue(opened.allRows().stream().anyMatch(ImageItem::flagged), "the flags are shown");
    opened.open(other);
    assertEquals(1, flagged.get(), "a dataset with a run is not flagged again on open");
    vm.open(data);
    assertEquals(0, vm.runs().size(), "a wiring without flags on open leaves the dataset alone");
  }

  @Test
  void keepingWithoutAFlagSaysWhy() {
    evaluate();
    ImageItem plain = vm.allRows().stream().filter(i -> !i.flagged()).findFirst().orElseThrow();
    vm.edits().keepLabels(List.of(plain));
    assertTrue(
        session.statusProperty().get().endsWith("is not flagged: there is no flag to dismiss."),
        session.statusProperty().get());
  }

  @Test
  void withoutAdvanceTheEditedImageStaysSelected() {
    evaluate();
    vm.edits().advanceProperty().set(false);
    ImageItem one = vm.rows().get(0);
    vm.edits().relabel(List.of(one), one.given().equals("x") ? "ix" : "x");
    assertTrue(vm.requestedPathProperty().get().endsWith(one.fileName()));
    assertFalse(vm.requestedPathProperty().get().equals(one.path()), "at its new place");
  }

  @Test
  void enterWithoutAUsableSuggestionSaysWhy() {
    ImageItem any = vm.rows().get(0);
    vm.edits().acceptSuggestions(List.of(any));
    assertTrue(session.statusProperty().get().contains("no prediction yet"));
    evaluate();
    ImageItem plain = vm.allRows().stream().filter(i -> !i.flagged()).findFirst().orElseThrow();
    vm.edits().acceptSuggestions(List.of(plain));
    assertTrue(
        session.statusProperty().get().contains("is not flagged"), session.statusProperty().get());
  }

  @Test
  void aBatchOfSuggestionsWithDifferentLabelsIsOneEdit() throws Exception {
    evaluate();
    List<ImageItem> flagged = vm.allRows().stream().filter(ImageItem::flagged).toList();
    List<ImageItem> two =
        List.of(
            flagged.get(0),
            flagged.stream()
                .filter(i -> !i.suggested().equals(flagged.get(0).suggested()))
                .findFirst()
                .orElseThrow());
    int before = vm.history().size();
    vm.edits().acceptSuggestions(two);
    assertEquals(before + 1, vm.history().size(), "one journaled edit");
    assertEquals(2, vm.history().get(vm.history().size() - 1).fileCount());
    assertTrue(session.statusProperty().get().startsWith("Accepted 2 suggestions"));
    List<String> labels =
        vm.allRows().stream().filter(ImageItem::editedSinceRun).map(ImageItem::given).toList();
    assertEquals(2, labels.size());

    vm.edits().delete(two.stream().map(i -> row(relabelled(i))).toList());
    assertEquals(98, vm.allRows().size());
    assertTrue(session.statusProperty().get().startsWith("Moved 2 images to the trash"));
  }

  private static String relabelled(ImageItem i) {
    return i.path().replace("/" + i.given() + "/", "/" + i.suggested() + "/");
  }

  @Test
  void exportWritesTheChosenRunAndWithoutARunSaysWhy() throws Exception {
    vm.export(tmp.resolve("none.xlsx"), 1);
    assertTrue(session.statusProperty().get().contains("no run #1"));
    assertFalse(Files.exists(tmp.resolve("none.xlsx")));
    assertTrue(session.failureProperty().get().what().startsWith("Exporting"));

    evaluate();
    evaluate();
    Path xlsx = tmp.resolve("out.xlsx");
    vm.export(xlsx, 1);
    assertTrue(Files.size(xlsx) > 0, session.statusProperty().get());
    assertTrue(session.statusProperty().get().startsWith("Exported run #1"));
  }

  @Test
  void theRunPickerShowsAnOlderRun() {
    evaluate();
    ImageItem one = vm.rows().get(0);
    vm.edits().relabel(List.of(one), one.given().equals("x") ? "ix" : "x");
    evaluate();
    assertEquals(2, vm.shownRunProperty().get().id());
    vm.showRun(1);
    assertEquals(1, vm.shownRunProperty().get().id());
    assertTrue(vm.headlineProperty().get().contains("out of date: 1 edit since"));
    vm.edits().undo();
    assertEquals(1, vm.shownRunProperty().get().id(), "the chosen run stays");
    assertFalse(vm.headlineProperty().get().contains("out of date"));
  }

  @Test
  void aCancelledEvaluationChangesNothing() {
    session.cancel(); // nothing running: harmless
    session
        .taskProperty()
        .addListener(
            (o, old, task) -> {
              if (task != null) {
                task.cancel();
              }
            });
    evaluate();
    assertEquals(Session.CANCELLED, session.statusProperty().get());
    assertTrue(vm.runs().isEmpty());
    assertTrue(vm.headlineProperty().get().startsWith("No run yet"));
  }

  /**
   * Both processes of a Boost job killed between writing a round and retraining on it (kill -9):
   * the next open lists the round for the Boost tab as "added, not retrained", until it is undone.
   */
  @Test
  void aBoostRoundWrittenButNeverRetrainedIsListedForTheBoostTabUntilUndone() throws Exception {
    assertTrue(vm.boostUnchecked().isEmpty());
    session.close();
    byte[] png = Files.readAllBytes(data.resolve(vm.allRows().get(0).path()));
    WorkspaceOptions options = WorkspaceOptions.defaults().withDataDir(tmp);
    try (Workspace ws = Workspace.open(data, options)) {
      ws.add(
          List.of(
              NewImage.fromBytes(png, Split.TRAIN, "i", "boost-a.png", "boost"),
              NewImage.fromBytes(png, Split.TRAIN, "ii", "boost-b.png", "boost")),
          BoostService.ROUND_PREFIX + "1: add 2 candidates for 2 validation errors",
          Progress.NONE);
    } // killed here: no retraining, no run
    session = new Session(Runnable::run, Runnable::run, options);
    vm = new ImagesViewModel(session, services);
    vm.open(data);
    assertEquals(1, vm.boostUnchecked().size(), vm.boostUnchecked().toString());
    String line = vm.boostUnchecked().get(0);
    assertTrue(line.contains("added, not retrained"), line);
    assertTrue(line.contains("2 images"), line);
    vm.edits().undo();
    assertTrue(vm.boostUnchecked().isEmpty(), vm.boostUnchecked().toString());
  }

  /** A typo in the window's "Another label…" never silently makes a new class. */
  @Test
  void aLabelTypedByNameThatNoImageHasIsOnlyCreatedWhenConfirmed() {
    ImageItem img = vm.allRows().stream().filter(i -> i.given().equals("iv")).findFirst().get();
    String name = img.fileName();
    List<String> asked = new ArrayList<>();
    vm.edits()
        .relabelByName(
            List.of(img),
            " vl ",
            (label, known) -> {
              asked.add(label + " " + known.size());
              return false;
            });
    assertEquals(List.of("vl 10"), asked, "asked once, with the labels there are");
    assertEquals("iv", byName(name).given(), "declined: nothing changed");
    assertFalse(vm.labels().contains("vl"));
    asked.clear();
    vm.edits().relabelByName(List.of(img), "v", (label, known) -> asked.add(label));
    assertEquals(List.of(), asked, "a label images have is not asked about");
    assertEquals("v", byName(name).given());
    vm.edits().relabelByName(List.of(byName(name)), "xi", (label, known) -> asked.add(label));
    assertEquals(List.of("xi"), asked);
    assertEquals("xi", byName(name).given(), "confirmed: the new label is made");
  }

  private ImageItem byName(String fileName) {
    return vm.allRows().stream().filter(i -> i.fileName().equals(fileName)).findFirst().get();
  }
}
