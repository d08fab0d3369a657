package org.databoost.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetLayout;
import org.databoost.dataset.HashCache;
import org.databoost.dataset.Split;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;

/**
 * An open dataset folder that Databoost may edit: the catalog of its images and the journal of
 * every edit, with undo and redo. Every change of a dataset file goes through here, write-ahead, so
 * that a crash, a full disk or a cancel never loses or duplicates a file. Close it to let another
 * window or command open the dataset.
 */
public final class Workspace implements AutoCloseable {
  /** Work that plans an operation, given the id it will get. */
  interface PlanMaker {
    Plan make(long id) throws WorkspaceException, SQLException;
  }

  private final DatasetLayout layout;
  private final StateLocation location;
  private final WorkspaceLock lock;
  private final CatalogDatabase db;
  private final Catalog catalog;
  private final Journal journal;
  private final StepHook hook;
  private final Staging staging;
  private final Planner planner;
  private final UndoPlanner undoPlanner;
  private final OperationRunner runner;
  private final List<String> openReport;
  private final RunStore runs;
  private final ImageFactStore facts;
  private final KeptLabels kept;
  private final ProjectionStore projections;
  private boolean closed;
  private boolean broken;

  private Workspace(
      DatasetLayout layout,
      StateLocation location,
      WorkspaceLock lock,
      CatalogDatabase db,
      StepHook hook,
      List<String> openReport) {
    WorkspacePaths paths = new WorkspacePaths(layout);
    this.layout = layout;
    this.location = location;
    this.lock = lock;
    this.db = db;
    this.hook = hook;
    this.catalog = new Catalog(db.connection(), paths);
    this.journal = new Journal(db.connection());
    this.staging = new Staging(paths);
    this.planner = new Planner(paths, catalog);
    this.undoPlanner = new UndoPlanner(paths, journal, planner);
    StepExecutor executor = new StepExecutor(paths, db, journal, hook);
    this.runner = new OperationRunner(db, catalog, journal, executor, Clock.systemUTC());
    this.openReport = openReport;
    this.runs = new RunStore(db.connection());
    this.facts = new ImageFactStore(db.connection());
    this.kept = new KeptLabels(db.connection());
    this.projections = new ProjectionStore(db.connection());
  }

  public static Workspace open(Path root, WorkspaceOptions options) throws WorkspaceException {
    return open(root, options, Progress.NONE);
  }

  /**
   * Opens a dataset folder: takes the write lock, repairs or rebuilds the catalog, finishes an
   * operation a crash interrupted, and takes in changes made outside Databoost. {@link
   * #openReport()} tells what of this happened.
   */
  public static Workspace open(Path root, WorkspaceOptions options, Progress progress)
      throws WorkspaceException {
    return open(root, options, progress, StepHook.NONE);
  }

  static Workspace open(Path root, WorkspaceOptions options, Progress progress, StepHook hook)
      throws WorkspaceException {
    DatasetLayout layout;
    try {
      layout = DatasetLayout.detect(root);
    } catch (DatasetException e) {
      throw new WorkspaceException(e.getMessage(), e);
    }
    StateLocation location = StateLocation.resolve(layout, options);
    WorkspaceLock lock = WorkspaceLock.acquire(location.stateDir(), layout.root());
    CatalogDatabase db = null;
    try {
      List<String> report = new ArrayList<>();
      if (location.readOnly()) {
        CatalogSnapshot.refresh(
            layout.root().resolve(DatasetLayout.STATE_DIR), location.stateDir(), report);
      }
      db = CatalogDatabase.open(location.stateDir(), report);
      Workspace ws = new Workspace(layout, location, lock, db, hook, report);
      ws.prepare(progress);
      return ws;
    } catch (WorkspaceException | RuntimeException | Error e) {
      closeAfterFailedOpen(db, lock, e);
      throw e;
    } catch (IOException | SQLException e) {
      closeAfterFailedOpen(db, lock, e);
      String why =
          e instanceof SQLException sql
              ? CatalogErrors.describe(sql, location.stateDir())
              : e.getMessage();
      throw new WorkspaceException("Cannot open " + layout.root() + ": " + why, e);
    }
  }

  private void prepare(Progress progress) throws IOException, SQLException {
    if (!location.readOnly()) {
      openReport.addAll(new Recovery(journal, runner, staging).run());
    }
    // A catalog that holds nothing yet (a kill during the first cataloguing) is still being
    // filled for the first time: its images were not "added outside Databoost".
    boolean fresh = db.isFresh() || (catalog.all().isEmpty() && journal.history().isEmpty());
    new Reconciler(new WorkspacePaths(layout), db, catalog)
        .run(progress)
        .describe(fresh)
        .ifPresent(openReport::add);
  }

