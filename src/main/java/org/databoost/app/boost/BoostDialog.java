package org.databoost.app.boost;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.databoost.boost.BoostOptions;

/**
 * The Boost dialog: where the candidates come from (the augmentation pool or a registered corpus,
 * queued for review or auto-accepted above a confidence) and the pipeline's options, checked as
 * they are typed.
 */
public final class BoostDialog {
  /** The pool's entry in the source list. */
  static final String POOL = "Augmentation pool (generated from train/)";

  private static final String POOL_HEADER =
      "Add augmented neighbours of the misclassified validation images to train/, and retrain.";
  private static final String CORPUS_HEADER =
      "Propose the nearest corpus images of the misclassified validation images, each with a"
          + " label, for review or to add at once, and retrain.";

  private final ComboBox<Object> source = new ComboBox<>();
  private final Label sourceNote = new Label();
  private final ToggleGroup corpusMode = new ToggleGroup();
  private final RadioButton review =
      new RadioButton("Queue them for review (nothing is added until you accept)");
  private final RadioButton auto = new RadioButton("Auto-accept at confidence ≥");
  private final TextField autoAcceptAbove = new TextField();
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
  private final Label header = new Label(POOL_HEADER);

  public BoostDialog(BoostForm initial) {
    this(initial, List.of(), "");
  }

  /**
   * @param corpora the registered corpora, as {@code corpus list} shows them
   * @param corporaProblem why the corpora could not be listed ("" when they could)
   */
  public BoostDialog(BoostForm initial, List<CorpusChoice> corpora, String corporaProblem) {
    List<Object> sources = new ArrayList<>();
    sources.add(POOL);
    sources.addAll(corpora);
    source.getItems().setAll(sources);
    source.setValue(
        corpora.stream()
            .filter(c -> c.name().equals(initial.corpus()))
            .findFirst()
            .map(c -> (Object) c)
            .orElse(POOL));
    source.setDisable(corpora.isEmpty());
    sourceNote.setText(
        !corporaProblem.isEmpty()
            ? "The corpora could not be listed: " + corporaProblem
            : corpora.isEmpty()
                ? "No corpus is registered, so the pool is the only source:"
                    + " corpus add NAME FOLDER registers one (docs/scale.md)."
                : "");
    sourceNote.setWrapText(true);
    sourceNote.setMaxWidth(SOURCE_WIDTH);
    sourceNote.getStyleClass().add("hint");
    review.setToggleGroup(corpusMode);
    auto.setToggleGroup(corpusMode);
    (initial.autoAccept() ? auto : review).setSelected(true);
    autoAcceptAbove.setText(initial.autoAcceptAbove());
    autoAcceptAbove.setPrefColumnCount(5);
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
    source.setId("boost-source");
    sourceNote.setId("boost-source-note");
    review.setId("boost-review");
    auto.setId("boost-auto");
    autoAcceptAbove.setId("boost-auto-accept");
    candidates.setId("boost-candidates");
    k.setId("boost-k");
    rounds.setId("boost-rounds");
    budget.setId("boost-budget");
    compare.setId("boost-compare");
    problem.setId("boost-problem");
    problem.getStyleClass().add("form-problem");
    for (Region field : List.of(source, candidates, k, rounds, budget, embedder, preset, seed)) {
      field.setPrefWidth(FIELD_WIDTH);
      field.setMaxWidth(FIELD_WIDTH);
    }
    // Wide enough for a corpus's whole `corpus list` line.
    source.setPrefWidth(SOURCE_WIDTH);
    source.setMaxWidth(SOURCE_WIDTH);
    sourceNote.managedProperty().bind(sourceNote.textProperty().isNotEmpty());
    // The pool's own settings mean nothing for a corpus, and the corpus's nothing for the pool.
    BooleanBinding fromPool =
        Bindings.createBooleanBinding(() -> corpus().isEmpty(), source.valueProperty());
    candidates.disableProperty().bind(fromPool.not());
    compare.disableProperty().bind(fromPool.not());
    review.disableProperty().bind(fromPool);
    auto.disableProperty().bind(fromPool);
    autoAcceptAbove.disableProperty().bind(fromPool.or(auto.selectedProperty().not()));
    header.textProperty().bind(Bindings.when(fromPool).then(POOL_HEADER).otherwise(CORPUS_HEADER));
    source
        .valueProperty()
        .addListener(
            (o, was, now) -> {
              if (!(now instanceof String)) {
                compare.setSelected(false);
              }
            });
  }

  private static final double FIELD_WIDTH = 220;
  private static final double SOURCE_WIDTH = 600;

  /** The chosen corpus's name; "" for the pool. */
  private String corpus() {
    return source.getValue() instanceof CorpusChoice c ? c.name() : "";
  }

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
        seed.getText(),
        corpus(),
        auto.isSelected(),
        autoAcceptAbove.getText());
  }

  /** The dialog's content, for tests and snapshots. */
  public GridPane content() {
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(8);
    grid.setPadding(new Insets(16));
    int row = 0;
    header.setWrapText(true);
    header.setMaxWidth(860);
    header.setId("boost-header");
    grid.add(header, 0, row++, 2, 1);
    row = add(grid, row, "Candidates from", source);
    grid.add(sourceNote, 1, row++);
    HBox autoRow = new HBox(8, auto, autoAcceptAbove);
    autoRow.setAlignment(Pos.CENTER_LEFT);
    row = add(grid, row, "Corpus images", new VBox(6, review, autoRow));
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
                + " a round without a validation gain is undone automatically (auto-accepted"
                + " corpus images then wait in the Review queue tab).");
    hint.setWrapText(true);
    hint.setMaxWidth(860);
    hint.getStyleClass().add("hint");
    grid.add(hint, 0, row++, 2, 1);
    grid.add(problem, 0, row, 2, 1);
    problem.textProperty().bind(problemText());
    return grid;
  }

  /** The form's problem, recomputed as any field changes ("" when it can run). */
  StringBinding problemText() {
    return Bindings.createStringBinding(
        () -> form().problem().orElse(""),
        source.valueProperty(),
        auto.selectedProperty(),
        autoAcceptAbove.textProperty(),
        compare.selectedProperty(),
        candidates.getEditor().textProperty(),
        candidates.valueProperty(),
        budget.textProperty(),
        seed.textProperty(),
        embedder.getEditor().textProperty(),
        embedder.valueProperty());
  }

  /** Shows the dialog; the request when the user pressed Boost. */
  public Optional<BoostForm.Request> showAndWait(Window owner) {
    Dialog<BoostForm.Request> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle("Boost");
    ButtonType run = new ButtonType("Boost", ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().setAll(run, ButtonType.CANCEL);
    dialog.getDialogPane().setContent(content());
    Node ok = dialog.getDialogPane().lookupButton(run);
    ok.disableProperty().bind(problem.textProperty().isNotEmpty());
    dialog.setResultConverter(b -> b == run ? form().request() : null);
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
