package org.databoost.app.runs;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.databoost.training.TrainingConfig;

/**
 * The Evaluate dialog: preset, folds, threads and models trained at once, with an estimate of the
 * time it will take that follows every change.
 */
public final class EvaluateDialog {
  private final ChoiceBox<String> preset = new ChoiceBox<>();
  private final Spinner<Integer> folds =
      new Spinner<>(FXCollections.observableArrayList(0, 2, 3, 4, 5, 6, 8, 10));
  private final Spinner<Integer> threads =
      new Spinner<>(1, Runtime.getRuntime().availableProcessors(), TrainingConfig.defaultThreads());
  private final Spinner<Integer> jobs =
      new Spinner<>(
          1,
          Math.max(1, Runtime.getRuntime().availableProcessors()),
          TrainingConfig.defaultJobs(3));
  private final Label estimate = new Label();
  private final int trainImages;
  private final OptionalDouble pace;

  /**
   * @param trainImages the training images the models will learn from
   * @param pace seconds per image and epoch measured by an earlier run, if any
   */
  public EvaluateDialog(int trainImages, OptionalDouble pace) {
    this.trainImages = trainImages;
    this.pace = pace;
    preset.getItems().setAll(List.of("quick", "competition"));
    preset.setValue("quick");
    folds.getValueFactory().setValue(3);
    preset.setId("evaluate-preset");
    folds.setId("evaluate-folds");
    threads.setId("evaluate-threads");
    jobs.setId("evaluate-jobs");
    estimate.setId("evaluate-estimate");
    preset
        .valueProperty()
        .addListener(
            (o, a, p) -> folds.getValueFactory().setValue(TrainingConfig.preset(p).folds()));
    folds
        .valueProperty()
        .addListener((o, a, k) -> jobs.getValueFactory().setValue(TrainingConfig.defaultJobs(k)));
  }

  /** The configuration as the form stands. */
  public TrainingConfig config() {
    return TrainingConfig.preset(preset.getValue())
        .withFolds(folds.getValue())
        .withThreads(threads.getValue())
        .withJobs(jobs.getValue());
  }

  /** The estimate line for the form as it stands. */
  public String estimateText() {
    TrainingConfig c = config();
    return EvaluateEstimate.words(EvaluateEstimate.seconds(c, trainImages, pace))
        + " for "
        + (c.folds() < 2
            ? "one model"
            : (c.folds() + 1) + " models (the main one and " + c.folds() + " folds)")
        + " on "
        + trainImages
        + " training images"
        + (pace.isPresent() ? ", at the pace of the last run" : "");
  }

  public GridPane content() {
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.setPadding(new Insets(10));
    grid.addRow(0, new Label("Preset"), preset);
    grid.addRow(1, new Label("Folds (0: train images in sample)"), folds);
    grid.addRow(2, new Label("Threads"), threads);
    grid.addRow(3, new Label("Models at once (folds in worker processes)"), jobs);
    Label presets =
        new Label(
            "quick: batch 32, at most 30 epochs, early stopping.\n"
                + "competition: the 2021 protocol, batch 8, 100 epochs, best validation epoch.");
    presets.getStyleClass().add("hint");
    grid.add(presets, 0, 4, 2, 1);
    estimate
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                this::estimateText,
                preset.valueProperty(),
                folds.valueProperty(),
                threads.valueProperty(),
                jobs.valueProperty()));
    estimate.setWrapText(true);
    estimate.setMaxWidth(460);
    grid.add(estimate, 0, 5, 2, 1);
    return grid;
  }

  /** Shows the dialog; the configuration when the user pressed Evaluate. */
  public Optional<TrainingConfig> showAndWait(Window owner) {
    Dialog<TrainingConfig> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle("Evaluate");
    dialog.setHeaderText("Train the fixed model and judge every label.");
    ButtonType run = new ButtonType("Evaluate", ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().setAll(run, ButtonType.CANCEL);
    dialog.getDialogPane().setContent(content());
    dialog.setResultConverter(b -> b == run ? config() : null);
    return dialog.showAndWait();
  }
}
