package org.databoost.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.databoost.app.boost.BoostResultsView;
import org.databoost.app.boost.ReviewQueueView;
import org.databoost.app.boost.ReviewQueueViewModel;
import org.databoost.app.images.ImageItem;
import org.databoost.app.images.ImagesView;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.app.images.SelectionMenu;
import org.databoost.app.map.MapView;
import org.databoost.app.map.MapViewModel;
import org.databoost.app.runs.EditsSince;
import org.databoost.app.settings.WindowLayout;
import org.databoost.app.settings.WorkbenchSettings;
import org.databoost.app.summary.DatasetSummaryView;
import org.databoost.app.summary.DatasetSummaryViewModel;

/**
 * The main window's layout: toolbar (with the recent datasets), Images, Map, Charts, Boost and
 * Dataset check tabs, status bar; accepts dropped folders; puts itself back the way the user left
 * it.
 */
public final class MainWindow {
  private final Wiring wiring;
  private final DatasetSummaryViewModel summary;
  private final ImagesViewModel images;
  private final MapViewModel map;
  private final WorkbenchSettings settings;
  private final ObjectProperty<Path> root = new SimpleObjectProperty<>();
  private final TabPane tabs = new TabPane();

  public MainWindow(Wiring wiring, WorkbenchSettings settings) {
    this.wiring = wiring;
    this.summary = wiring.summary();
    this.images = wiring.images();
    this.map = wiring.map();
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
    map.datasetReadyProperty().bind(root.isNotNull());
    // The map says how far the dataset has moved since it was computed, from the journal.
    Runnable mapEdits =
        () ->
            map.editsSinceProperty()
                .set(
                    map.computedAtProperty().get() == null
                        ? 0
                        : EditsSince.count(images.history(), map.computedAtProperty().get()));
    images.history().addListener((InvalidationListener) o -> mapEdits.run());
    map.computedAtProperty().addListener(o -> mapEdits.run());
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
    Runnable showImages = () -> tabs.getSelectionModel().select(imagesTab);
    MapView mapView =
        new MapView(map, root::get, imagesView::selectPath, showImages)
            .withSelectionMenu(
                SelectionMenu.of(
                    images,
                    () ->
                        images.allRows().stream()
                            .filter(i -> map.selectionProperty().get().contains(i.path()))
                            .toList()));
    Tab mapTab = new Tab("Map", mapView.build());
    mapTab.setId("map-tab");
    Tab summaryTab = new Tab("Dataset check", new DatasetSummaryView(summary).build());
    summaryTab.setId("summary-tab");
    summary.setOnShowImage(path -> showProblemImage(path, imagesView, showImages));
    Tab boostTab =
        new Tab(
            "Boost",
            new BoostResultsView(
                    images.lastBoostProperty(),
                    images.boostRounds(),
                    images.runs(),
                    images.boostUnchecked(),
                    () -> {
                      images.filters().showBoostAddedOnly();
                      showImages.run();
                    })
                .build());
    boostTab.setId("boost-tab");
    ReviewQueueViewModel review = new ReviewQueueViewModel(images);
    ReviewQueueView reviewView = new ReviewQueueView(review, root::get);
    Tab reviewTab = new Tab("Review queue", reviewView.build());
    reviewTab.setId("review-tab");
    Tab chartsTab =
        new Tab(
            "Charts",
            new org.databoost.app.charts.RunChartsView(images.shownRunProperty(), images.allRows())
                .build());
    chartsTab.setId("charts-tab");
    images
        .allRows()
        .addListener(
            (ListChangeListener<ImageItem>)
                c -> {
                  wiring.session().workspace().ifPresent(review::refresh);
                  map.setBoostAdded(
                      images.allRows().stream()
                          .filter(ImageItem::addedByBoost)
                          .map(ImageItem::path)
                          .collect(Collectors.toSet()));
                  // The map's verdict colouring shows the shown run's issue of each image.
                  map.setVerdicts(
                      images.allRows().stream()
                          .filter(i -> !i.issueText().isEmpty())
                          .collect(
                              Collectors.toMap(
                                  ImageItem::path, ImageItem::issueText, (a, b) -> a)));
                });
    images.lastBoostProperty().addListener((o, a, r) -> tabs.getSelectionModel().select(boostTab));
    tabs.getTabs().setAll(List.of(imagesTab, mapTab, chartsTab, boostTab, reviewTab, summaryTab));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    BorderPane content = new BorderPane(tabs);
    BorderPane.setMargin(tabs, new Insets(6, 8, 6, 8));
    WindowActions actions = new WindowActions(wiring, settings, root, stage);
    content.setTop(new VBox(actions.menuBar(), actions.toolbar()));
    content.setBottom(StatusBar.build(wiring.session()));
    WindowLayout layout = settings.window();
    Scene scene = new Scene(content, layout.width(), layout.height());
    scene.getStylesheets().add(MainWindow.class.getResource("workbench.css").toExternalForm());
    acceptDroppedFolders(scene);
    // Keys reach the shown tab wherever the focus is (a tab header, a button, the table).
    scene.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          Tab shown = tabs.getSelectionModel().getSelectedItem();
          if (shown == imagesTab) {
            imagesView.handleKey(e);
          } else if (shown == mapTab) {
            mapView.handleKey(e);
          } else if (shown == reviewTab) {
            reviewView.handleKey(e);
          }
        });
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

  /**
   * Shows a Dataset-check row's image in the Images tab: every filter off so that its row is there,
   * the row selected and the viewer on it. An image the catalog does not hold is said so.
   */
  private void showProblemImage(String path, ImagesView imagesView, Runnable showImages) {
    if (images.allRows().stream().noneMatch(i -> i.path().equals(path))) {
      wiring
          .session()
          .say(path + " is not among the dataset's images, so there is no row to show.");
      return;
    }
    images.filters().reset();
    showImages.run();
    imagesView.selectPath(path);
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
