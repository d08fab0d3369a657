package org.databoost.app;

import java.io.File;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.image.Image;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import org.databoost.app.summary.DatasetSummaryView;
import org.databoost.app.summary.DatasetSummaryViewModel;

/** The main window's layout: toolbar, dataset summary, status bar; folders can be dropped on it. */
public final class MainWindow {
  private final DatasetSummaryViewModel summary;

  public MainWindow(DatasetSummaryViewModel summary) {
    this.summary = summary;
  }

  /** Builds the scene into the stage and shows it. */
  public Scene show(Stage stage) {
    BorderPane root = new BorderPane(new DatasetSummaryView(summary).build());
    root.setTop(toolbar(stage));
    root.setBottom(StatusBar.build(summary));
    BorderPane.setMargin(root.getCenter(), new Insets(8));
    Scene scene = new Scene(root, 1100, 720);
    scene.getStylesheets().add(MainWindow.class.getResource("workbench.css").toExternalForm());
    acceptDroppedFolders(scene);
    stage
        .titleProperty()
        .bind(
            summary.datasetPathProperty().map(p -> p.isEmpty() ? "Databoost" : "Databoost — " + p));
    stage.getIcons().add(new Image(MainWindow.class.getResource("icon.png").toExternalForm()));
    stage.setScene(scene);
    stage.show();
    return scene;
  }

  private ToolBar toolbar(Stage stage) {
    Button open = new Button("Open dataset…");
    open.setId("open-dataset");
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
    sample.setId("open-sample");
    sample.setOnAction(e -> summary.open(null));
    open.disableProperty().bind(summary.busyProperty());
    sample.disableProperty().bind(summary.busyProperty());
    Label path = new Label();
    path.textProperty().bind(summary.datasetPathProperty());
    path.getStyleClass().add("dataset-path");
    return new ToolBar(open, sample, path);
  }

  private void acceptDroppedFolders(Scene scene) {
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
}
