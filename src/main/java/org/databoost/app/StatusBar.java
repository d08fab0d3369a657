package org.databoost.app;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.databoost.app.summary.DatasetSummaryViewModel;

/** The bottom bar: what is happening, its progress, and a way to cancel it. */
final class StatusBar {
  private StatusBar() {}

  static HBox build(DatasetSummaryViewModel model) {
    Label status = new Label();
    status.textProperty().bind(model.statusProperty());
    Label stage = new Label();
    ProgressBar bar = new ProgressBar();
    bar.setPrefWidth(220);
    Button cancel = new Button("Cancel");
    cancel.setOnAction(e -> model.cancel());
    model
        .taskProperty()
        .addListener(
            (obs, old, task) -> {
              stage.textProperty().unbind();
              bar.progressProperty().unbind();
              if (task != null) {
                stage.textProperty().bind(task.stageProperty());
                bar.progressProperty().bind(task.fractionProperty());
              } else {
                stage.setText("");
              }
            });
    bar.visibleProperty().bind(model.busyProperty());
    cancel.visibleProperty().bind(model.busyProperty());
    stage.visibleProperty().bind(model.busyProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox box = new HBox(10, status, spacer, stage, bar, cancel);
    box.setAlignment(Pos.CENTER_LEFT);
    box.getStyleClass().add("status-bar");
    return box;
  }
}
