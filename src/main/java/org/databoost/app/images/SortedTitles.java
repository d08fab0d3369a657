package org.databoost.app.images;

import java.util.HashMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * Keeps a sorted column's title whole: the sort arrow takes room from the title ("Qua…▲" in a
 * narrow column), so a sorted column grows by what its title and the arrow need beyond its width,
 * and a donor column (File, whose names are cut anyway and shown whole in the tooltip and the
 * viewer) gives that room, down to a minimum. Unsorted, a column returns to its width.
 */
final class SortedTitles<S> {
  /**
   * The sort arrow's share of a header: the arrow with its padding and the grid that holds it
   * (modena at the window's 13 px font; measured, and EditFlowTest checks every sorted title).
   */
  static final double ARROW_ROOM = 12;

  private final TableView<S> table;
  private final TableColumn<S, ?> donor;
  private final double donorMin;
  private final Map<TableColumnBase<?, ?>, Double> extra = new HashMap<>();

  private SortedTitles(TableView<S> table, TableColumn<S, ?> donor, double donorMin) {
    this.table = table;
    this.donor = donor;
    this.donorMin = donorMin;
  }

  /** Installs the rule on this table; {@code donor} gives the room, down to {@code donorMin}. */
  static <S> void install(TableView<S> table, TableColumn<S, ?> donor, double donorMin) {
    SortedTitles<S> titles = new SortedTitles<>(table, donor, donorMin);
    table
        .getSortOrder()
        .addListener((ListChangeListener<TableColumn<S, ?>>) c -> Platform.runLater(titles::fit));
  }

  private void fit() {
    double given = 0;
    for (Node n : table.lookupAll(".column-header")) {
      if (!(n instanceof TableColumnHeader header)
          || header.getTableColumn() == null
          || header.getTableColumn() == donor) {
        continue;
      }
      TableColumnBase<?, ?> column = header.getTableColumn();
      double had = extra.getOrDefault(column, 0.0);
      double want =
          table.getSortOrder().contains(column)
              ? Math.max(0, Math.ceil(needed(header)) - (column.getWidth() - had))
              : 0;
      if (want != had) {
        column.setPrefWidth(column.getPrefWidth() - had + want);
        extra.put(column, want);
        given += want - had;
      }
    }
    if (given != 0) {
      donor.setPrefWidth(Math.max(donorMin, donor.getPrefWidth() - given));
    }
  }

  /** The header's width with its whole title (padding included) beside the arrow. */
  private static double needed(TableColumnHeader header) {
    double title = 0;
    for (Node child : header.getChildrenUnmodifiable()) {
      if (child instanceof Label label) {
        title = label.prefWidth(-1);
      }
    }
    return header.snappedLeftInset() + title + ARROW_ROOM + header.snappedRightInset();
  }
}
