package org.databoost.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.databoost.app.boost.BoostDialog;
import org.databoost.app.boost.BoostForm;
import org.databoost.app.boost.BoostResultsView;
import org.databoost.app.images.ImagesView;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.app.map.MapView;
import org.databoost.app.map.MapViewModel;
import org.databoost.app.settings.RecentDatasets;
import org.databoost.app.settings.WindowLayout;
import org.databoost.app.settings.WorkbenchSettings;
import org.databoost.app.summary.DatasetSummaryView;
import org.databoost.app.summary.DatasetSummaryViewModel;
import org.databoost.training.TrainingConfig;

/**
 * The main window's layout: toolbar (with the recent datasets), Images, Map and Dataset check tabs,
 * status bar; accepts dropped folders; puts itself back the way the user left it.
 */
public final class MainWindow {
  private final DatasetSummaryViewModel summary;
  private final ImagesViewModel images;
  private final MapViewModel map;
  private final WorkbenchSettings settings;
  private final ObjectProperty<Path> root = new SimpleObjectProperty<>();
  private final TabPane tabs = new TabPane();

  public MainWindow(
      DatasetSummaryViewModel summary,
      ImagesViewModel images,
      MapViewModel map,
      WorkbenchSettings settings) {
    this.summary = summary;
    this.images = images;
    this.map = map;
    this.settings = settings;
    summary.setOnOpened(
        dir -> {
          root.set(dir);
          map.clear();
          images.open(dir);
          settings.recent().opened(dir);
          settings.save();
        });
    // The map's selection is the table's map filter; the table's current image is ringed on it.
    images.filters().mapSelectionProperty().bindBidirectional(map.selectionProperty());
    images.currentPathProperty().addListener((o, old, path) -> map.highlightedProperty().set(path));
    map.datasetReadyProperty()
        .bind(root.isNotNull().and(summary.busyProperty().not()).and(images.busyProperty().not()));
    WindowLayout layout = settings.window();
    images.sortColumnProperty().set(layout.sortColumn());
    images.sortAscendingProperty().set(layout.sortAscending());
    images.sortColumnProperty().addListener(o -> rememberSort());
    images.sortAscendingProperty().addListener(o -> rememberSort());
  }

