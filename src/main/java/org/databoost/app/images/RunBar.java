package org.databoost.app.images;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.databoost.app.runs.EditsSince;
import org.databoost.app.runs.RunInfo;

/**
 * The line above the filters: which run the table shows (a picker of every kept run), its
 * accuracies named as such, and whether the dataset has changed since ("out of date: N edits
 * since").
 */
final class RunBar {
  private final ImagesViewModel model;
  private boolean updating;

  RunBar(ImagesViewModel model) {
    this.model = model;
  }

  HBox build() {
    Label title = new Label("Run shown:");
    title.setMinWidth(Region.USE_PREF_SIZE);
    ChoiceBox<RunInfo> picker = new ChoiceBox<>();
    picker.setId("run-picker");
    picker.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(RunInfo r) {
            return r == null ? "none yet" : r.title();
          }

          @Override
          public RunInfo fromString(String s) {
            return null;
          }
        });
    // Before the first run the list is empty and would be measured without its "none yet".
    picker
        .minWidthProperty()
        .bind(
            javafx.beans.binding.Bindings.when(
                    javafx.beans.binding.Bindings.isEmpty(picker.getItems()))
                .then(90.0)
                .otherwise(Region.USE_PREF_SIZE));
    picker.disableProperty().bind(model.session().busyProperty());
    Label figures = new Label();
    figures.setId("run-headline");
    figures.getStyleClass().add("run-summary");
    figures.setMinWidth(0);
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(figures.textProperty());
    figures.setTooltip(tip);
    HBox.setHgrow(figures, Priority.ALWAYS);
    Runnable refresh =
        () -> {
          updating = true;
          picker.getItems().setAll(model.runs());
          picker.setValue(model.shownRunProperty().get());
          RunInfo shown = model.shownRunProperty().get();
          figures.setText(
              shown == null
                  ? model.headlineProperty().get()
                  : shown.figures()
                      + (shown.editsSince() > 0
                          ? "  —  " + EditsSince.describe(shown.editsSince()) + " the run"
                          : ""));
          figures.getStyleClass().remove("out-of-date");
          if (shown != null && shown.editsSince() > 0) {
            figures.getStyleClass().add("out-of-date");
          }
          updating = false;
        };
    model.runs().addListener((ListChangeListener<RunInfo>) c -> refresh.run());
    model.shownRunProperty().addListener(o -> refresh.run());
    model.headlineProperty().addListener(o -> refresh.run());
    picker
        .valueProperty()
        .addListener(
            (o, a, r) -> {
              if (!updating && r != null) {
                model.showRun(r.id());
              }
            });
    refresh.run();
    HBox bar = new HBox(8, title, picker, figures);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(0, 0, 6, 0));
    return bar;
  }
}
