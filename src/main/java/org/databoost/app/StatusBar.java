package org.databoost.app;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.databoost.app.common.TaskSource;

/** The bottom bar: what is happening, its progress, and a way to cancel it. */
final class StatusBar {
  private StatusBar() {}

  static HBox build(List<TaskSource> sources) {
    Label status = new Label();
    status.setId("status-text");
    Label stage = new Label();
    ProgressBar bar = new ProgressBar();
    bar.setPrefWidth(220);
    Button cancel = new Button("Cancel");
    cancel.setId("cancel-task");
    BooleanBinding anyBusy = Bindings.createBooleanBinding(() -> false);
    for (TaskSource source : sources) {
      source.statusProperty().addListener((obs, old, text) -> status.setText(text));
      source
          .taskProperty()
          .addListener(
              (obs, old, task) -> {
                if (task != null) {
                  stage
                      .textProperty()
                      .bind(
                          Bindings.createStringBinding(
                              () ->
                                  task.etaProperty().get().isEmpty()
                                      ? task.stageProperty().get()
                                      : task.stageProperty().get()
                                          + " · "
                                          + task.etaProperty().get(),
                              task.stageProperty(),
                              task.etaProperty()));
                  bar.progressProperty().bind(task.fractionProperty());
                  cancel.setOnAction(e -> source.cancel());
                }
              });
      anyBusy = anyBusy.or(source.busyProperty());
      source
          .failureProperty()
          .addListener(
              (obs, old, failure) -> {
                if (failure != null) {
                  ErrorDialog.show(failure);
                }
              });
    }
    bar.visibleProperty().bind(anyBusy);
    cancel.visibleProperty().bind(anyBusy);
    stage.visibleProperty().bind(anyBusy);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox box = new HBox(10, status, spacer, stage, bar, cancel);
    box.setAlignment(Pos.CENTER_LEFT);
    box.getStyleClass().add("status-bar");
    return box;
  }
}
