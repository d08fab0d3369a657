package org.databoost.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import org.databoost.DataDirs;
import org.databoost.app.common.BackgroundTasks;
import org.databoost.app.summary.DatasetSummaryView;
import org.databoost.app.summary.DatasetSummaryViewModel;
import org.databoost.dataset.DatasetScanner;
import org.databoost.sample.DefaultSample;
import org.databoost.sample.SampleDatasetGenerator;

/** The JavaFX application: builds the object graph by hand and shows the main window. */
public final class WorkbenchApp extends Application {
  private BackgroundTasks tasks;

  @Override
  public void start(Stage stage) {
    tasks = new BackgroundTasks(1);
    DatasetSummaryViewModel summary =
        new DatasetSummaryViewModel(
            new DatasetScanner(),
            new DefaultSample(new SampleDatasetGenerator()),
            DataDirs.sampleDataset(),
            tasks.executor(),
            Platform::runLater);
    BorderPane root = new BorderPane(new DatasetSummaryView(summary).build());
    root.setTop(toolbar(stage, summary));
    root.setBottom(StatusBar.build(summary));
    BorderPane.setMargin(root.getCenter(), new Insets(8));
    Scene scene = new Scene(root, 1100, 720);
    scene.getStylesheets().add(getClass().getResource("workbench.css").toExternalForm());
    acceptDroppedFolders(scene, summary);
    stage
        .titleProperty()
        .bind(
            summary.datasetPathProperty().map(p -> p.isEmpty() ? "Databoost" : "Databoost — " + p));
    stage.setScene(scene);
    stage.show();
    List<String> args = getParameters().getRaw();
    summary.open(args.isEmpty() ? null : Path.of(args.get(0)));
  }

  private static ToolBar toolbar(Stage stage, DatasetSummaryViewModel summary) {
    Button open = new Button("Open dataset…");
    open.setOnAction(
        e -> {
          DirectoryChooser chooser = new DirectoryChooser();
          chooser.setTitle("Open a dataset folder");
          File dir = chooser.showDialog(stage);
          if (dir != null) {
            summary.open(dir.toPath());
          }
        });
    Button sample = new Button("Open sample");
    sample.setOnAction(e -> summary.open(null));
    open.disableProperty().bind(summary.busyProperty());
    sample.disableProperty().bind(summary.busyProperty());
    Label path = new Label();
    path.textProperty().bind(summary.datasetPathProperty());
    path.getStyleClass().add("dataset-path");
    return new ToolBar(open, sample, path);
  }

  private static void acceptDroppedFolders(Scene scene, DatasetSummaryViewModel summary) {
    scene.setOnDragOver(
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.LINK);
          }
          e.consume();
        });
    scene.setOnDragDropped(
        e -> {
          List<File> files = e.getDragboard().getFiles();
          boolean ok = files.size() == 1 && files.get(0).isDirectory();
          if (ok) {
            summary.open(files.get(0).toPath());
          }
          e.setDropCompleted(ok);
          e.consume();
        });
  }

  @Override
  public void stop() {
    if (tasks != null) {
      tasks.close();
    }
  }
}