  private static void closeAfterFailedOpen(CatalogDatabase db, WorkspaceLock lock, Throwable e) {
    try (WorkspaceLock l = lock;
        CatalogDatabase d = db) { // closes both, in reverse order
    } catch (Exception closing) {
      e.addSuppressed(closing);
    }
  }

  public DatasetLayout layout() {
    return layout;
  }

  public boolean isReadOnly() {
    return location.readOnly();
  }

  /**
   * Why the dataset cannot be changed (which folder cannot be written), or empty when it can: what
   * an edit on a read-only dataset is refused with, so that a window can say it before any edit.
   */
  public Optional<String> readOnlyReason() {
    if (!location.readOnly()) {
      return Optional.empty();
    }
    Path folder = location.blockedFolder().orElse(layout.root());
    return Optional.of(
        "The dataset is read-only ("
            + folder
            + " cannot be written), so Databoost can show it but not change it.");
  }

  /** Where the catalog and journal live: {@code DIR/.databoost}, or the per-user data folder. */
  public Path stateDir() {
    return location.stateDir();
  }

  /** The model runs kept for this dataset (also for a read-only one). */
  public RunStore runs() {
    requireOpen();
    return runs;
  }

  /** Near-duplicate groups and outlier scores, per embedder (also for a read-only dataset). */
  public ImageFactStore facts() {
    requireOpen();
    return facts;
  }

  /** Flagged labels the user kept (also for a read-only dataset). */
  public KeptLabels keptLabels() {
    requireOpen();
    return kept;
  }

  /** The saved 2-D maps (also for a read-only dataset). */
  public ProjectionStore projections() {
    requireOpen();
    return projections;
  }

  /**
   * Checks a file the user asked to write (a report, a map, embeddings) against this dataset: never
   * inside {@code .databoost/}; inside a split or label folder only with {@code force}. Links are
   * followed.
   *
   * @return the absolute target
   * @throws InvalidEditException when it may not be written there, saying why
   */
  public Path checkExportTarget(Path target, boolean force) throws InvalidEditException {
    return new ExportGuard(layout).check(target, force);
  }

  /** What opening did: recovery, a rebuilt catalog, changes made outside Databoost. */
  public List<String> openReport() {
    return List.copyOf(openReport);
  }

  /** The images in the dataset, by path. */
  public List<ImageRow> images() throws WorkspaceException {
    return read(() -> catalog.rows(false));
  }

  /**
   * The content hashes the catalog already knows, for a scan of this dataset: an unchanged file
   * (same size and modification time) is not read again.
   */
  public HashCache hashCache() throws WorkspaceException {
    return ImageRow.hashCache(images());
  }

  /** The deleted images waiting in the trash, by path. */
  public List<ImageRow> trash() throws WorkspaceException {
    return read(() -> catalog.rows(true));
  }

  /** Every journal entry, oldest first. */
  public List<HistoryEntry> history() throws WorkspaceException {
    return read(journal::history);
  }

  /** The journal id of the edit that undo would reverse now; 0 when there is none. */
  public long undoTarget() throws WorkspaceException {
    return read(() -> journal.undoTarget().orElse(0));
  }

  public boolean canUndo() throws WorkspaceException {
    return !isReadOnly() && read(() -> journal.undoTarget().isPresent());
  }

  public boolean canRedo() throws WorkspaceException {
    return !isReadOnly() && read(() -> journal.redoTarget().isPresent());
  }

  public OperationResult relabel(Collection<String> paths, String newLabel)
      throws WorkspaceException {
    return relabel(paths, newLabel, Progress.NONE);
  }

  /** Moves the images into the folder of another label, in the same split. */
  public OperationResult relabel(Collection<String> paths, String newLabel, Progress progress)
      throws WorkspaceException {
    return edit(id -> planner.relabel(id, paths, newLabel, progress), progress);
  }

  public OperationResult moveToSplit(Collection<String> paths, Split split)
      throws WorkspaceException {
    return moveToSplit(paths, split, Progress.NONE);
  }

  /** Moves the images into another split, keeping their label. */
  public OperationResult moveToSplit(Collection<String> paths, Split split, Progress progress)
      throws WorkspaceException {
    return edit(id -> planner.moveToSplit(id, paths, split, progress), progress);
  }

  public OperationResult delete(Collection<String> paths) throws WorkspaceException {
    return delete(paths, Progress.NONE);
  }

  /** Moves the images to the trash; nothing is ever unlinked. */
  public OperationResult delete(Collection<String> paths, Progress progress)
      throws WorkspaceException {
    return edit(id -> planner.delete(id, paths, progress), progress);
  }

