package org.databoost.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.databoost.app.autopilot.AutopilotDialog;
import org.databoost.app.autopilot.AutopilotViewModel;
import org.databoost.app.boost.BoostDialog;
import org.databoost.app.boost.BoostForm;
import org.databoost.app.boost.CorpusChoice;
import org.databoost.app.images.ImageItem;
import org.databoost.app.runs.EvaluateDialog;
import org.databoost.app.runs.EvaluateEstimate;
import org.databoost.app.runs.RunInfo;
import org.databoost.app.settings.RecentDatasets;
import org.databoost.app.settings.WorkbenchSettings;
import org.databoost.autopilot.AutopilotOptions;
import org.databoost.corpus.Corpus;
import org.databoost.dataset.Split;

/**
 * What the window offers to do, as a menu bar (with the shortcuts, Ctrl+Q among them) and a toolbar
 * of the frequent actions: open a dataset, Evaluate, Boost, Export, undo and redo.
 */
final class WindowActions {
  private final Wiring w;
  private final WorkbenchSettings settings;
  private final ObjectProperty<Path> root;
  private final Stage stage;
  private final BooleanExpression idle;
  private final BooleanExpression idleWithData;

  WindowActions(Wiring wiring, WorkbenchSettings settings, ObjectProperty<Path> root, Stage stage) {
    this.w = wiring;
    this.settings = settings;
    this.root = root;
    this.stage = stage;
    this.idle = wiring.session().busyProperty().not();
    this.idleWithData = idle.and(root.isNotNull());
  }