  private void rememberSort() {
    settings
        .window()
        .setSort(images.sortColumnProperty().get(), images.sortAscendingProperty().get());
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
    Tab boostTab =
        new Tab(
            "Boost",
            new BoostResultsView(
                    images.lastBoostProperty(),
                    images.boostRounds(),
                    () -> {
                      images.filters().boostAddedOnlyProperty().set(true);
                      tabs.getSelectionModel().select(imagesTab);
                    })
                .build());
    boostTab.setId("boost-tab");
    images
        .allRows()
        .addListener(
            (javafx.collections.ListChangeListener<org.databoost.app.images.ImageItem>)
                c ->
                    map.setBoostAdded(
                        images.allRows().stream()
                            .filter(org.databoost.app.images.ImageItem::addedByBoost)
                            .map(org.databoost.app.images.ImageItem::path)
                            .collect(java.util.stream.Collectors.toSet())));
    images.lastBoostProperty().addListener((o, a, r) -> tabs.getSelectionModel().select(boostTab));
    tabs.getTabs().setAll(List.of(imagesTab, mapTab, boostTab, summaryTab));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    BorderPane content = new BorderPane(tabs);
    BorderPane.setMargin(tabs, new Insets(8));
    content.setTop(toolbar(stage));
    content.setBottom(StatusBar.build(List.of(summary, images, map)));
    WindowLayout layout = settings.window();
    Scene scene = new Scene(content, layout.width(), layout.height());
    scene.getStylesheets().add(MainWindow.class.getResource("workbench.css").toExternalForm());
    acceptDroppedFolders(scene);
    scene
        .getAccelerators()
        .put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), stage::close);
    stage
        .titleProperty()
        .bind(
            summary.datasetPathProperty().map(p -> p.isEmpty() ? "Databoost" : "Databoost — " + p));
    stage.getIcons().add(new Image(MainWindow.class.getResource("icon.png").toExternalForm()));
    stage.setScene(scene);
    placeAsLeft(stage, layout);
    restoreTabsAndDividers(layout);
    stage.show();
    rememberBounds(stage, layout);
    return scene;
  }

  /** The tab pane, for tests that switch tabs. */
  TabPane tabs() {
    return tabs;
  }

  /** The saved bounds, when they still fit on a screen (a monitor may have gone). */
  private static void placeAsLeft(Stage stage, WindowLayout layout) {
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    stage.setWidth(Math.min(layout.width(), screen.getWidth()));
    stage.setHeight(Math.min(layout.height(), screen.getHeight()));
    boolean onScreen =
        layout.hasPosition()
            && !Screen.getScreensForRectangle(
                    layout.x(), layout.y(), Math.max(1, layout.width()), 40)
                .isEmpty();
    if (onScreen) {
      stage.setX(layout.x());
      stage.setY(layout.y());
    } else {
      stage.centerOnScreen();
    }
    stage.setMaximized(layout.maximized());
  }

  private static void rememberBounds(Stage stage, WindowLayout layout) {
    Runnable bounds =
        () -> {
          // The bounds to return to are those from before maximising or minimising.
          if (!stage.isMaximized() && !stage.isIconified()) {
            layout.setBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
          }
        };
    stage.xProperty().addListener(o -> bounds.run());
    stage.yProperty().addListener(o -> bounds.run());
    stage.widthProperty().addListener(o -> bounds.run());
    stage.heightProperty().addListener(o -> bounds.run());
    stage.maximizedProperty().addListener((o, old, now) -> layout.setMaximized(now));
    bounds.run();
  }

  private void restoreTabsAndDividers(WindowLayout layout) {
    tabs.getTabs().stream()
        .filter(t -> t.getId().equals(layout.tab()))
        .findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t));
    tabs.getSelectionModel()
        .selectedItemProperty()
        .addListener((o, old, tab) -> layout.setTab(tab == null ? "" : tab.getId()));
    for (Tab tab : tabs.getTabs()) {
      for (Node n : tab.getContent().lookupAll(".split-pane")) {
        if (n instanceof SplitPane split && split.getId() != null) {
          double[] saved = layout.dividers(split.getId());
          if (saved != null && saved.length == split.getDividers().size()) {
            split.setDividerPositions(saved);
          }
          for (SplitPane.Divider d : split.getDividers()) {
            d.positionProperty()
                .addListener(o -> layout.setDividers(split.getId(), split.getDividerPositions()));
          }
        }
      }
    }
  }

  private ToolBar toolbar(Stage stage) {
    SplitMenuButton open = new SplitMenuButton();
    open.setText("Open dataset…");
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
    // Rebuilt when shown, so that a folder deleted meanwhile shows as missing.
    open.setOnShowing(e -> fillRecent(open));
    settings
        .recent()
        .paths()
        .addListener((javafx.beans.InvalidationListener) o -> fillRecent(open));
    fillRecent(open);
    Button sample = new Button("Open sample");
    sample.setId("open-sample");
    sample.setOnAction(e -> summary.open(null));
    Button evaluate = new Button("Evaluate");
    evaluate.setId("evaluate");
    evaluate.setOnAction(e -> images.evaluate(TrainingConfig.quick()));
    Button boost = new Button("Boost…");
    boost.setId("boost");
    boost.setOnAction(
        e -> new BoostDialog(BoostForm.defaults()).showAndWait(stage).ifPresent(images::boost));
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
    open.disableProperty().bind(busy);
    sample.disableProperty().bind(busy);
    evaluate.disableProperty().bind(busy.or(root.isNull()));
    export.disableProperty().bind(busy.or(root.isNull()));
    boost.disableProperty().bind(busy.or(root.isNull()));
    Label path = new Label();
    path.textProperty().bind(summary.datasetPathProperty());
    path.getStyleClass().add("dataset-path");
    return new ToolBar(open, sample, new Separator(), evaluate, boost, export, path);
  }

  /** The Recent part of the Open button's menu: the last datasets, missing ones disabled. */
  private void fillRecent(SplitMenuButton open) {
    open.getItems().clear();
    List<RecentDatasets.Entry> entries = settings.recent().entries();
    if (entries.isEmpty()) {
      MenuItem none = new MenuItem("No recent datasets");
      none.setDisable(true);
      open.getItems().add(none);
      return;
    }
    for (int i = 0; i < entries.size(); i++) {
      RecentDatasets.Entry entry = entries.get(i);
      MenuItem item = new MenuItem(entry.path() + (entry.exists() ? "" : "  (missing)"));
      item.setId("recent-" + i);
      item.setMnemonicParsing(false);
      item.setDisable(!entry.exists());
      item.setOnAction(e -> summary.open(entry.path()));
      open.getItems().add(item);
    }
    MenuItem clear = new MenuItem("Clear recent datasets");
    clear.setId("clear-recent");
    clear.setOnAction(
        e -> {
          settings.recent().clear();
          settings.save();
        });
    open.getItems().addAll(new SeparatorMenuItem(), clear);
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
