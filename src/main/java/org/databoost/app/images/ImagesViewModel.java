package org.databoost.app.images;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.databoost.app.common.OverallProgress;
import org.databoost.app.common.Services;
import org.databoost.app.common.Session;
import org.databoost.app.runs.RunInfo;
import org.databoost.boost.BoostOptions;
import org.databoost.boost.BoostReport;
import org.databoost.boost.RoundReport;
import org.databoost.dataset.LabelOrder;
import org.databoost.dataset.Split;
import org.databoost.report.ReportOptions;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.HistoryEntry;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;

/**
 * The image table's state: one row per image joined with the run it shows, the kept runs, quick
 * filters, and the jobs that change them (open, Evaluate, Boost, Export; edits are {@link
 * ImageEdits}'). Jobs go through the {@link Session}; the core through the {@link Services} handed
 * in, so this is tested without the JavaFX toolkit and without training a model.
 */
public final class ImagesViewModel {
  private final Session session;
  private final Services services;

  private final ObservableList<ImageItem> items = FXCollections.observableArrayList();
  private final ObservableList<String> labels = FXCollections.observableArrayList();
  private final ObservableList<String> splits = FXCollections.observableArrayList();
  private final ObservableList<String> runLabels = FXCollections.observableArrayList();
  private final ObservableList<RunInfo> runs = FXCollections.observableArrayList();
  private final ObjectProperty<RunInfo> shownRun = new SimpleObjectProperty<>();
  private final LongProperty wantedRun = new SimpleLongProperty();
  private final Map<String, Integer> labelCounts = new LinkedHashMap<>();
  private final FilteredList<ImageItem> filtered = new FilteredList<>(items);
  private final SortedList<ImageItem> sorted = new SortedList<>(filtered);
  private final RowFilters filters = new RowFilters();
  private final StringProperty headline = new SimpleStringProperty("No dataset open.");
  private final StringProperty readOnly = new SimpleStringProperty("");
  private final ObjectProperty<BoostReport> lastBoost = new SimpleObjectProperty<>();
  private final ObservableList<RoundReport> boostRounds = FXCollections.observableArrayList();
  private final ObservableList<String> boostUnchecked = FXCollections.observableArrayList();
  private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
  private final StringProperty currentPath = new SimpleStringProperty();
  private final StringProperty requestedPath = new SimpleStringProperty();
  private String lastPath; // the last image selected in the table, kept while a filter hides it
  private final StringProperty sortColumn = new SimpleStringProperty("");
  private final BooleanProperty sortAscending = new SimpleBooleanProperty(true);
  private final ImageEdits edits;

  public ImagesViewModel(Session session, Services services) {
    this.session = session;
    this.services = services;
    this.edits = new ImageEdits(this, session);
    currentPath.addListener(
        (o, old, now) -> {
          if (now != null) {
            lastPath = now;
          } else if (old != null && sorted.stream().anyMatch(i -> i.path().equals(old))) {
            lastPath = null; // unselected while in view: the user's choice, not a filter's
          }
        });
    filters.onChange(
        () -> {
          filtered.setPredicate(filters.predicate());
          // A filter that hid the current image (a box on the map) and lets it through again (Esc)
          // gives it back its selection; nothing happens while it stays filtered out.
          if (currentPath.get() == null && lastPath != null) {
            requestSelection(lastPath);
          }
        });
  }

  /**
   * Opens the dataset's workspace (closing the previous one), loads its rows, then checks them: the
   * near-duplicates and outliers once, and, where the dataset has no run yet and the wiring allows,
   * the flags from the embeddings (junk, leaks, duplicates, label errors; seconds, no training), so
   * that a first look needs no Evaluate.
   */
  public void open(Path root) {
    edits.forgetKeeps();
    wantedRun.set(0);
    lastBoost.set(null);
    session.run(
        "Loading images…",
        progress -> {
          Workspace ws = session.open(root, progress);
          TableSnapshot now = load();
          boolean checked = now.rows().stream().anyMatch(i -> !Double.isNaN(i.outlier()));
          return new Opened(now, checked || ws.images().isEmpty(), ws.readOnlyReason().orElse(""));
        },
        opened -> {
          readOnly.set(opened.readOnly());
          String message = apply(opened.snapshot());
          if (!opened.checked()) {
            findDuplicatesAndOutliers();
          }
          if (opened.snapshot().runs().isEmpty()
              && opened.snapshot().rows().size() > 0
              && services.evaluation().flagsOnOpen()) {
            flagFromEmbeddings();
          }
          return opened.readOnly().isEmpty() ? message : opened.readOnly();
        });
  }

  private record Opened(TableSnapshot snapshot, boolean checked, String readOnly) {}

  /**
   * Fills the Duplicates and Outlier columns from the embeddings alone (no model needed); the
   * embeddings are cached by content, so a second time is quick.
   */
  public void findDuplicatesAndOutliers() {
    reloadAfter(
        "Finding near-duplicates and outliers (embeddings, no model needed)…",
        (ws, progress) -> {
          services.similarity().analyse(ws, progress);
          return "Near-duplicates and outliers found from the embeddings.";
        });
  }

