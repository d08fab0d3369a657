package org.databoost.app.summary;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.databoost.app.common.TooltipCell;

/** Lays out the dataset summary: verdict, counts per label and split, and the problem list. */
public final class DatasetSummaryView {
  private final DatasetSummaryViewModel model;
  private final TableView<CountRow> countsTable = new TableView<>();
  private final TableView<ProblemRow> problemsTable = new TableView<>();

  public DatasetSummaryView(DatasetSummaryViewModel model) {
    this.model = model;
  }

  /** Builds the node tree, bound to the view-model. */
  public BorderPane build() {
    Label verdict = new Label();
    verdict.textProperty().bind(model.verdictProperty());
    verdict.getStyleClass().add("verdict");
    // Restyle on every new verdict: opening two unusable folders in a row changes no flag.
    model
        .verdictProperty()
        .addListener(
            (obs, was, is) -> {
              verdict.getStyleClass().removeAll("verdict-ok", "verdict-bad");
              verdict
                  .getStyleClass()
                  .add(model.usableProperty().get() ? "verdict-ok" : "verdict-bad");
            });

    countsTable.setItems(model.counts());
    // Fixed widths: the split columns are rebuilt per dataset, and a constrained policy would
    // hand all the width to the label column laid out first.
    countsTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    countsTable.setPlaceholder(new Label("No images yet."));
    rebuildCountColumns(model.splitColumns());
    model
        .splitColumns()
        .addListener((ListChangeListener<String>) c -> rebuildCountColumns(model.splitColumns()));

    problemsTable.setItems(model.problems());
    problemsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    problemsTable.setPlaceholder(new Label("No problems found."));
    problemsTable.setId("problems-table");
    // A row leads to its image: double-click or Enter shows it in the Images tab.
    problemsTable.setRowFactory(
        t -> {
          javafx.scene.control.TableRow<ProblemRow> row = new javafx.scene.control.TableRow<>();
          row.setOnMouseClicked(
              e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                  model.showImage(row.getItem());
                }
              });
          return row;
        });
    problemsTable.setOnKeyPressed(
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
            model.showImage(problemsTable.getSelectionModel().getSelectedItem());
            e.consume();
          }
        });
    problemsTable
        .getColumns()
        .setAll(
            List.of(
                textColumn("Severity", ProblemRow::severity, 80),
                textColumn("Problem", ProblemRow::kind, 200),
                textColumn("File", ProblemRow::path, 280),
                textColumn("Details", ProblemRow::message, 400)));

    Label countsTitle = new Label("Images per label and split");
    countsTitle.getStyleClass().add("section-title");
    Label problemsTitle = new Label();
    problemsTitle.getStyleClass().add("section-title");
    problemsTitle
        .textProperty()
        .bind(
            Bindings.size(model.problems())
                .asString("Problems found (%d) — double-click a row to see its image"));
    VBox top = new VBox(6, countsTitle, countsTable);
    VBox bottom = new VBox(6, problemsTitle, problemsTable);
    VBox.setVgrow(countsTable, Priority.ALWAYS);
    VBox.setVgrow(problemsTable, Priority.ALWAYS);
    top.getStyleClass().add("section");
    bottom.getStyleClass().add("section");
    SplitPane split = new SplitPane(top, bottom);
    split.setId("summary-split");
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.55);

    BorderPane pane = new BorderPane(split);
    pane.setTop(verdict);
    return pane;
  }

  private void rebuildCountColumns(List<String> splits) {
    TableColumn<CountRow, String> label = textColumn("Label", CountRow::label, 140);
    countsTable.getColumns().setAll(List.of(label));
    for (int i = 0; i < splits.size(); i++) {
      int index = i;
      countsTable.getColumns().add(numberColumn(splits.get(i), r -> r.counts().get(index)));
    }
    countsTable.getColumns().add(numberColumn("total", CountRow::total));
  }

  private static <R> TableColumn<R, String> textColumn(
      String title, Function<R, String> value, double width) {
    TableColumn<R, String> col = new TableColumn<>(title);
    col.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    // The whole text as the tooltip, for a column too narrow to show it (a long path or detail).
    col.setCellFactory(c -> new TooltipCell<>());
    col.setPrefWidth(width);
    return col;
  }

  private static <R> TableColumn<R, Integer> numberColumn(String title, Function<R, Integer> v) {
    TableColumn<R, Integer> col = new TableColumn<>(title);
    col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(v.apply(c.getValue())));
    col.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
              }
            });
    col.getStyleClass().add("number-column");
    col.setPrefWidth(110);
    return col;
  }
}
