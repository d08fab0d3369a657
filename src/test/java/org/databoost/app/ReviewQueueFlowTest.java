package org.databoost.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.databoost.app.boost.ReviewQueueViewModel.Decision;
import org.databoost.app.boost.ReviewQueueViewModel.Row;
import org.databoost.boost.CorpusProposal;
import org.databoost.boost.ReviewQueue;
import org.databoost.dataset.ContentHash;
import org.databoost.dataset.DatasetLayout;
import org.databoost.sample.NumeralCorpusGenerator;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The review queue of Boost from a corpus: single keys accept, relabel and reject before any file
 * is added; Add copies the accepted ones into train/ as one edit, which undo takes back (they wait
 * in the queue again). The flow leaves target/screenshots/item17-review-queue.png.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewQueueFlowTest {
  @TempDir static Path tmp;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private Wiring wiring;
  private Scene scene;

  @Start
  void start(Stage stage) {
    wiring = WindowModels.create(tmp, background);
    scene = WindowModels.showAtDefaultSize(stage, wiring, tmp);
  }

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  private <T extends Node> T find(FxRobot robot, String id, Class<T> type) {
    return robot.from(scene.getRoot()).lookup(id).queryAs(type);
  }

  @Test
  @SuppressWarnings("unchecked")
  void keysDecideTheQueuedCorpusImagesAndAddAddsTheAcceptedOnesAsOneUndoableEdit(FxRobot robot)
      throws Exception {
    Path data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(6, 3, 1), Progress.NONE);
    Path corpus = tmp.resolve("corpus");
    new NumeralCorpusGenerator(40, 64).generate(corpus, 5, 3, 1, Progress.NONE);
    // The queue as Boost --corpus leaves it (without --auto-accept-above).
    List<CorpusProposal> proposals = new ArrayList<>();
    String[] served = {"val/i", "val/ii", "val/iii", "val/iv", "val/v"};
    for (int i = 0; i < 5; i++) {
      String rel = NumeralCorpusGenerator.path(i);
      Path file = corpus.resolve(rel);
      String serves;
      try (var s = Files.list(data.resolve(served[i]))) {
        serves = data.relativize(s.sorted().findFirst().orElseThrow()).toString();
      }
      proposals.add(
          new CorpusProposal(
              1,
              "rendered",
              i,
              rel,
              file,
              ContentHash.of(file),
              serves,
              2.5 - i * 0.1,
              0.9f - i * 0.01f,
              rel.substring(0, rel.indexOf('/')),
              CorpusProposal.FROM_CORPUS,
              1.0));
    }
    Path state = Files.createDirectories(data.resolve(DatasetLayout.STATE_DIR));
    ReviewQueue queue = ReviewQueue.load(state);
    queue.replacePending("rendered", proposals);
    queue.save();

    WindowModels.doAndWait(robot, wiring, () -> wiring.summary().open(data));
    robot.interact(
        () ->
            ((TabPane) scene.getRoot().lookup(".tab-pane"))
                .getSelectionModel()
                .select(
                    ((TabPane) scene.getRoot().lookup(".tab-pane"))
                        .getTabs().stream()
                            .filter(t -> "review-tab".equals(t.getId()))
                            .findFirst()
                            .orElseThrow()));
    TableView<Row> table = find(robot, "#review-table", TableView.class);
    assertEquals(5, table.getItems().size(), "the queue is shown");
    robot.interact(
        () -> {
          table.getSelectionModel().select(0);
          table.requestFocus();
        });
    robot.type(KeyCode.A); // accept row 0 as proposed (i)
    robot.type(KeyCode.DIGIT3); // row 1: accept as the third label, iii
    robot.type(KeyCode.DELETE); // row 2: reject
    assertEquals(Decision.ACCEPT, table.getItems().get(0).decisionProperty().get());
    assertEquals(Decision.ACCEPT, table.getItems().get(1).decisionProperty().get());
    assertEquals("iii", table.getItems().get(1).labelProperty().get());
    assertEquals(Decision.REJECT, table.getItems().get(2).decisionProperty().get());
    assertEquals(Decision.UNDECIDED, table.getItems().get(3).decisionProperty().get());
    assertEquals(3, table.getSelectionModel().getSelectedIndex(), "each key moves on");
    assertFalse(
        Files.exists(data.resolve("train/i").resolve(proposals.get(0).fileName())),
        "nothing is added before Add");
    robot.sleep(400); // the pictures load in the background
    Screenshots.save(robot, scene, "item17-review-queue");

    int edits = wiring.images().history().size();
    Button add = find(robot, "#review-apply", Button.class);
    WindowModels.doAndWait(robot, wiring, add::fire);
    String status = wiring.session().statusProperty().get();
    assertEquals(edits + 1, wiring.images().history().size(), status);
    Path first = data.resolve("train/i").resolve(proposals.get(0).fileName());
    Path second = data.resolve("train/iii").resolve(proposals.get(1).fileName());
    assertEquals(proposals.get(0).sha256(), ContentHash.of(first), status);
    assertEquals(proposals.get(1).sha256(), ContentHash.of(second));
    assertTrue(wiring.images().row("train/iii/" + proposals.get(1).fileName()).isPresent());
    assertEquals(2, table.getItems().size(), "accepted and rejected leave the queue");
    assertEquals(2, ReviewQueue.load(state).pending().size());
    assertEquals(1, ReviewQueue.load(state).rejectedRows("rendered").size());

    WindowModels.doAndWait(robot, wiring, () -> wiring.images().edits().undo());
    assertEquals(4, table.getItems().size(), "undone: the two accepted images wait again");
    assertTrue(
        table.getItems().stream()
            .anyMatch(r -> r.proposal().row() == 1 && r.labelProperty().get().equals("iii")),
        "as the reviewer chose");
    assertFalse(Files.exists(first), "undo takes the added copies back");
    assertFalse(Files.exists(second));
    assertTrue(Files.exists(proposals.get(0).file()), "the corpus is never changed");
  }
}