  MenuBar menuBar() {
    MenuItem open = item("Open dataset…", this::chooseDataset, idle);
    MenuItem sample = item("Open the sample dataset", () -> w.summary().open(null), idle);
    MenuItem export = item("Export a run…", this::export, idleWithData);
    MenuItem quit = item("Quit", stage::close, null);
    quit.setId("menu-quit");
    quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
    Menu file = new Menu("File", null, open, sample, new SeparatorMenuItem(), export);
    file.getItems().addAll(new SeparatorMenuItem(), quit);
    MenuItem undo = item("Undo the last edit", () -> w.images().edits().undo(), idleWithData);
    undo.setId("menu-undo");
    undo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
    MenuItem redo = item("Redo", () -> w.images().edits().redo(), idleWithData);
    redo.setId("menu-redo");
    redo.setAccelerator(
        new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
    MenuItem keys =
        new MenuItem(
            "Keys in the Images tab: 1..9, 0 relabel · Enter accepts · Delete trashes · K keeps the"
                + " label");
    keys.setDisable(true);
    Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), keys);
    MenuItem evaluate = item("Evaluate…", this::evaluate, idleWithData);
    evaluate.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
    MenuItem flags =
        item(
            "Flag from the embeddings (no training)",
            () -> w.images().flagFromEmbeddings(),
            idleWithData);
    MenuItem boost = item("Boost…", this::boost, idleWithData);
    MenuItem autopilot = item("Autopilot…", this::autopilot, idleWithData);
    MenuItem map = item("Compute the map", () -> w.map().compute(), idleWithData);
    MenuItem check =
        item(
            "Find near-duplicates and outliers",
            () -> w.images().findDuplicatesAndOutliers(),
            idleWithData);
    Menu model =
        new Menu(
            "Model", null, flags, evaluate, boost, autopilot, new SeparatorMenuItem(), map, check);
    MenuBar bar = new MenuBar(file, edit, model);
    bar.setId("menu-bar");
    return bar;
  }

  ToolBar toolbar() {
    SplitMenuButton open = new SplitMenuButton();
    open.setText("Open dataset…");
    open.setId("open-dataset");
    open.setOnAction(e -> chooseDataset());
    // Rebuilt when shown, so that a folder deleted meanwhile shows as missing.
    open.setOnShowing(e -> fillRecent(open));
    settings.recent().paths().addListener((InvalidationListener) o -> fillRecent(open));
    fillRecent(open);
    Button sample = button("Open sample", "open-sample", () -> w.summary().open(null), idle);
    Button evaluate = button("Evaluate…", "evaluate", this::evaluate, idleWithData);
    Button boost = button("Boost…", "boost", this::boost, idleWithData);
    Button autopilot = button("Autopilot…", "autopilot", this::autopilot, idleWithData);
    Button export = button("Export…", "export", this::export, idleWithData);
    Button undo = button("Undo", "undo", () -> w.images().edits().undo(), idleWithData);
    Button redo = button("Redo", "redo", () -> w.images().edits().redo(), idleWithData);
    open.disableProperty().bind(idle.not());
    Label path = new Label();
    // A read-only dataset says so where its path is, before any edit is refused.
    StringExpression readOnly = w.images().readOnlyProperty();
    path.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    w.summary().datasetPathProperty().get()
                        + (readOnly.get().isEmpty() ? "" : "  (read-only: view only)"),
                w.summary().datasetPathProperty(),
                readOnly));
    path.tooltipProperty().bind(readOnly.map(r -> r.isEmpty() ? null : new Tooltip(r)));
    path.setId("dataset-path");
    path.getStyleClass().add("dataset-path");
    path.setMinWidth(0);
    return new ToolBar(
        open,
        sample,
        new Separator(),
        evaluate,
        boost,
        autopilot,
        export,
        new Separator(),
        undo,
        redo,
        path);
  }

  private static MenuItem item(String text, Runnable action, BooleanExpression enabled) {
    MenuItem m = new MenuItem(text);
    m.setOnAction(e -> action.run());
    if (enabled != null) {
      m.disableProperty().bind(enabled.not());
    }
    return m;
  }

  private static Button button(String text, String id, Runnable action, BooleanExpression enabled) {
    Button b = new Button(text);
    b.setId(id);
    b.setOnAction(e -> action.run());
    b.disableProperty().bind(enabled.not());
    return b;
  }

  private void chooseDataset() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Open a dataset folder");
    File dir = chooser.showDialog(stage);
    if (dir != null) {
      w.summary().open(dir.toPath());
    }
  }

  void evaluate() {
    List<ImageItem> rows = w.images().allRows();
    int train = (int) rows.stream().filter(i -> i.in(Split.TRAIN)).count();
    int n = train > 0 ? train : rows.size();
    var pace =
        w.images().runs().stream()
            .findFirst()
            .map(r -> EvaluateEstimate.pace(r.epochs(), n))
            .orElse(OptionalDouble.empty());
    new EvaluateDialog(n, pace).showAndWait(stage).ifPresent(c -> w.images().evaluate(c));
  }

  private void autopilot() {
    new AutopilotDialog(
            new AutopilotViewModel(w.images(), Platform::runLater), AutopilotOptions.defaults())
        .show(stage);
  }

  private void boost() {
    String readOnly = w.images().readOnlyProperty().get();
    if (!readOnly.isEmpty()) {
      w.images()
          .session()
          .say(
              readOnly
                  + " Boost adds images to train/: open a copy of the dataset that you can write.");
      return;
    }
    List<CorpusChoice> corpora = new ArrayList<>();
    String problem = "";
    try {
      for (Corpus c : w.services().boosting().corpora()) {
        corpora.add(CorpusChoice.of(c));
      }
    } catch (IOException | RuntimeException e) {
      problem = e.getMessage();
    }
    new BoostDialog(BoostForm.defaults(), corpora, problem)
        .showAndWait(stage)
        .ifPresent(r -> w.images().boost(r.options(), r.corpus(), r.autoAcceptAbove()));
  }

  /** A run entry in the export dialog's list. */
  private record RunChoice(RunInfo run) {
    @Override
    public String toString() {
      return run.title();
    }
  }

  private void export() {
    List<RunChoice> runs = w.images().runs().stream().map(RunChoice::new).toList();
    if (runs.isEmpty()) {
      w.session().say("There is no run to export yet: press Evaluate first.");
      return;
    }
    RunChoice shown =
        runs.stream()
            .filter(r -> r.run().equals(w.images().shownRunProperty().get()))
            .findFirst()
            .orElse(runs.get(0));
    ChoiceDialog<RunChoice> which = new ChoiceDialog<>(shown, runs);
    which.initOwner(stage);
    which.setTitle("Export");
    which.setHeaderText("Which run goes into the Excel workbook?");
    which.setContentText("Run:");
    Optional<RunChoice> run = which.showAndWait();
    if (run.isEmpty()) {
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export run #" + run.get().run().id() + " as an Excel workbook");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel", "*.xlsx"));
    chooser.setInitialFileName("databoost-run-" + run.get().run().id() + ".xlsx");
    File file = chooser.showSaveDialog(stage);
    if (file != null) {
      w.images().export(file.toPath(), run.get().run().id());
    }
  }

  /** The Recent part of the Open button's menu: the last datasets, missing ones disabled. */
  private void fillRecent(SplitMenuButton open) {
    open.getItems().clear();
    List<RecentDatasets.Entry> entries = settings.recent().entries();
    if (entries.isEmpty()) {
      MenuItem none = new MenuItem("No recent datasets");
      none.setDisable(true);
      open.getItems().add(none);
      return;
    }
    for (int i = 0; i < entries.size(); i++) {
      RecentDatasets.Entry entry = entries.get(i);
      MenuItem item = new MenuItem(entry.path() + (entry.exists() ? "" : "  (missing)"));
      item.setId("recent-" + i);
      item.setMnemonicParsing(false);
      item.setDisable(!entry.exists());
      item.setOnAction(e -> w.summary().open(entry.path()));
      open.getItems().add(item);
    }
    MenuItem clear = new MenuItem("Clear recent datasets");
    clear.setId("clear-recent");
    clear.setOnAction(
        e -> {
          settings.recent().clear();
          settings.save();
        });
    open.getItems().addAll(new SeparatorMenuItem(), clear);
  }
}
