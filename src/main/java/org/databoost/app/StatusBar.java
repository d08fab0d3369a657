package org.databoost.app;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.databoost.app.common.TaskProgress;
import org.databoost.app.common.TaskSource;

/**
 * The bottom bar: what happened last or is happening now, one progress for the running job (the bar
 * and its text show the same fraction, with the time left) and a way to cancel it.
 */
final class StatusBar {
  private StatusBar() {}

  static HBox build(TaskSource session) {
    Label status = new Label();
    status.setId("status-text");
    status.textProperty().bind(session.statusProperty());
    status.setMinWidth(0);
    Label stage = new Label();
    stage.setId("progress-text");
    stage.setMinWidth(Region.USE_PREF_SIZE);
    ProgressBar bar = new ProgressBar();
    bar.setId("progress-bar");
    bar.setPrefWidth(220);
    bar.setMinWidth(120);
    Button cancel = new Button("Cancel");
    cancel.setId("cancel-task");
    cancel.setOnAction(e -> session.cancel());
    session
        .taskProperty()
        .addListener(
            (obs, old, task) -> {
              stage.textProperty().unbind();
              bar.progressProperty().unbind();
              if (task != null) {
                stage
                    .textProperty()
                    .bind(
                        Bindings.createStringBinding(
                            () -> text(task),
                            task.stageProperty(),
                            task.etaProperty(),
                            task.fractionProperty(),
                            task.wholeJobProperty()));
                bar.progressProperty().bind(task.fractionProperty());
              }
            });
    session
        .failureProperty()
        .addListener(
            (obs, old, failure) -> {
              if (failure != null) {
                ErrorDialog.show(failure);
              }
            });
    bar.visibleProperty().bind(session.busyProperty());
    cancel.visibleProperty().bind(session.busyProperty());
    stage.visibleProperty().bind(session.busyProperty());
    // Hidden, they give their room to the status text (else it is cut off after a long job).
    for (Region r : List.of(stage, bar, cancel)) {
      r.managedProperty().bind(r.visibleProperty());
    }
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox box = new HBox(10, status, spacer, stage, bar, cancel);
    box.setAlignment(Pos.CENTER_LEFT);
    box.getStyleClass().add("status-bar");
    return box;
  }

  /** "fold 2/3: train epoch 5/30 · 41% of the whole job · about 3 min left". */
  static String text(TaskProgress task) {
    StringBuilder sb = new StringBuilder(task.stageProperty().get());
    double f = task.fractionProperty().get();
    if (f >= 0) {
      sb.append(String.format(Locale.ROOT, " · %.0f%%", 100 * f));
      sb.append(task.wholeJobProperty().get() ? " of the whole job" : " of this step");
    }
    if (!task.etaProperty().get().isEmpty()) {
      sb.append(" · ").append(task.etaProperty().get());
    }
    return sb.toString();
  }
}
