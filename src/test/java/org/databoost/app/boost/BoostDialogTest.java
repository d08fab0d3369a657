package org.databoost.app.boost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.databoost.app.Screenshots;
import org.databoost.app.WindowModels;
import org.databoost.app.Wiring;
import org.databoost.app.common.Services;
import org.databoost.boost.BoostOptions;
import org.databoost.boost.BoostReport;
import org.databoost.boost.BoostService;
import org.databoost.boost.CorpusProposal;
import org.databoost.boost.CorpusReview;
import org.databoost.boost.CorpusSource;
import org.databoost.corpus.Corpus;
import org.databoost.corpus.CorpusEmbedding;
import org.databoost.corpus.CorpusRegistry;
import org.databoost.corpus.DiskSpace;
import org.databoost.dataset.DatasetScanner;
import org.databoost.embedding.Embedder;
import org.databoost.embedding.Embedders;
import org.databoost.sample.NumeralCorpusGenerator;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Boost dialog's candidate source headless: without a registered corpus the pool is the only
 * choice and the dialog says why; with one, a corpus is chosen, queued for review or auto-accepted
 * at a checked confidence, and Boost from it fills the review queue. The flow leaves
 * target/screenshots/item17-boost-dialog-corpus.png.
 */
@ExtendWith(ApplicationExtension.class)
class BoostDialogTest {
  @TempDir static Path tmp;

  private static final TrainingConfig TINY =
      TrainingConfig.quick().withEpochs(2).withThreads(1).withBatchSize(16);

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final AtomicReference<CorpusSource> asked = new AtomicReference<>();
  private Stage stage;
  private Wiring wiring;
  private Corpus corpus;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  /** The real Boost, trained tiny, on a registry in the test's folder; records its corpus. */
  private Services services(List<Corpus> corpora) {
    BoostService real = new BoostService(new DatasetScanner());
    Services.Boosting boosting =
        new Services.Boosting() {
          @Override
          public BoostReport boost(Workspace ws, BoostOptions o, Progress progress)
              throws Exception {
            return real.boost(ws, tiny(o), progress);
          }

          @Override
          public BoostReport boost(
              Workspace ws, BoostOptions o, CorpusSource source, Progress progress)
              throws Exception {
            asked.set(source);
            return real.boost(ws, tiny(o), source, progress);
          }

          @Override
          public List<Corpus> corpora() {
            return corpora;
          }
        };
    Services known = org.databoost.app.TestServices.withKnownRuns();
    return new Services(known.evaluation(), boosting, known.mapping(), known.similarity());
  }

  private static BoostOptions tiny(BoostOptions o) {
    return new BoostOptions(
        o.candidates(),
        o.k(),
        1,
        o.budget(),
        o.embedder(),
        TINY,
        o.compareRandom(),
        o.resplit(),
        o.seed(),
        o.duplicateThreshold(),
        o.augmentationStrength());
  }

  private Scene show(FxRobot robot, BoostDialog dialog) {
    Scene[] scene = new Scene[1];
    robot.interact(
        () -> {
          scene[0] = new Scene(dialog.content(), 900, 600);
          stage.setScene(scene[0]);
          stage.show();
        });
    return scene[0];
  }

  private static <T extends Node> T find(FxRobot robot, Scene scene, String id, Class<T> type) {
    return robot.from(scene.getRoot()).lookup(id).queryAs(type);
  }

