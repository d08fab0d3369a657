package org.databoost.app;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.app.map.MapViewModel;
import org.databoost.app.summary.DatasetSummaryViewModel;
import org.databoost.dataset.DatasetScanner;
import org.databoost.sample.DefaultSample;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.workspace.WorkspaceOptions;

/**
 * The window's three view models as the app wires them, for window tests: the sample dataset and
 * the user data folder inside {@code tmp}, background work on {@code background}.
 */
public record WindowModels(
    DatasetSummaryViewModel summary, ImagesViewModel images, MapViewModel map) {
  public static WindowModels create(Path tmp, ExecutorService background) {
    DatasetSummaryViewModel summary =
        new DatasetSummaryViewModel(
            new DatasetScanner(),
            new DefaultSample(new SampleDatasetGenerator()),
            tmp.resolve("sample"),
            background,
            Platform::runLater);
    ImagesViewModel images =
        new ImagesViewModel(
            background,
            Platform::runLater,
            WorkspaceOptions.defaults().withDataDir(tmp.resolve("home")));
    MapViewModel map =
        new MapViewModel(background, Platform::runLater, images::workspaceOnBackground);
    return new WindowModels(summary, images, map);
  }
}
