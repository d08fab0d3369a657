package org.databoost.app.boost;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.databoost.boost.BoostOptions;

/** The Boost dialog: the pipeline's options, checked as they are typed. */
public final class BoostDialog {
  private final ComboBox<String> candidates = new ComboBox<>();
  private final Spinner<Integer> k = new Spinner<>(1, 200, 10);
  private final Spinner<Integer> rounds = new Spinner<>(1, 10, 2);
  private final TextField budget = new TextField();
  private final ComboBox<String> embedder = new ComboBox<>();
  private final ComboBox<String> preset = new ComboBox<>();
  private final CheckBox resplit = new CheckBox("Re-split train and val first (stratified)");
  private final CheckBox compare = new CheckBox("Compare with as many random candidates");
  private final TextField seed = new TextField();
  private final Label problem = new Label();

  public BoostDialog(BoostForm initial) {
    candidates.setEditable(true);
    candidates.getItems().setAll(List.of("10,000", "100,000", "1,000,000"));
    candidates.setValue(initial.candidates());
    k.getValueFactory().setValue(initial.k());
    rounds.getValueFactory().setValue(initial.rounds());
    budget.setText(initial.budget());
    embedder.setEditable(true);
    embedder.getItems().setAll(List.of("glyph", "raw-pixels", "imagenet-resnet50"));
    embedder.setValue(initial.embedder());
    preset.getItems().setAll(List.of("quick", "competition"));
    preset.setValue(initial.preset());
    resplit.setSelected(initial.resplit());
    compare.setSelected(initial.compareRandom());
    seed.setText(initial.seed());
    k.setEditable(true);
    rounds.setEditable(true);
    candidates.setId("boost-candidates");
    k.setId("boost-k");
    rounds.setId("boost-rounds");
    budget.setId("boost-budget");
    compare.setId("boost-compare");
    problem.setId("boost-problem");
    problem.getStyleClass().add("form-problem");
    for (Region field : List.of(candidates, k, rounds, budget, embedder, preset, seed)) {
      field.setPrefWidth(FIELD_WIDTH);
      field.setMaxWidth(FIELD_WIDTH);
    }
  }

  private static final double FIELD_WIDTH = 220;

  /** The form as it stands. */
  public BoostForm form() {
    return new BoostForm(
        candidates.getEditor().getText().isEmpty()
            ? String.valueOf(candidates.getValue())
            : candidates.getEditor().getText(),
        k.getValue(),
        rounds.getValue(),
        budget.getText(),
        embedder.getEditor().getText().isEmpty()
            ? embedder.getValue()
            : embedder.getEditor().getText(),
        preset.getValue(),
        resplit.isSelected(),
        compare.isSelected(),
        seed.getText());
  }

  /** The dialog's content, for tests and snapshots. */
  public GridPane content() {
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(8);
    grid.setPadding(new Insets(16));
    int row = 0;
    row = add(grid, row, "Candidates in the pool", candidates);
    row = add(grid, row, "Candidates per validation error (k)", k);
    row = add(grid, row, "Rounds (at most)", rounds);
    row = add(grid, row, "Budget: train + val images at most", budget);
    row = add(grid, row, "Embedder", embedder);
    row = add(grid, row, "Training preset", preset);
    row = add(grid, row, "Seed", seed);
    grid.add(resplit, 1, row++);
    grid.add(compare, 1, row++);
    Label hint =
        new Label(
            "Each round adds its images to train/ as one edit (Ctrl+Z undoes it) and retrains;"
                + " a round without a validation gain is undone automatically.");
    hint.setWrapText(true);
    hint.setMaxWidth(620);
    hint.getStyleClass().add("hint");
    grid.add(hint, 0, row++, 2, 1);
    grid.add(problem, 0, row, 2, 1);
    return grid;
  }

  /** Shows the dialog; the options when the user pressed Boost. */
  public Optional<BoostOptions> showAndWait(Window owner) {
    Dialog<BoostOptions> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle("Boost");
    dialog.setHeaderText(
        "Add augmented neighbours of the misclassified validation images to train/, and retrain.");
    ButtonType run = new ButtonType("Boost", ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().setAll(run, ButtonType.CANCEL);
    dialog.getDialogPane().setContent(content());
    Node ok = dialog.getDialogPane().lookupButton(run);
    var problemText =
        Bindings.createStringBinding(
            () -> form().problem().orElse(""),
            candidates.getEditor().textProperty(),
            candidates.valueProperty(),
            budget.textProperty(),
            seed.textProperty(),
            embedder.getEditor().textProperty(),
            embedder.valueProperty());
    problem.textProperty().bind(problemText);
    ok.disableProperty().bind(problemText.isNotEmpty());
    dialog.setResultConverter(b -> b == run ? form().options() : null);
    return dialog.showAndWait();
  }

  private static int add(GridPane grid, int row, String label, Node field) {
    grid.add(new Label(label), 0, row);
    grid.add(field, 1, row);
    return row + 1;
  }

  static BoostOptions defaults() {
    return BoostForm.defaults().options();
  }
}
