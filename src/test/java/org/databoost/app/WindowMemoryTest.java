package org.databoost.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.app.map.MapViewModel;
import org.databoost.app.settings.SettingsFile;
import org.databoost.app.settings.WorkbenchSettings;
import org.databoost.app.summary.DatasetSummaryViewModel;
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
import org.testfx.util.WaitForAsyncUtils;

/** The window comes back as it was left, and the Open button offers the recent datasets. */
@ExtendWith(ApplicationExtension.class)
class WindowMemoryTest {
  @TempDir static Path tmp;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private DatasetSummaryViewModel summary;
  private ImagesViewModel images;
  private WorkbenchSettings settings;
  private SettingsFile file;
  private Path data;
  private Scene scene;
  private Wiring wiring;

  @Start
  void start(Stage stage) throws Exception {
    data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(2, 1, 1), Progress.NONE);
    file = new SettingsFile(tmp.resolve("settings.properties"));
    Files.writeString(
        file.path(),
        String.join(
            "\n",
            "window.tab=summary-tab",
            "divider.images-split=0.6",
            "table.sort=File",
            "table.sortOrder=descending",
            "recent.0=" + data.toString().replace("\\", "\\\\"),
            "recent.1=" + tmp.resolve("gone").toString().replace("\\", "\\\\"),
            ""));
    wiring = WindowModels.create(tmp, background);
    Wiring models = wiring;
    summary = models.summary();
    images = models.images();
    MapViewModel map = models.map();
    settings = WorkbenchSettings.load(file);
    scene = new MainWindow(wiring, settings).show(stage);
  }

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  @Test
  void tabDividerAndSortComeBackAndARecentDatasetOpensFromTheMenu(FxRobot robot) throws Exception {
    assertEquals(
        "summary-tab",
        robot
            .from(scene.getRoot())
            .lookup(".tab-pane")
            .queryAs(TabPane.class)
            .getSelectionModel()
            .getSelectedItem()
            .getId());
    SplitPane split = robot.from(scene.getRoot()).lookup("#images-split").queryAs(SplitPane.class);
    assertEquals(0.6, split.getDividerPositions()[0], 0.02);

    SplitMenuButton open =
        robot.from(scene.getRoot()).lookup("#open-dataset").queryAs(SplitMenuButton.class);
    List<MenuItem> items = open.getItems();
    assertEquals(data.toString(), items.get(0).getText());
    assertFalse(items.get(0).isDisable());
    assertTrue(items.get(1).getText().endsWith("(missing)"), items.get(1).getText());
    assertTrue(items.get(1).isDisable());

    int before = wiring.session().finishedJobsProperty().get();
    robot.interact(() -> items.get(0).fire());
    WindowModels.awaitIdle(wiring.session(), before);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(data.toString(), summary.datasetPathProperty().get());
    TableView<?> table =
        robot.from(scene.getRoot()).lookup("#images-table").queryAs(TableView.class);
    TableColumn<?, ?> sortedBy = table.getSortOrder().get(0);
    assertEquals("File", sortedBy.getText());
    assertEquals(TableColumn.SortType.DESCENDING, sortedBy.getSortType());

    robot.interact(
        () -> {
          split.setDividerPositions(0.55);
          sortedBy.setSortType(TableColumn.SortType.ASCENDING);
          robot
              .from(scene.getRoot())
              .lookup(".tab-pane")
              .queryAs(TabPane.class)
              .getSelectionModel()
              .select(1);
        });
    assertTrue(settings.save());
    WorkbenchSettings back = WorkbenchSettings.load(file);
    assertEquals("map-tab", back.window().tab());
    assertEquals(0.55, back.window().dividers("images-split")[0], 0.02);
    assertEquals("File", back.window().sortColumn());
    assertTrue(back.window().sortAscending());
    assertEquals(data, back.recent().paths().get(0));
  }
}
