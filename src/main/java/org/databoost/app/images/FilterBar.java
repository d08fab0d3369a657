package org.databoost.app.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The quick filters above the table and the gallery: split (only those the dataset has), label
 * (with its image count), file name, misclassified, flagged, added by Boost, and the map's
 * selection. Every control is bound both ways, so a reset from elsewhere shows in them.
 */
final class FilterBar {
  private static final String ALL = "";

  private final ImagesViewModel model;

  FilterBar(ImagesViewModel model) {
    this.model = model;
  }

  HBox build() {
    RowFilters f = model.filters();
    ChoiceBox<String> split = choice("split-filter", model.splits(), f.splitProperty(), "splits");
    ChoiceBox<String> label = choice("label-filter", model.labels(), f.labelProperty(), "labels");
    label.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(String l) {
            if (l == null || l.isEmpty()) {
              return String.format(Locale.ROOT, "all labels (%,d)", model.allRows().size());
            }
            return String.format(Locale.ROOT, "%s (%,d)", l, model.labelCount(l));
          }

          @Override
          public String fromString(String s) {
            return s;
          }
        });
    TextField search = new TextField();
    search.setPromptText("Search file names");
    search.setId("image-search");
    search.textProperty().bindBidirectional(f.searchProperty());
    CheckBox wrong = new CheckBox("Misclassified");
    wrong.setId("misclassified-only");
    wrong.selectedProperty().bindBidirectional(f.misclassifiedOnlyProperty());
    CheckBox flagged = new CheckBox("Flagged");
    flagged.setId("flagged-only");
    flagged.selectedProperty().bindBidirectional(f.flaggedOnlyProperty());
    CheckBox boosted = new CheckBox("Added by Boost");
    boosted.setId("boost-added-only");
    boosted.selectedProperty().bindBidirectional(f.boostAddedOnlyProperty());
    Button clearMap = new Button("Clear map selection");
    clearMap.setId("clear-map-selection");
    clearMap.setOnAction(e -> f.mapSelectionProperty().set(Set.of()));
    clearMap.visibleProperty().bind(f.mapSelectionProperty().map(s -> !s.isEmpty()));
    clearMap.managedProperty().bind(clearMap.visibleProperty());
    Button reset = new Button("Show all");
    reset.setId("reset-filters");
    reset.setOnAction(e -> f.reset());
    Label count = new Label();
    count.setId("shown-count");
    count
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    String.format(
                        Locale.ROOT,
                        "%,d of %,d shown",
                        model.rows().size(),
                        model.allRows().size()),
                model.rows(),
                model.allRows()));
    // Controls keep their size; when the window is narrow the search field gives way.
    for (Region r : List.of(split, label, wrong, flagged, boosted, clearMap, reset, count)) {
      r.setMinWidth(Region.USE_PREF_SIZE);
    }
    search.setPrefColumnCount(12);
    search.setMinWidth(90);
    HBox bar = new HBox(10, split, label, search, wrong, flagged, boosted, clearMap, reset, count);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(0, 0, 6, 0));
    return bar;
  }

  /**
   * A choice of "all" or one of {@code values}, kept in step with the filter property both ways and
   * refilled whenever the values change (a new dataset, or counts after an edit).
   */
  private static ChoiceBox<String> choice(
      String id, ObservableList<String> values, StringProperty filter, String what) {
    ChoiceBox<String> box = new ChoiceBox<>();
    box.setId(id);
    box.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(String v) {
            return v == null || v.isEmpty() ? "all " + what : v;
          }

          @Override
          public String fromString(String s) {
            return s;
          }
        });
    Runnable fill =
        () -> {
          String keep = filter.get();
          List<String> items = new ArrayList<>();
          items.add(ALL);
          items.addAll(values);
          box.getItems().setAll(items);
          box.setValue(items.contains(keep) ? keep : ALL);
        };
    fill.run();
    values.addListener((ListChangeListener<String>) c -> fill.run());
    box.valueProperty().addListener((o, a, b) -> filter.set(b == null ? ALL : b));
    filter.addListener((o, a, b) -> box.setValue(box.getItems().contains(b) ? b : ALL));
    return box;
  }
}
