package org.databoost.app.autopilot;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.databoost.autopilot.AutopilotOptions;

/**
 * The Autopilot… window: the steps and their parameters on the left, Plan, then the plan's review
 * (counts and example images per step, before anything changes), then Run.
 */
public final class AutopilotDialog {
  private final AutopilotViewModel model;
  private final CheckBox[] steps = new CheckBox[6];
  private final CheckBox flips = new CheckBox("mirrors the data verifies");
  private final TextField confidence = new TextField();
  private final TextField margin = new TextField();
  private final TextField valShare = new TextField();
  private final TextField budget = new TextField();
  private final TextField fillShare = new TextField();
  private final TextField rounds = new TextField();
  private final Label problem = new Label();
  private final PlanReview review = new PlanReview();
  private final Button plan = new Button("Plan");
  private final Button run = new Button("Run autopilot");
  private final AutopilotForm initial;
  private BorderPane root;

  private static final String[] TITLES = {
    "a. Remove junk and leaks",
    "b. Relabel confident label errors",
    "c. Normalise: crop to the ink, pad to square",
    "d. Re-split train and val",
    "e. Fill the budget with augmentation",
    "f. Boost the remaining errors"
  };

  public AutopilotDialog(AutopilotViewModel model, AutopilotOptions initial) {
    this.model = model;
    this.initial = AutopilotForm.of(initial);
    for (int i = 0; i < steps.length; i++) {
      steps[i] = new CheckBox(TITLES[i]);
      steps[i].setSelected(this.initial.steps()[i]);
      steps[i].setId("autopilot-step-on-" + (char) ('a' + i));
    }
    flips.setSelected(this.initial.flips());
    confidence.setText(this.initial.relabelConfidence());
    margin.setText(this.initial.margin());
    valShare.setText(this.initial.valShare());
    budget.setText(this.initial.budget());
    fillShare.setText(this.initial.fillShare());
    rounds.setText(this.initial.rounds());
    plan.setId("autopilot-plan");
    run.setId("autopilot-run");
    problem.setId("autopilot-problem");
    problem.getStyleClass().add("form-problem");
    problem.setWrapText(true);
    plan.setOnAction(e -> model.plan(form().options()));
    run.setOnAction(e -> model.run());
    model.planProperty().addListener((o, a, p) -> refresh());
    model.done().addListener((ListChangeListener<Object>) c -> refresh());
  }

  /** The form as it stands. */
  public AutopilotForm form() {
    boolean[] on = new boolean[steps.length];
    for (int i = 0; i < on.length; i++) {
      on[i] = steps[i].isSelected();
    }
    return new AutopilotForm(
        on,
        flips.isSelected(),
        confidence.getText(),
        margin.getText(),
        valShare.getText(),
        budget.getText(),
        fillShare.getText(),
        rounds.getText(),
        initial.training(),
        initial.seed());
  }

  private void refresh() {
    if (model.planProperty().get() != null) {
      review.show(
          model.planProperty().get(), model.rootProperty().get(), List.copyOf(model.done()));
    }
  }

  /** The window's content, for tests and snapshots. */
  public BorderPane content() {
    if (root != null) {
      return root;
    }
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    grid.setPadding(new Insets(10));
    int row = 0;
    grid.add(steps[0], 0, row++, 2, 1);
    grid.add(steps[1], 0, row++, 2, 1);
    row = field(grid, row, "  least confidence", confidence);
    grid.add(steps[2], 0, row++, 2, 1);
    row = field(grid, row, "  margin around the ink", margin);
    grid.add(steps[3], 0, row++, 2, 1);
    row = field(grid, row, "  val share", valShare);
    grid.add(steps[4], 0, row++, 2, 1);
    row = field(grid, row, "  share of the budget", fillShare);
    grid.add(flips, 1, row++);
    grid.add(steps[5], 0, row++, 2, 1);
    row = field(grid, row, "  rounds (at most)", rounds);
    row = field(grid, row, "Budget: train + val at most", budget);
    Label training = new Label("Boost trains with the " + initial.training().preset() + " preset.");
    training.getStyleClass().add("hint");
    grid.add(training, 0, row++, 2, 1);
    grid.add(new HBox(8, plan, run), 0, row++, 2, 1);
    grid.add(problem, 0, row, 2, 1);
    problem.setMaxWidth(320);
    for (TextField f : List.of(confidence, margin, valShare, budget, fillShare, rounds)) {
      f.setPrefColumnCount(6);
    }
    var problemText =
        Bindings.createStringBinding(
            () -> form().problem().orElse(""),
            confidence.textProperty(),
            margin.textProperty(),
            valShare.textProperty(),
            budget.textProperty(),
            fillShare.textProperty(),
            rounds.textProperty());
    problem.textProperty().bind(problemText);
    ReadOnlyBooleanProperty busy = model.images().session().busyProperty();
    plan.disableProperty().bind(busy.or(problemText.isNotEmpty()));
    run.disableProperty()
        .bind(busy.or(model.planProperty().isNull()).or(model.reportProperty().isNotNull()));
    ScrollPane scroll = new ScrollPane(review);
    scroll.setFitToWidth(true);
    Label status = new Label();
    status.textProperty().bind(model.images().session().statusProperty());
    status.setId("autopilot-status");
    status.setPadding(new Insets(4, 10, 6, 10));
    root = new BorderPane(scroll, null, null, status, grid);
    return root;
  }

  private static int field(GridPane grid, int row, String label, Node field) {
    grid.add(new Label(label), 0, row);
    grid.add(field, 1, row);
    return row + 1;
  }

  /** Opens the window (not modal: the table and its status bar stay usable). */
  public Stage show(Window owner) {
    Stage stage = new Stage();
    stage.initOwner(owner);
    stage.setTitle("Autopilot");
    stage.setScene(new Scene(content(), 1180, 760));
    stage.show();
    return stage;
  }
}