  /** Puts back every file still in the trash of the given delete operation. */
  public OperationResult restore(long deleteOpId) throws WorkspaceException {
    return edit(
        id -> {
          String prefix = WorkspacePaths.TRASH + deleteOpId + "/";
          List<ImageRow> rows =
              catalog.rows(true).stream().filter(r -> r.path().startsWith(prefix)).toList();
          return planner.restore(id, rows, Progress.NONE);
        },
        Progress.NONE);
  }

  /**
   * Puts back the given trashed files: paths as {@link #trash()} lists them, or the path a file had
   * before it was deleted (the latest deletion of that path).
   */
  public OperationResult restoreTrashed(Collection<String> trashPaths) throws WorkspaceException {
    return edit(
        id -> {
          List<String> trashed =
              TrashedFiles.find(new WorkspacePaths(layout), catalog.rows(true), trashPaths);
          return planner.restore(id, planner.rows(trashed, true), Progress.NONE);
        },
        Progress.NONE);
  }

  public OperationResult add(List<NewImage> images) throws WorkspaceException {
    return add(images, Progress.NONE);
  }

  /**
   * Copies new images into the dataset. The copies are made and flushed in staging first; only then
   * is the intent committed, so a crash before that leaves the dataset untouched.
   */
  public OperationResult add(List<NewImage> images, Progress progress) throws WorkspaceException {
    return add(images, "", progress);
  }

  /**
   * {@link #add(List, Progress)} with the description the history shows (empty: "Add N images").
   */
  public OperationResult add(List<NewImage> images, String description, Progress progress)
      throws WorkspaceException {
    return batch().add(images, description, progress);
  }

  /** Edits with a target per image, and new versions of files; each call is one edit. */
  public BatchEdits batch() {
    requireOpen();
    return new BatchEdits(this, planner, staging, hook, new WorkspacePaths(layout));
  }

  /** Reverses the newest edit that is not undone. */
  public OperationResult undo() throws WorkspaceException {
    return edit(undoPlanner::undo, Progress.NONE);
  }

  /**
   * Reverses edit {@code opId}, provided it is still the newest edit that is not undone; otherwise
   * throws {@link InvalidEditException} and changes nothing. For jobs that undo their own edit.
   */
  public OperationResult undo(long opId) throws WorkspaceException {
    return edit(id -> undoPlanner.undo(id, opId), Progress.NONE);
  }

  /** Applies again the edit undone last. */
  public OperationResult redo() throws WorkspaceException {
    return edit(undoPlanner::redo, Progress.NONE);
  }

  OperationResult edit(PlanMaker maker, Progress progress) throws WorkspaceException {
    requireWritable();
    boolean clean = false;
    try {
      Plan plan = maker.make(journal.nextId());
      OperationResult result = runner.run(plan, progress);
      clean = true;
      return result;
    } catch (WorkspaceException | CancelledException e) {
      clean = true; // refused, cancelled before the intent, or rolled back: the state is sound
      throw e;
    } catch (SQLException e) {
      throw new WorkspaceException(
          "The catalog could not be updated: "
              + CatalogErrors.describe(e, location.stateDir())
              + ". Reopen the dataset: an interrupted edit is completed or undone then.",
          e);
    } finally {
      // Anything else (a bug, a simulated crash) may have left an operation half done; only
      // reopening, which runs recovery, may touch the dataset again.
      broken |= !clean;
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the workspace is closed");
    }
  }

  void requireWritable() throws WorkspaceException {
    requireOpen();
    if (broken) {
      throw new WorkspaceException(
          "An operation was interrupted; close and reopen the dataset to complete it.");
    }
    Optional<String> readOnly = readOnlyReason();
    if (readOnly.isPresent()) {
      throw new ReadOnlyDatasetException(readOnly.get());
    }
  }

  private interface Query<T> {
    T run() throws SQLException;
  }

  private <T> T read(Query<T> query) throws WorkspaceException {
    requireOpen();
    try {
      return query.run();
    } catch (SQLException e) {
      throw new WorkspaceException(
          "The catalog could not be read: " + CatalogErrors.describe(e, location.stateDir()), e);
    }
  }

  /** Releases the catalog and the write lock; nothing else needs doing, even mid-failure. */
  @Override
  public void close() throws WorkspaceException {
    if (closed) {
      return;
    }
    closed = true;
    try (WorkspaceLock l = lock;
        CatalogDatabase d = db) { // both released by try-with-resources
    } catch (IOException | SQLException e) {
      throw new WorkspaceException("Closing the workspace failed: " + e.getMessage(), e);
    }
  }
}
