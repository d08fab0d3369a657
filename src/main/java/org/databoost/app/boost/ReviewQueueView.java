package org.databoost.app.boost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.databoost.app.boost.ReviewQueueViewModel.Decision;
import org.databoost.app.boost.ReviewQueueViewModel.Row;
import org.databoost.boost.CorpusProposal;

/**
 * The review queue: the corpus images Boost proposed, each beside the validation error it serves;
 * single keys decide the selected one and move on (A or Enter accept, 1..9 and 0 relabel, Delete or
 * X reject, U undecided), and Add applies the decisions as one journaled edit.
 */
public final class ReviewQueueView {
  static final int PREVIEW = 160;

  private final ReviewQueueViewModel model;
  private final Supplier<Path> root;
  private TableView<Row> table;

  /**
   * @param root the open dataset's folder (the served validation image is shown from it)
   */
  public ReviewQueueView(ReviewQueueViewModel model, Supplier<Path> root) {
    this.model = model;
    this.root = root;
  }

  public VBox build() {
    Label help =
        new Label(
            "Corpus images proposed by Boost --corpus. Keys on the selected row: A or Enter"
                + " accepts the proposed label, 1..9 and 0 accept with another label, Delete or X"
                + " rejects, U undoes the decision. Nothing is added until you press Add.");
    help.setWrapText(true);
    Label summary = new Label();
    summary.setId("review-summary");
    summary.setWrapText(true);
    summary.textProperty().bind(model.summaryProperty());
    table = new TableView<>(model.rows());
    table.setId("review-table");
    table.setPlaceholder(new Label("No corpus images wait for review."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    TableColumn<Row, String> decision = new TableColumn<>("Decision");
    decision.setCellValueFactory(
        c ->
            c.getValue()
                .decisionProperty()
                .map(
                    d ->
                        d == Decision.UNDECIDED ? "" : d == Decision.ACCEPT ? "accept" : "reject"));
    decision.setPrefWidth(80);
    TableColumn<Row, String> label = new TableColumn<>("Label");
    label.setCellValueFactory(c -> c.getValue().labelProperty());
    label.setPrefWidth(60);
    table
        .getColumns()
        .setAll(
            List.of(
                decision,
                label,
                column("Proposed", p -> p.label(), 70),
                column("Label source", CorpusProposal::labelSource, 130),
                column("Confidence", p -> String.format(Locale.ROOT, "%.2f", p.confidence()), 85),
                column("Similarity", p -> String.format(Locale.ROOT, "%.3f", p.similarity()), 80),
                column("Serves (validation error)", CorpusProposal::serves, 200),
                column("Corpus image", p -> p.corpus() + ": " + p.path(), 220)));
    ImageView candidate = picture("review-candidate");
    ImageView served = picture("review-served");
    Label candidateText = new Label();
    candidateText.setWrapText(true);
    candidateText.setMaxWidth(PREVIEW);
    Label servedText = new Label();
    servedText.setWrapText(true);
    servedText.setMaxWidth(PREVIEW);
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, r) -> {
              if (r == null) {
                candidate.setImage(null);
                served.setImage(null);
                candidateText.setText("");
                servedText.setText("");
                return;
              }
              CorpusProposal p = r.proposal();
              candidate.setImage(load(p.file()));
              candidateText.setText(
                  String.format(
                      Locale.ROOT,
                      "Corpus image, proposed %s (%s, %.2f)",
                      p.label(),
                      p.labelSource(),
                      p.confidence()));
              Path dataset = root.get();
              served.setImage(dataset == null ? null : load(dataset.resolve(p.serves())));
              servedText.setText("Serves " + p.serves());
            });
    model
        .rows()
        .addListener(
            (ListChangeListener<Row>)
                c -> {
                  if (!model.rows().isEmpty() && table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().select(0);
                  }
                });
    Button add = new Button("Add accepted, mark rejected");
    add.setId("review-apply");
    add.setOnAction(e -> model.apply());
    add.setDisable(true);
    model.summaryProperty().addListener((o, a, b) -> add.setDisable(model.rows().isEmpty()));
    VBox pictures = new VBox(6, candidate, candidateText, served, servedText);
    pictures.setMinWidth(PREVIEW + 8);
    HBox middle = new HBox(10, table, pictures);
    HBox.setHgrow(table, Priority.ALWAYS);
    VBox.setVgrow(middle, Priority.ALWAYS);
    VBox box = new VBox(8, help, summary, middle, new HBox(8, add));
    box.setPadding(new Insets(12));
    return box;
  }

  /** A decision key on the selected row: decides it and selects the next one. */
  public void handleKey(KeyEvent e) {
    if (table == null || e.getTarget() instanceof javafx.scene.control.TextInputControl) {
      return;
    }
    Row row = table.getSelectionModel().getSelectedItem();
    if (row == null) {
      return;
    }
    boolean modified = e.isShortcutDown() || e.isShiftDown() || e.isAltDown();
    ReviewKeys.of(e.getCode(), modified, model.labels())
        .ifPresent(
            action -> {
              model.decide(row, action);
              int next = table.getSelectionModel().getSelectedIndex() + 1;
              if (next < model.rows().size()) {
                table.getSelectionModel().select(next);
                table.scrollTo(Math.max(0, next - 3));
              }
              table.refresh();
              e.consume();
            });
  }

  private static Image load(Path file) {
    return Files.isRegularFile(file)
        ? new Image(file.toUri().toString(), PREVIEW, PREVIEW, true, true, true)
        : null;
  }

  private static ImageView picture(String id) {
    ImageView v = new ImageView();
    v.setId(id);
    v.setFitWidth(PREVIEW);
    v.setFitHeight(PREVIEW);
    v.setPreserveRatio(true);
    return v;
  }

  private static TableColumn<Row, String> column(
      String title, Function<CorpusProposal, String> value, double width) {
    TableColumn<Row, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue().proposal())));
    c.setPrefWidth(width);
    return c;
  }
}