  /** A finished judging job: the table to show and what was left out and why. */
  private record Judged(TableSnapshot snapshot, String message) {}

  /**
   * Flags leaks, duplicates, junk and label errors from the glyph embeddings alone (seconds, no
   * training), kept as a run and shown in the table.
   */
  public void flagFromEmbeddings() {
    session.run(
        "Flagging from the embeddings…",
        progress -> {
          String message =
              services.evaluation().flagsOnly(session.requireWorkspace(), 42, progress);
          return new Judged(TableSnapshot.of(session.requireWorkspace(), 0), message);
        },
        j -> {
          wantedRun.set(0);
          String m = apply(j.snapshot());
          return j.message().isEmpty() ? "Flagged from the embeddings alone. " + m : j.message();
        });
  }

  /** Trains the fixed model with this configuration, keeps the run and shows its predictions. */
  public void evaluate(TrainingConfig config) {
    session.run(
        "Evaluating with the " + config.preset() + " preset…",
        OverallProgress.training(config.folds() >= 2 ? config.folds() + 1 : 1),
        progress -> {
          Workspace ws = session.requireWorkspace();
          services.evaluation().evaluate(ws, config, progress);
          String message =
              ws.runs().latest().map(r -> r.parameters().getOrDefault("message", "")).orElse("");
          return new Judged(TableSnapshot.of(ws, 0), message);
        },
        j -> {
          TableSnapshot s = j.snapshot();
          String why = j.message();
          wantedRun.set(0);
          String m = apply(s);
          // A run without a model (one class, too few images) has no figures; the why says so.
          String done =
              s.shown()
                  .filter(r -> !r.figures().isEmpty())
                  .map(r -> "Evaluated: " + r.figures() + ".")
                  .orElse(why.isEmpty() ? m : "");
          return (done + " " + why).trim();
        });
  }

  /**
   * Runs Data Boosting with these options: rounds of retrieved candidates added to train/, each one
   * undoable edit, with retraining; the report is published in {@link #lastBoostProperty()}.
   */
  public void boost(BoostOptions options) {
    boost(options, "", OptionalDouble.empty());
  }

  /**
   * Boost from the registered corpus {@code corpus} ("" : the augmentation pool): its proposals
   * wait in the review queue, or those with confidence at least {@code autoAcceptAbove} are added.
   */
  public void boost(BoostOptions options, String corpus, OptionalDouble autoAcceptAbove) {
    session.run(
        corpus.isEmpty()
            ? "Boosting with "
                + String.format(Locale.ROOT, "%,d", options.candidates())
                + " candidates…"
            : "Boosting from the corpus " + corpus + "…",
        progress -> {
          BoostReport report =
              services
                  .boosting()
                  .boost(session.requireWorkspace(), options, corpus, autoAcceptAbove, progress);
          return new Boosted(report, TableSnapshot.of(session.requireWorkspace(), 0));
        },
        b -> {
          wantedRun.set(0);
          apply(b.snapshot());
          lastBoost.set(b.report());
          return String.format(
              Locale.ROOT,
              "Boost: val accuracy %.1f%% -> %.1f%%, %,d images added; %s.",
              100 * b.report().valBaseline(),
              100 * b.report().valFinal(),
              b.report().keptImages(),
              b.report().stopReason());
        });
  }

  private record Boosted(BoostReport report, TableSnapshot snapshot) {}

  /** Shows another kept run's predictions in the table (0: the default choice). */
  public void showRun(long runId) {
    if (runId == wantedRun.get() && shownRun.get() != null && shownRun.get().id() == runId) {
      return;
    }
    wantedRun.set(runId);
    reloadAfter("Loading run #" + runId + "…", (ws, progress) -> "Showing run #" + runId + ".");
  }

  /** Writes the Excel report of this run to {@code target}. */
  public void export(Path target, long runId) {
    reloadAfter(
        "Exporting to " + target.getFileName() + "…",
        (ws, progress) -> {
          ws.checkExportTarget(target, false);
          RunRecord run =
              ws.runs().list().stream()
                  .filter(r -> r.id() == runId)
                  .findFirst()
                  .orElseThrow(
                      () -> new IllegalStateException("There is no run #" + runId + " to export."));
          org.databoost.export.RunExport.write(ws, run, target, ReportOptions.DEFAULT, progress);
          return "Exported run #" + runId + " to " + target + ".";
        });
  }

  /** Work on the open workspace whose result is a status line; the rows are reloaded after it. */
  public interface WorkspaceWork {
    String run(Workspace ws, Progress progress) throws Exception;
  }

  /**
   * Runs work on the workspace, then reloads the table; the status line is the work's. Other
   * features' edits (the autopilot) go through here too.
   */
  public void reloadAfter(String message, WorkspaceWork work) {
    session.run(
        message,
        progress -> {
          String said = work.run(session.requireWorkspace(), progress);
          return load().withMessage(said); // loaded after the work, so it shows its result
        },
        this::apply);
  }

