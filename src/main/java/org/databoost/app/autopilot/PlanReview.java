package org.databoost.app.autopilot;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.databoost.autopilot.AutopilotPlan;
import org.databoost.autopilot.PlanStep;
import org.databoost.autopilot.StepResult;
import org.databoost.dataset.Split;

/**
 * The plan as the user reviews it before anything changes: per step its heading, its counts and
 * thumbnails of the images it will change with why; after a run, what each step did.
 */
final class PlanReview extends VBox {
  static final double THUMB = 56;

  /** Thumbnails loaded for the plan, kept so that the review still shows them after the run. */
  private final Map<String, Image> thumbnails = new HashMap<>();

  private AutopilotPlan shown;

  PlanReview() {
    setSpacing(10);
    setPadding(new Insets(8));
    setId("autopilot-review");
    getChildren().add(hint("Press Plan: the dataset is judged and every step planned on a copy."));
  }

  void show(AutopilotPlan plan, Path root, List<StepResult> done) {
    if (plan != shown) {
      thumbnails.clear();
      shown = plan;
    }
    getChildren().clear();
    Label head =
        new Label(
            String.format(
                Locale.ROOT,
                "Now train %,d, val %,d. After steps a–e: train %,d, val %,d (budget %,d). Judge: %s.",
                plan.before().get(Split.TRAIN),
                plan.before().get(Split.VAL),
                plan.after().get(Split.TRAIN),
                plan.after().get(Split.VAL),
                plan.options().budget(),
                plan.judge()));
    head.setWrapText(true);
    head.setId("autopilot-headline");
    getChildren().add(head);
    for (String w : plan.warnings()) {
      Label l = new Label("Note: " + w);
      l.setWrapText(true);
      l.getStyleClass().add("form-problem");
      getChildren().add(l);
    }
    for (PlanStep s : plan.steps()) {
      getChildren().add(step(s, root, done));
    }
  }

  private VBox step(PlanStep s, Path root, List<StepResult> done) {
    Label title = new Label(s.heading() + (s.enabled() ? "" : "  (off)"));
    title.setStyle("-fx-font-weight: bold;");
    Label summary = new Label(s.summary());
    summary.setWrapText(true);
    summary.setId("autopilot-step-" + s.letter());
    VBox box = new VBox(4, title, summary);
    box.setOpacity(s.enabled() ? 1 : 0.55);
    if (!s.examples().isEmpty()) {
      FlowPane thumbs = new FlowPane(6, 6);
      for (PlanStep.Example e : s.examples()) {
        thumbs.getChildren().add(example(root, e));
      }
      box.getChildren().add(thumbs);
    }
    done.stream()
        .filter(r -> r.letter() == s.letter())
        .findFirst()
        .ifPresent(
            r -> {
              Label result =
                  new Label(
                      (r.ran() ? "Done: " : "Skipped: ")
                          + r.note()
                          + (r.opIds().isEmpty() ? "" : " (edit #" + r.opIds().get(0) + ")"));
              result.setId("autopilot-done-" + s.letter());
              result.setWrapText(true);
              result.setStyle("-fx-text-fill: #1b6e20;");
              box.getChildren().add(result);
            });
    box.setPadding(new Insets(6));
    box.setStyle("-fx-border-color: #d0d0d0; -fx-border-radius: 4;");
    return box;
  }

  private VBox example(Path root, PlanStep.Example e) {
    ImageView view = new ImageView();
    if (e.hasPreview()) {
      view.getStyleClass().add("autopilot-preview");
      view.setImage(
          thumbnails.computeIfAbsent(
              "preview:" + e.path(),
              p -> new Image(new ByteArrayInputStream(e.preview()), THUMB, THUMB, true, true)));
    } else if (root != null) {
      view.setImage(
          thumbnails.computeIfAbsent(
              e.path(),
              p -> new Image(root.resolve(p).toUri().toString(), THUMB, THUMB, true, true, true)));
    }
    view.setFitWidth(THUMB);
    view.setFitHeight(THUMB);
    view.setPreserveRatio(true);
    String name = e.path().substring(e.path().lastIndexOf('/') + 1);
    Label caption = new Label(shorten(e.path().substring(0, e.path().lastIndexOf('/') + 1) + name));
    caption.setMaxWidth(150);
    caption.setStyle("-fx-font-size: 9px;");
    Label note = new Label(e.note());
    note.setMaxWidth(150);
    note.setWrapText(true);
    note.setStyle("-fx-font-size: 9px;");
    VBox v = new VBox(2, view, caption, note);
    v.setMaxWidth(150);
    return v;
  }

  private static String shorten(String path) {
    return path.length() <= 26
        ? path
        : path.substring(0, 14) + "…" + path.substring(path.length() - 10);
  }

  private static Label hint(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.getStyleClass().add("hint");
    return l;
  }
}
