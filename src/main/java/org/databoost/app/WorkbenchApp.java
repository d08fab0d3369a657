package org.databoost.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.databoost.DataDirs;
import org.databoost.app.common.BackgroundTasks;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.app.map.MapViewModel;
import org.databoost.app.settings.SettingsFile;
import org.databoost.app.settings.WorkbenchSettings;
import org.databoost.app.summary.DatasetSummaryViewModel;
import org.databoost.dataset.DatasetScanner;
import org.databoost.sample.DefaultSample;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.workspace.WorkspaceOptions;

/** The JavaFX application: builds the object graph by hand and shows the main window. */
public final class WorkbenchApp extends Application {
  private BackgroundTasks tasks;
  private ImagesViewModel images;
  private WorkbenchSettings settings;

  @Override
  public void start(Stage stage) {
    tasks = new BackgroundTasks(1);
    DatasetSummaryViewModel summary =
        new DatasetSummaryViewModel(
            new DatasetScanner(),
            new DefaultSample(new SampleDatasetGenerator()),
            DataDirs.sampleDataset(),
            tasks.executor(),
            Platform::runLater);
    images = new ImagesViewModel(tasks.executor(), Platform::runLater, WorkspaceOptions.defaults());
    MapViewModel map =
        new MapViewModel(tasks.executor(), Platform::runLater, images::workspaceOnBackground);
    settings = WorkbenchSettings.load(new SettingsFile(DataDirs.settingsFile()));
    new MainWindow(summary, images, map, settings).show(stage);
    List<String> args = getParameters().getRaw();
    summary.open(args.isEmpty() ? null : Path.of(args.get(0)));
  }

  @Override
  public void stop() {
    if (settings != null) {
      settings.save();
    }
    if (images != null) {
      images.close();
    }
    if (tasks != null) {
      tasks.close();
    }
  }
}