  /** The table as the workspace has it now; on the background executor. */
  TableSnapshot load() throws WorkspaceException {
    return TableSnapshot.of(session.requireWorkspace(), wantedRun.get());
  }

  /** Shows a snapshot: rows, labels, runs, rounds; returns its status line. */
  String apply(TableSnapshot s) {
    String keep = currentPath.get();
    runLabels.setAll(s.runLabels());
    items.setAll(s.rows());
    labelCounts.clear();
    List<String> given = new ArrayList<>();
    List<String> present = new ArrayList<>();
    for (ImageItem i : s.rows()) {
      if (labelCounts.merge(i.given(), 1, Integer::sum) == 1) {
        given.add(i.given());
      }
      if (!i.splitFolder().isEmpty() && !present.contains(i.splitFolder())) {
        present.add(i.splitFolder());
      }
    }
    labels.setAll(LabelOrder.sort(given));
    splits.setAll(
        Arrays.stream(Split.values()).map(Split::folder).filter(present::contains).toList());
    runs.setAll(s.runs());
    shownRun.set(s.shown().orElse(null));
    headline.set(s.headline());
    boostRounds.setAll(s.boostRounds());
    boostUnchecked.setAll(s.boostUnchecked());
    history.setAll(s.history());
    String next = edits.takeNextPath();
    requestSelection(next != null ? next : keep);
    return s.message();
  }

  /** Asks the view to select this image's row (it may be filtered out: then nothing happens). */
  void requestSelection(String path) {
    requestedPath.set(null);
    requestedPath.set(path);
  }

  // ---- accessors

  /**
   * Why the open dataset cannot be changed ({@link Workspace#readOnlyReason}), or empty when it
   * can: edits are refused with it before they start, and the window shows it.
   */
  public ReadOnlyStringProperty readOnlyProperty() {
    return readOnly;
  }

  /** Relabel, delete, accept suggestions, undo and redo. */
  public ImageEdits edits() {
    return edits;
  }

  public Session session() {
    return session;
  }

  /** The quick filters of the table. */
  public RowFilters filters() {
    return filters;
  }

  /** The rows as the table shows them: filtered, and sorted by the table's comparator. */
  public SortedList<ImageItem> rows() {
    return sorted;
  }

  /** The dataset's labels in display order (hotkeys 1..9, 0 follow it). */
  public ObservableList<String> labels() {
    return labels;
  }

  /** How many images have this given label. */
  public int labelCount(String label) {
    return labelCounts.getOrDefault(label, 0);
  }

  /** The splits the dataset has, in the usual order. */
  public ObservableList<String> splits() {
    return splits;
  }

  /** The shown run's label order, which {@link ImageItem#probabilities()} follows. */
  public ObservableList<String> runLabels() {
    return runLabels;
  }

  /** Every kept run the table can show, newest first. */
  public ObservableList<RunInfo> runs() {
    return runs;
  }

  /** The run the table shows, or null before the first. */
  public ReadOnlyObjectProperty<RunInfo> shownRunProperty() {
    return shownRun;
  }

  /** All rows, unfiltered. */
  public ObservableList<ImageItem> allRows() {
    return items;
  }

  /** Every Boost round of the open dataset, from its catalog, oldest first. */
  /** The row of this dataset-relative path, whatever the filters show; empty when none. */
  public Optional<ImageItem> row(String path) {
    return allRows().stream().filter(i -> i.path().equals(path)).findFirst();
  }

  public ObservableList<RoundReport> boostRounds() {
    return boostRounds;
  }

  /** Boost edits in place that were never retrained (the job stopped), one note each. */
  public ObservableList<String> boostUnchecked() {
    return boostUnchecked;
  }

  /** The journal as of the last job, oldest first: what "out of date" is counted from. */
  public ObservableList<HistoryEntry> history() {
    return history;
  }

  /** The report of the last Boost run in this session (null before one). */
  public ReadOnlyObjectProperty<BoostReport> lastBoostProperty() {
    return lastBoost;
  }

  /** The path of the image selected in the table (the viewer's), or null. */
  public StringProperty currentPathProperty() {
    return currentPath;
  }

  /** A row the model wants selected after a job (the next image after an edit); view-bound. */
  public ReadOnlyStringProperty requestedPathProperty() {
    return requestedPath;
  }

  /** The title of the column the table is sorted by; empty when unsorted. */
  public StringProperty sortColumnProperty() {
    return sortColumn;
  }

  public BooleanProperty sortAscendingProperty() {
    return sortAscending;
  }

  /** The line above the table: which run it shows, its accuracies, whether it is out of date. */
  public ReadOnlyStringProperty headlineProperty() {
    return headline;
  }

  /** The shown run's id, for jobs that act on it (export); empty before the first run. */
  public Optional<Long> shownRunId() {
    return Optional.ofNullable(shownRun.get()).map(RunInfo::id);
  }
}
