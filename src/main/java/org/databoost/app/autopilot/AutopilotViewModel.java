package org.databoost.app.autopilot;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.databoost.app.common.Session;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.autopilot.AutopilotOptions;
import org.databoost.autopilot.AutopilotPlan;
import org.databoost.autopilot.AutopilotReport;
import org.databoost.autopilot.AutopilotService;
import org.databoost.autopilot.EmbeddingVerdicts;
import org.databoost.autopilot.StepResult;
import org.databoost.dataset.DatasetScanner;
import org.databoost.task.CancelledException;
import org.databoost.workspace.Workspace;

/**
 * The autopilot's state in the window: the plan under review, the steps done so far, the report.
 * Work runs through the image table's job runner (one background executor, the status bar's
 * progress and Cancel, the table reloaded after), so the workspace is touched by one thread only.
 */
public final class AutopilotViewModel {
  private final ImagesViewModel images;
  private final Executor ui;
  private final ObjectProperty<AutopilotPlan> plan = new SimpleObjectProperty<>();
  private final ObjectProperty<Path> root = new SimpleObjectProperty<>();
  private final ObjectProperty<AutopilotReport> report = new SimpleObjectProperty<>();
  private final ObservableList<StepResult> done = FXCollections.observableArrayList();

  public AutopilotViewModel(ImagesViewModel images, Executor ui) {
    this.images = images;
    this.ui = ui;
  }

  private static AutopilotService service(AutopilotOptions o) {
    return new AutopilotService(new DatasetScanner(), new EmbeddingVerdicts(o.seed()));
  }

  /** Judges the open dataset and plans every step; changes nothing. */
  public void plan(AutopilotOptions options) {
    plan.set(null);
    report.set(null);
    done.clear();
    Session session = images.session();
    session.run(
        "Planning the autopilot…",
        progress -> {
          Workspace ws = session.requireWorkspace();
          return new Planned(service(options).plan(ws, options, progress), ws.layout().root());
        },
        p -> {
          root.set(p.root());
          plan.set(p.plan());
          return "Autopilot plan ready: review each step, then press Run.";
        });
  }

  private record Planned(AutopilotPlan plan, Path root) {}

  /**
   * Runs the plan under review; each step is one edit, so Ctrl+Z takes the run back step by step.
   */
  public void run() {
    AutopilotPlan p = plan.get();
    if (p == null) {
      throw new IllegalStateException("plan first");
    }
    done.clear();
    images.reloadAfter(
        "Running the autopilot…",
        (ws, progress) -> {
          int[] steps = new int[1];
          try {
            AutopilotReport r =
                service(p.options())
                    .run(
                        ws,
                        p,
                        progress,
                        s -> {
                          steps[0] += s.ran() ? 1 : 0;
                          ui.execute(() -> done.add(s));
                        });
            ui.execute(() -> report.set(r));
            return String.format(
                Locale.ROOT,
                "Autopilot done: %d steps changed the dataset in %.0f s; Ctrl+Z undoes them one by"
                    + " one.",
                steps[0],
                r.totalSeconds());
          } catch (CancelledException e) {
            return "Autopilot cancelled: the "
                + steps[0]
                + " steps done stay as edits (Ctrl+Z undoes them); the step that was running left"
                + " nothing behind.";
          }
        });
  }

  public ReadOnlyObjectProperty<AutopilotPlan> planProperty() {
    return plan;
  }

  /** The dataset folder the plan's example paths are relative to. */
  public ReadOnlyObjectProperty<Path> rootProperty() {
    return root;
  }

  public ReadOnlyObjectProperty<AutopilotReport> reportProperty() {
    return report;
  }

  /** The steps finished by the current run, as they finish. */
  public ObservableList<StepResult> done() {
    return done;
  }

  public ImagesViewModel images() {
    return images;
  }
}
