package org.databoost.app.images;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Lays out the image table with its quick filters; all state lives in {@link ImagesViewModel}. */
public final class ImagesView {
  static final int THUMB = 32;

  private final ImagesViewModel model;
  private final Supplier<Path> datasetRoot;

  /**
   * @param datasetRoot the open dataset's folder, to load thumbnails from
   */
  public ImagesView(ImagesViewModel model, Supplier<Path> datasetRoot) {
    this.model = model;
    this.datasetRoot = datasetRoot;
  }

  private final TableView<ImageItem> table = new TableView<>();

  /** Selects and shows the row of this image, if the filters let it through. */
  public void selectPath(String path) {
    for (int i = 0; i < table.getItems().size(); i++) {
      if (table.getItems().get(i).path().equals(path)) {
        table.getSelectionModel().clearAndSelect(i);
        table.scrollTo(Math.max(0, i - 5));
        return;
      }
    }
  }

  public BorderPane build() {
    table.setId("images-table");
    table.setItems(model.rows());
    model.rows().comparatorProperty().bind(table.comparatorProperty());
    table.setPlaceholder(new Label("No images to show."));
    table.setFixedCellSize(THUMB + 6);
    table
        .getColumns()
        .setAll(
            List.of(
                thumbnailColumn(),
                text("File", ImageItem::fileName, 220),
                text("Split", ImageItem::split, 80),
                text("Given", ImageItem::given, 70),
                text("Predicted", ImageItem::predicted, 80),
                number("Loss", ImageItem::loss, "%.3f"),
                number("Confidence", ImageItem::confidence, "%.2f"),
                text("Issue", ImageItem::issue, 110),
                text("Suggested", ImageItem::suggested, 85),
                text("Duplicates", ImageItem::duplicateText, 85),
                number("Outlier", ImageItem::outlier, "%.3f"),
                text("Added by", ImageItem::provenance, 160)));

    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    ImageViewer viewer = new ImageViewer(model, datasetRoot);
    VBox viewerPane = viewer.build();
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, item) -> {
              viewer.show(item);
              model.currentPathProperty().set(item == null ? null : item.path());
            });
    keepSortInModel();
    table.addEventFilter(KeyEvent.KEY_PRESSED, e -> onKey(table, e));
    // After an edit the rows are reloaded: keep the cursor where it was, so the user steps on.
    model
        .allRows()
        .addListener(
            (javafx.collections.ListChangeListener<ImageItem>)
                c -> {
                  int at = lastIndex;
                  if (at >= 0 && !table.getItems().isEmpty()) {
                    int i = Math.min(at, table.getItems().size() - 1);
                    table.getSelectionModel().clearAndSelect(i);
                    table.scrollTo(Math.max(0, i - 5));
                  }
                });

    SplitPane split = new SplitPane(table, viewerPane);
    split.setId("images-split");
    split.setDividerPositions(0.7);
    // A wider window widens the table, not the viewer.
    SplitPane.setResizableWithParent(viewerPane, false);
    BorderPane pane = new BorderPane(split);
    pane.setTop(filterBar());
    return pane;
  }

  private int lastIndex = -1;

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
    table.getSortOrder().addListener((javafx.beans.InvalidationListener) o -> sortToModel());
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

  private void onKey(TableView<ImageItem> table, KeyEvent e) {
    List<ImageItem> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
    Optional<EditKeys.Action> action = EditKeys.of(e, model.labels());
    if (action.isEmpty() || model.busyProperty().get()) {
      return;
    }
    e.consume();
    lastIndex = table.getSelectionModel().getSelectedIndex();
    List<String> paths = selected.stream().map(ImageItem::path).toList();
    EditKeys.Action act = action.get();
    if (act instanceof EditKeys.Undo) {
      model.undo();
    } else if (act instanceof EditKeys.Redo) {
      model.redo();
    } else if (act instanceof EditKeys.Delete && !paths.isEmpty()) {
      model.delete(paths);
    } else if (act instanceof EditKeys.Relabel r) {
      List<String> change =
          selected.stream().filter(i -> !i.given().equals(r.label())).map(ImageItem::path).toList();
      if (!change.isEmpty()) {
        model.relabel(change, r.label());
      }
    } else if (act instanceof EditKeys.AcceptSuggestion) {
      selected.stream()
          .filter(i -> !i.suggested().isEmpty() && !i.suggested().equals(i.given()))
          .findFirst()
          .ifPresent(i -> model.relabel(List.of(i.path()), i.suggested()));
    }
  }

  private static final String ALL_LABELS = "all labels";

  private HBox filterBar() {
    ChoiceBox<String> split = new ChoiceBox<>();
    split.getItems().setAll("all splits", "train", "val", "test", "label_book");
    split.setValue("all splits");
    split
        .valueProperty()
        .addListener(
            (o, a, b) -> model.filters().splitProperty().set("all splits".equals(b) ? "" : b));
    ChoiceBox<String> label = new ChoiceBox<>();
    label.setId("label-filter");
    Runnable fillLabels =
        () -> {
          String keep = label.getValue();
          List<String> items = new java.util.ArrayList<>();
          items.add(ALL_LABELS);
          items.addAll(model.labels());
          label.getItems().setAll(items);
          label.setValue(items.contains(keep) ? keep : ALL_LABELS);
        };
    fillLabels.run();
    model
        .labels()
        .addListener((javafx.collections.ListChangeListener<String>) c -> fillLabels.run());
    label
        .valueProperty()
        .addListener(
            (o, a, b) ->
                model.filters().labelProperty().set(b == null || ALL_LABELS.equals(b) ? "" : b));
    TextField search = new TextField();
    search.setPromptText("Search file names");
    search.setId("image-search");
    model.filters().searchProperty().bind(search.textProperty());
    CheckBox wrong = new CheckBox("Misclassified only");
    model.filters().misclassifiedOnlyProperty().bind(wrong.selectedProperty());
    CheckBox flagged = new CheckBox("Flagged only");
    model.filters().flaggedOnlyProperty().bind(flagged.selectedProperty());
    CheckBox boosted = new CheckBox("Added by Boost");
    boosted.setId("boost-added-only");
    boosted.selectedProperty().bindBidirectional(model.filters().boostAddedOnlyProperty());
    Label run = new Label();
    run.textProperty().bind(model.runSummaryProperty());
    run.getStyleClass().add("run-summary");
    Label count = new Label();
    count
        .textProperty()
        .bind(javafx.beans.binding.Bindings.size(model.rows()).asString("%d shown"));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    javafx.scene.control.Button clearMap = new javafx.scene.control.Button("Clear map selection");
    clearMap.setOnAction(e -> model.filters().mapSelectionProperty().set(java.util.Set.of()));
    clearMap.visibleProperty().bind(model.filters().mapSelectionProperty().map(s -> !s.isEmpty()));
    clearMap.managedProperty().bind(clearMap.visibleProperty());
    // Controls keep their size; when the window is narrow the search field and the run summary
    // give way (the summary with an ellipsis and the whole text as a tooltip).
    for (Region r : List.of(split, label, wrong, flagged, boosted, clearMap, count)) {
      r.setMinWidth(Region.USE_PREF_SIZE);
    }
    search.setPrefColumnCount(14);
    search.setMinWidth(120);
    run.setMinWidth(0);
    javafx.scene.control.Tooltip runTip = new javafx.scene.control.Tooltip();
    runTip.textProperty().bind(run.textProperty());
    run.setTooltip(runTip);
    HBox bar =
        new HBox(10, split, label, search, wrong, flagged, boosted, clearMap, count, spacer, run);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(0, 0, 8, 0));
    return bar;
  }

  private TableColumn<ImageItem, String> thumbnailColumn() {
    TableColumn<ImageItem, String> col = new TableColumn<>("");
    col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().path()));
    col.setSortable(false);
    col.setPrefWidth(THUMB + 12);
    col.setCellFactory(
        c ->
            new TableCell<>() {
              private final ImageView view = new ImageView();

              @Override
              protected void updateItem(String path, boolean empty) {
                super.updateItem(path, empty);
                if (empty || path == null || datasetRoot.get() == null) {
                  setGraphic(null);
                  return;
                }
                String url = datasetRoot.get().resolve(path).toUri().toString();
                // Loaded in the background by JavaFX itself, scaled on load: scrolling never waits.
                view.setImage(new Image(url, THUMB, THUMB, true, true, true));
                setGraphic(view);
              }
            });
    return col;
  }

  private static TableColumn<ImageItem, String> text(
      String title, Function<ImageItem, String> value, double width) {
    TableColumn<ImageItem, String> col = new TableColumn<>(title);
    col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    // Natural order, not the default Collator: 20x faster on 100K rows (field notes).
    col.setComparator(java.util.Comparator.naturalOrder());
    col.setPrefWidth(width);
    return col;
  }

  private static TableColumn<ImageItem, Double> number(
      String title, Function<ImageItem, Double> value, String format) {
    TableColumn<ImageItem, Double> col = new TableColumn<>(title);
    col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    // Typed comparison (Double.compare puts NaN, "no prediction", after every number).
    col.setComparator(Double::compare);
    col.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(
                    empty || v == null || v.isNaN() ? null : String.format(Locale.ROOT, format, v));
              }
            });
    col.getStyleClass().add("number-column");
    col.setPrefWidth(90);
    return col;
  }
}
