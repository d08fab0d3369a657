package org.databoost.app.images;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Lays out the Images tab: the run line and the quick filters, the table or the gallery (the same
 * rows and selection), and the viewer in a pane whose divider can be dragged. All state lives in
 * {@link ImagesViewModel}; the window routes its keys here whenever the tab is shown ({@link
 * #handleKey}), wherever the focus is.
 */
public final class ImagesView {
  private final ImagesViewModel model;
  private final ImageTable imageTable;
  private final TableView<ImageItem> table;
  private final ImageGallery gallery;
  private final ImageViewer viewer;
  private final ToggleButton galleryButton = new ToggleButton("Gallery");

  /**
   * @param datasetRoot the open dataset's folder, to load thumbnails from
   */
  public ImagesView(ImagesViewModel model, Supplier<Path> datasetRoot) {
    this.model = model;
    this.imageTable = new ImageTable(model, datasetRoot);
    this.table = imageTable.build();
    this.gallery = new ImageGallery(model, datasetRoot, table);
    this.viewer = new ImageViewer(model, datasetRoot);
  }

  /** Selects and shows the row of this image, if the filters let it through. */
  public void selectPath(String path) {
    if (path == null) {
      return;
    }
    List<ImageItem> rows = table.getItems();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).path().equals(path)) {
        table.getSelectionModel().clearAndSelect(i);
        table.scrollTo(Math.max(0, i - 5));
        gallery.reveal(i);
        return;
      }
    }
  }

  /** The selected rows, in table order. */
  public List<ImageItem> selected() {
    return List.copyOf(table.getSelectionModel().getSelectedItems());
  }

  public BorderPane build() {
    VBox viewerPane = viewer.build();
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, item) -> {
              viewer.show(item);
              model.currentPathProperty().set(item == null ? null : item.path());
            });
    table.setContextMenu(SelectionMenu.of(model, this::selected));
    keepSortInModel();
    model.requestedPathProperty().addListener((o, a, path) -> selectPath(path));
    ListView<Integer> grid = gallery.build();
    grid.visibleProperty().bind(galleryButton.selectedProperty());
    table.visibleProperty().bind(galleryButton.selectedProperty().not());
    // The view just chosen takes the keys: left on the Table/Gallery buttons, an arrow key would
    // pick the other button (a toggle group's keys) and switch the view back.
    galleryButton
        .selectedProperty()
        .addListener((o, was, shown) -> (shown ? grid : table).requestFocus());
    BorderPane left = new BorderPane(new StackPane(table, grid));
    left.setTop(viewBar());
    // The viewer scrolls when a short window cannot show all of it (a leak's pair of copies).
    ScrollPane viewerScroll = new ScrollPane(viewerPane);
    viewerScroll.setId("viewer-scroll");
    viewerScroll.getStyleClass().add("viewer-scroll");
    viewerScroll.setFitToWidth(true);
    viewerScroll.setFitToHeight(true);
    viewerScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    viewerScroll.setMinWidth(viewerPane.getMinWidth());
    viewerScroll.setPrefWidth(viewerPane.getPrefWidth());
    SplitPane split = new SplitPane(left, viewerScroll);
    split.setId("images-split");
    split.setDividerPositions(0.72);
    // A wider window widens the table, not the viewer; the divider widens either.
    SplitPane.setResizableWithParent(viewerScroll, false);
    BorderPane pane = new BorderPane(split);
    pane.setTop(new VBox(new RunBar(model).build(), new FilterBar(model).build()));
    return pane;
  }

  /** Table or gallery, and the thumbnail size of each. */
  private HBox viewBar() {
    ToggleButton tableButton = new ToggleButton("Table");
    tableButton.setId("show-table");
    galleryButton.setId("show-gallery");
    ToggleGroup group = new ToggleGroup();
    tableButton.setToggleGroup(group);
    galleryButton.setToggleGroup(group);
    tableButton.getStyleClass().add("left-pill");
    galleryButton.getStyleClass().add("right-pill");
    tableButton.setSelected(true);
    group
        .selectedToggleProperty()
        .addListener((o, old, now) -> group.selectToggle(now == null ? old : now));
    ChoiceBox<Integer> thumbs = new ChoiceBox<>();
    thumbs.setId("thumb-size");
    thumbs.getItems().setAll(ImageTable.THUMB_SIZES);
    thumbs.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Integer px) {
            return px == null ? "" : px + " px";
          }

          @Override
          public Integer fromString(String s) {
            return null;
          }
        });
    thumbs.setValue(imageTable.thumbSizeProperty().get());
    thumbs.valueProperty().addListener((o, a, px) -> imageTable.thumbSizeProperty().set(px));
    Slider size = new Slider(ImageGallery.MIN_TILE, ImageGallery.MAX_TILE, 128);
    size.setId("gallery-size");
    size.setPrefWidth(160);
    size.valueProperty().bindBidirectional(gallery.tileSizeProperty());
    Label sizeTitle = new Label("Thumbnails:");
    HBox tableOnly = new HBox(6, thumbs);
    HBox galleryOnly = new HBox(6, size);
    tableOnly.visibleProperty().bind(galleryButton.selectedProperty().not());
    tableOnly.managedProperty().bind(tableOnly.visibleProperty());
    galleryOnly.visibleProperty().bind(galleryButton.selectedProperty());
    galleryOnly.managedProperty().bind(galleryOnly.visibleProperty());
    for (Region r : List.of(tableButton, galleryButton, sizeTitle, thumbs)) {
      r.setMinWidth(Region.USE_PREF_SIZE);
    }
    HBox bar =
        new HBox(
            8, new HBox(tableButton, galleryButton), sizeTitle, tableOnly, galleryOnly, hint());
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(0, 0, 6, 0));
    return bar;
  }

  private static Label hint() {
    Label l = new Label("Ctrl/Shift+click: select several · right-click: act on the selection");
    l.getStyleClass().add("hint");
    l.setMinWidth(0);
    return l;
  }

  /** Whether the gallery is shown instead of the table. */
  public ToggleButton galleryToggle() {
    return galleryButton;
  }

  /**
   * Handles a key pressed anywhere in the tab: 1..9 and 0 relabel, Enter accepts the suggestions,
   * Delete moves to the trash, K keeps the labels of flags judged wrong (all on the whole
   * selection), the arrows move when the focus is outside the table. Keys typed into a text field
   * are left to it.
   */
  public void handleKey(KeyEvent e) {
    if (e.isConsumed()
        || (e.getTarget() instanceof TextInputControl)
        || (table.getScene() != null
            && table.getScene().getFocusOwner() instanceof TextInputControl)) {
      return;
    }
    if ((e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)
        && !table.isFocused()
        && !gallery.isFocused()) {
      int step = e.getCode() == KeyCode.UP ? -1 : 1;
      int at = table.getSelectionModel().getSelectedIndex() + step;
      if (at >= 0 && at < table.getItems().size()) {
        table.getSelectionModel().clearAndSelect(at);
        table.scrollTo(Math.max(0, at - 5));
        gallery.reveal(at);
      }
      e.consume();
      return;
    }
    Optional<EditKeys.Action> action = EditKeys.of(e, model.labels());
    if (action.isEmpty()
        || action.get() instanceof EditKeys.Undo
        || action.get() instanceof EditKeys.Redo) {
      return; // undo and redo are the menu's accelerators
    }
    e.consume();
    if (model.session().busyProperty().get()) {
      model
          .session()
          .say(
              String.format(
                  Locale.ROOT,
                  "Busy (%s): the key was not applied; press it again when the job ends.",
                  model.session().statusProperty().get().replace("…", "")));
      return;
    }
    List<ImageItem> selected = selected();
    EditKeys.Action act = action.get();
    if (act instanceof EditKeys.Delete) {
      model.edits().delete(selected);
    } else if (act instanceof EditKeys.Relabel r) {
      model.edits().relabel(selected, r.label());
    } else if (act instanceof EditKeys.AcceptSuggestion) {
      model.edits().acceptSuggestions(selected);
    } else if (act instanceof EditKeys.KeepLabel) {
      model.edits().keepLabels(selected);
    }
  }

  /** Sorts by the model's remembered column first, then keeps the model told of the sort. */
  private void keepSortInModel() {
    for (TableColumn<ImageItem, ?> c : table.getColumns()) {
      if (c.isSortable() && c.getText().equals(model.sortColumnProperty().get())) {
        c.setSortType(
            model.sortAscendingProperty().get()
                ? TableColumn.SortType.ASCENDING
                : TableColumn.SortType.DESCENDING);
        table.getSortOrder().setAll(List.of(c));
      }
      c.sortTypeProperty().addListener(o -> sortToModel());
    }
    table.getSortOrder().addListener((InvalidationListener) o -> sortToModel());
  }

  private void sortToModel() {
    if (table.getSortOrder().isEmpty()) {
      model.sortColumnProperty().set("");
    } else {
      TableColumn<ImageItem, ?> c = table.getSortOrder().get(0);
      model.sortColumnProperty().set(c.getText());
      model.sortAscendingProperty().set(c.getSortType() == TableColumn.SortType.ASCENDING);
    }
  }
}
