package org.databoost.app.map;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.databoost.app.runs.EditsSince;

/**
 * The map tab's toolbar (Compute map; the Lasso / Box / Pan tool; Reset view; Clear selection, Show
 * in table; what is shown) and the line of mouse and key hints under the map.
 */
final class MapToolbar {
  private final MapViewModel model;
  private final Runnable showTable;
  private final Label info = new Label();
  private final Label stale = new Label();
  private final Label hints = new Label();

  MapToolbar(MapViewModel model, Runnable showTable) {
    this.model = model;
    this.showTable = showTable;
  }

  HBox build() {
    Button compute = new Button("Compute map");
    compute.setId("compute-map");
    compute.setOnAction(e -> model.compute());
    compute.disableProperty().bind(model.busyProperty().or(model.datasetReadyProperty().not()));

    Button reset = new Button("Reset view");
    reset.setId("reset-view");
    reset.setOnAction(e -> model.resetView());
    reset.disableProperty().bind(model.transformProperty().isEqualTo(ViewTransform.IDENTITY));
    Button clear = new Button("Clear selection");
    clear.setId("clear-selection");
    clear.setOnAction(e -> model.clearSelection());
    clear
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> model.selectionProperty().get().isEmpty(), model.selectionProperty()));
    Button show = new Button("Show in table");
    show.setId("show-in-table");
    show.setOnAction(e -> showTable.run());
    show.setTooltip(new Tooltip("The Images tab shows only the selection"));
    show.disableProperty().bind(clear.disableProperty());

    javafx.scene.control.ChoiceBox<MapColouring> colour =
        new javafx.scene.control.ChoiceBox<>(
            javafx.collections.FXCollections.observableArrayList(MapColouring.values()));
    colour.setId("map-colouring");
    colour.valueProperty().bindBidirectional(model.colouringProperty());
    colour.setFocusTraversable(false); // keys stay the map's (0, Esc)
    colour.setTooltip(
        new Tooltip("What the colours show: split, given or predicted label, verdict"));
    Label colourTitle = new Label("Colour by");
    colourTitle.setMinWidth(Region.USE_PREF_SIZE);

    info.setId("map-info");
    info.getStyleClass().add("map-info");
    info.setMinWidth(Region.USE_PREF_SIZE);
    // "Out of date" gets a line of its own under the counts: on the same line it squeezed the
    // buttons until their names were cut off.
    stale.setId("map-out-of-date");
    stale.getStyleClass().addAll("map-info", "out-of-date");
    stale.setMinWidth(Region.USE_PREF_SIZE);
    stale.managedProperty().bind(stale.textProperty().isNotEmpty());
    stale.visibleProperty().bind(stale.managedProperty());
    VBox status = new VBox(info, stale);
    status.setAlignment(Pos.CENTER_RIGHT);
    model.pointsProperty().addListener(o -> updateInfo());
    model.selectionProperty().addListener(o -> updateInfo());
    model.transformProperty().addListener(o -> updateInfo());
    model.editsSinceProperty().addListener(o -> updateInfo());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar =
        new HBox(
            8,
            compute,
            new Separator(Orientation.VERTICAL),
            tools(),
            reset,
            new Separator(Orientation.VERTICAL),
            clear,
            show,
            new Separator(Orientation.VERTICAL),
            colourTitle,
            colour,
            spacer,
            status);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(0, 0, 8, 0));
    for (Region r : List.of(compute, reset, clear, show, colour)) {
      r.setMinWidth(Region.USE_PREF_SIZE);
    }
    updateInfo();
    return bar;
  }

  /** The hints under the map, following the chosen tool. */
  Label hints() {
    hints.getStyleClass().add("map-hints");
    hints.setId("map-hints");
    model.toolProperty().addListener(o -> updateHints());
    updateHints();
    return hints;
  }

  private HBox tools() {
    ToggleGroup group = new ToggleGroup();
    List<ToggleButton> buttons =
        List.of(
            tool("Lasso", MapViewModel.Tool.LASSO, group, "left-pill"),
            tool("Box", MapViewModel.Tool.BOX, group, "center-pill"),
            tool("Pan", MapViewModel.Tool.PAN, group, "right-pill"));
    group.selectToggle(buttons.get(model.toolProperty().get().ordinal()));
    group
        .selectedToggleProperty()
        .addListener(
            (o, old, now) -> {
              if (now == null) {
                group.selectToggle(old); // one tool is always chosen
              } else {
                model.toolProperty().set((MapViewModel.Tool) now.getUserData());
              }
            });
    model
        .toolProperty()
        .addListener((o, old, now) -> group.selectToggle(buttons.get(now.ordinal())));
    return new HBox(buttons.toArray(new ToggleButton[0]));
  }

  private static ToggleButton tool(
      String text, MapViewModel.Tool tool, ToggleGroup group, String pill) {
    ToggleButton b = new ToggleButton(text);
    b.setId("tool-" + tool.name().toLowerCase(Locale.ROOT));
    b.setUserData(tool);
    b.setToggleGroup(group);
    b.getStyleClass().add(pill);
    b.setFocusTraversable(false);
    b.setMinWidth(Region.USE_PREF_SIZE);
    return b;
  }

  private void updateInfo() {
    int n = model.pointsProperty().get().size();
    int s = model.selectionProperty().get().size();
    if (n == 0) {
      info.setText("");
      stale.setText("");
      return;
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%,d images", n));
    if (s > 0) {
      sb.append(String.format(Locale.ROOT, " · %,d selected", s));
    }
    if (model.isZoomed()) {
      sb.append(String.format(Locale.ROOT, " · zoom ×%.1f", model.zoom()));
    }
    int edits = model.editsSinceProperty().get();
    info.setText(sb.toString());
    stale.setText(edits > 0 ? EditsSince.describe(edits) + " the map (Compute map)" : "");
  }

  private void updateHints() {
    String drag =
        switch (model.toolProperty().get()) {
          case LASSO -> "Drag: lasso";
          case BOX -> "Drag: box, Shift+drag: lasso";
          case PAN -> "Drag: pan, Shift+drag: lasso";
        };
    hints.setText(
        drag
            + "  ·  right-drag: pan  ·  wheel: zoom  ·  click: select the image  ·"
            + "  Esc: clear the selection  ·  0: whole map");
  }
}