  @Test
  void withoutACorpusThePoolIsTheOnlySourceAndTheDialogSaysWhy(FxRobot robot) {
    BoostDialog dialog = new BoostDialog(BoostForm.defaults(), List.of(), "");
    Scene scene = show(robot, dialog);
    assertTrue(find(robot, scene, "#boost-source", ComboBox.class).isDisabled());
    String note = find(robot, scene, "#boost-source-note", Label.class).getText();
    assertTrue(note.contains("No corpus is registered") && note.contains("corpus add"), note);
    assertTrue(find(robot, scene, "#boost-review", RadioButton.class).isDisabled());
    assertTrue(find(robot, scene, "#boost-auto", RadioButton.class).isDisabled());
    assertFalse(find(robot, scene, "#boost-candidates", ComboBox.class).isDisabled());
    BoostForm.Request r = dialog.form().request();
    assertEquals("", r.corpus());
    assertTrue(r.autoAcceptAbove().isEmpty());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aChosenCorpusIsQueuedForReviewOrAutoAcceptedAtACheckedConfidence(FxRobot robot)
      throws Exception {
    Path data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(6, 3, 1), Progress.NONE);
    Path images = tmp.resolve("corpus-images");
    new NumeralCorpusGenerator(32, 64).generate(images, 200, 11, 2, Progress.NONE);
    CorpusRegistry registry = new CorpusRegistry(tmp.resolve("corpora"));
    corpus =
        registry.add("rendered", images, CorpusRegistry.Labels.parse("auto"), 64, Progress.NONE);
    try (Embedder e = Embedders.byName("glyph")) {
      new CorpusEmbedding(DiskSpace.REAL).run(corpus, e, false, Progress.NONE);
    }
    wiring =
        Wiring.create(
            services(registry.list()),
            WorkspaceOptions.defaults().withDataDir(tmp.resolve("home")),
            tmp.resolve("sample"),
            background,
            Platform::runLater);
    List<CorpusChoice> choices = List.of(CorpusChoice.of(corpus));
    assertEquals(
        "rendered — 200 images, labels from folders, embedded by glyph-v3", choices.get(0).line());
    BoostDialog dialog = new BoostDialog(BoostForm.defaults(), choices, "");
    Scene scene = show(robot, dialog);
    ComboBox<Object> source = find(robot, scene, "#boost-source", ComboBox.class);
    assertFalse(source.isDisabled());
    assertEquals("", find(robot, scene, "#boost-source-note", Label.class).getText());
    assertTrue(find(robot, scene, "#boost-review", RadioButton.class).isDisabled(), "pool first");

    // Choose the corpus as a person does: open the list, click its line.
    robot.clickOn(source);
    robot.clickOn(choices.get(0).line());
    assertEquals(choices.get(0), source.getValue());
    RadioButton review = find(robot, scene, "#boost-review", RadioButton.class);
    assertFalse(review.isDisabled());
    assertTrue(review.isSelected(), "queue for review is the default");
    assertTrue(find(robot, scene, "#boost-candidates", ComboBox.class).isDisabled(), "pool only");
    assertTrue(find(robot, scene, "#boost-auto-accept", TextField.class).isDisabled());
    assertEquals(
        new BoostForm.Request(dialog.form().options(), "rendered", OptionalDouble.empty()),
        dialog.form().request());

    robot.clickOn("#boost-auto");
    TextField q = find(robot, scene, "#boost-auto-accept", TextField.class);
    assertFalse(q.isDisabled());
    robot.interact(q::clear);
    robot.clickOn(q).write("1.5");
    Label problem = find(robot, scene, "#boost-problem", Label.class);
    assertTrue(problem.getText().startsWith("Auto-accept confidence:"), problem.getText());
    robot.interact(q::clear);
    robot.clickOn(q).write("0.95");
    assertEquals("", problem.getText());
    assertEquals(OptionalDouble.of(0.95), dialog.form().request().autoAcceptAbove());
    assertEquals(List.of(), Screenshots.clippedTexts(robot, scene.getRoot()), "nothing cut off");
    Path shot = Screenshots.save(robot, scene, "item17-boost-dialog-corpus");
    assertNotNull(shot);

    // Back to review, and Boost from the corpus: nothing is added, the queue fills.
    robot.clickOn("#boost-review");
    BoostForm.Request request = dialog.form().request();
    WindowModels.doAndWait(robot, wiring, () -> wiring.images().open(data));
    // Then the embeddings-only checks run in a job of their own.
    WaitForAsyncUtils.waitFor(
        120,
        TimeUnit.SECONDS,
        () -> wiring.session().workspace().isPresent() && !wiring.session().busyProperty().get());
    WindowModels.doAndWait(
        robot,
        wiring,
        () ->
            wiring.images().boost(request.options(), request.corpus(), request.autoAcceptAbove()));
    String status = wiring.session().statusProperty().get();
    assertNotNull(asked.get(), status);
    assertEquals("rendered", asked.get().corpus().name());
    assertTrue(asked.get().autoAcceptAbove().isEmpty());
    assertTrue(status.contains("wait for review"), status);
    List<CorpusProposal> queued = CorpusReview.pending(wiring.session().workspace().orElseThrow());
    assertFalse(queued.isEmpty(), status);
  }
}
