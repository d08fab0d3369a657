package org.databoost.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.databoost.app.common.BackgroundTasks;
import org.databoost.app.settings.SettingsFile;
import org.databoost.app.settings.WorkbenchSettings;
import org.databoost.files.DataDirs;
import org.databoost.workspace.WorkspaceOptions;

/** The JavaFX application: wires the object graph ({@link Wiring}) and shows the main window. */
public final class WorkbenchApp extends Application {
  private BackgroundTasks tasks;
  private Wiring wiring;
  private WorkbenchSettings settings;

  @Override
  public void start(Stage stage) {
    tasks = new BackgroundTasks(1);
    wiring =
        Wiring.create(
            Wiring.standardServices(),
            WorkspaceOptions.defaults(),
            DataDirs.sampleDataset(),
            tasks.executor(),
            Platform::runLater);
    settings = WorkbenchSettings.load(new SettingsFile(DataDirs.settingsFile()));
    new MainWindow(wiring, settings).show(stage);
    List<String> args = getParameters().getRaw();
    wiring.summary().open(args.isEmpty() ? null : Path.of(args.get(0)));
  }

  @Override
  public void stop() {
    if (settings != null) {
      settings.save();
    }
    if (wiring != null) {
      wiring.session().close();
    }
    if (tasks != null) {
      tasks.close();
    }
  }
}
