package org.databoost.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.image.Image;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.databoost.app.images.ImagesView;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.app.map.MapView;
import org.databoost.app.map.MapViewModel;
import org.databoost.app.summary.DatasetSummaryView;
import org.databoost.app.summary.DatasetSummaryViewModel;
import org.databoost.training.TrainingConfig;

/**
 * The main window's layout: toolbar, Images and Summary tabs, status bar; accepts dropped folders.
 */
public final class MainWindow {
  private final DatasetSummaryViewModel summary;
  private final ImagesViewModel images;
  private final ObjectProperty<Path> root = new SimpleObjectProperty<>();
  private final TabPane tabs = new TabPane();

  private final MapViewModel map;

  public MainWindow(DatasetSummaryViewModel summary, ImagesViewModel images, MapViewModel map) {
    this.summary = summary;
    this.images = images;
    this.map = map;
    summary.setOnOpened(
        dir -> {
          root.set(dir);
          map.clear();
          images.open(dir);
        });
    // The map's selection is the table's map filter; the table's current image is ringed on it.
    images.mapSelectionProperty().bindBidirectional(map.selectionProperty());
    images.currentPathProperty().addListener((o, old, path) -> map.highlightedProperty().set(path));
  }

  /** Builds the scene into the stage and shows it. */
  public Scene show(Stage stage) {
    ImagesView imagesView = new ImagesView(images, root::get);
    Tab imagesTab = new Tab("Images", imagesView.build());
    imagesTab.setId("images-tab");
    Tab mapTab =
        new Tab(
            "Map",
            new MapView(
                    map,
                    root::get,
                    imagesView::selectPath,
                    () -> tabs.getSelectionModel().select(imagesTab))
                .build());
    mapTab.setId("map-tab");
    Tab summaryTab = new Tab("Dataset check", new DatasetSummaryView(summary).build());
    summaryTab.setId("summary-tab");
    tabs.getTabs().setAll(List.of(imagesTab, mapTab, summaryTab));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    BorderPane content = new BorderPane(tabs);
    BorderPane.setMargin(tabs, new Insets(8));
    content.setTop(toolbar(stage));
    content.setBottom(StatusBar.build(List.of(summary, images, map)));
    Scene scene = new Scene(content, 1180, 760);
    scene.getStylesheets().add(MainWindow.class.getResource("workbench.css").toExternalForm());
    acceptDroppedFolders(scene);
    scene
        .getAccelerators()
        .put(
            new javafx.scene.input.KeyCodeCombination(
                javafx.scene.input.KeyCode.Q, javafx.scene.input.KeyCombination.SHORTCUT_DOWN),
            stage::close);
    stage
        .titleProperty()
        .bind(
            summary.datasetPathProperty().map(p -> p.isEmpty() ? "Databoost" : "Databoost — " + p));
    stage.getIcons().add(new Image(MainWindow.class.getResource("icon.png").toExternalForm()));
    stage.setScene(scene);
    stage.show();
    return scene;
  }

  /** The tab pane, for tests that switch tabs. */
  TabPane tabs() {
    return tabs;
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
    Button evaluate = new Button("Evaluate");
    evaluate.setId("evaluate");
    evaluate.setOnAction(e -> images.evaluate(TrainingConfig.quick()));
    Button export = new Button("Export…");
    export.setId("export");
    export.setOnAction(
        e -> {
          FileChooser chooser = new FileChooser();
          chooser.setTitle("Export the latest run as an Excel workbook");
          chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel", "*.xlsx"));
          chooser.setInitialFileName("databoost-report.xlsx");
          File file = chooser.showSaveDialog(stage);
          if (file != null) {
            images.export(file.toPath());
          }
        });
    var busy = summary.busyProperty().or(images.busyProperty()).or(map.busyProperty());
    for (Button b : List.of(open, sample, evaluate, export)) {
      b.disableProperty().bind(busy);
    }
    evaluate.disableProperty().bind(busy.or(root.isNull()));
    export.disableProperty().bind(busy.or(root.isNull()));
    Label path = new Label();
    path.textProperty().bind(summary.datasetPathProperty());
    path.getStyleClass().add("dataset-path");
    return new ToolBar(open, sample, new Separator(), evaluate, export, path);
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
