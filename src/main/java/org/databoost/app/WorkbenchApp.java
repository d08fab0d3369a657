package org.databoost.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: builds the object graph and shows the main window. */
public final class WorkbenchApp extends Application {
  @Override
  public void start(Stage stage) {
    stage.setTitle("Databoost");
    stage.setScene(new Scene(new Label("Databoost"), 1100, 720));
    stage.show();
  }
}
