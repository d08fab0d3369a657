package org.databoost.app.images;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.databoost.app.common.Session;
import org.databoost.task.Progress;
import org.databoost.workspace.ImageRow;
import org.databoost.workspace.KeptLabels;
import org.databoost.workspace.OperationResult;
import org.databoost.workspace.Workspace;

/**
 * The edits the table, the gallery and the map start on a selection: relabel, delete, accept the
 * suggestions, keep the labels of flagged images, undo and redo. Each is one journaled edit,
 * however many images it touches. After it, the table selects the next row of the current filter
 * (an option, on by default), or else the edited image where it now is; an edit that would do
 * nothing says why instead.
 *
 * <p>Keeping a label changes no file, so it is not in the dataset's journal: the marks sit in
 * {@link KeptLabels}, and undo and redo take them back in their turn among the journal's edits.
 * Each keep remembers the journal edit that undo would reverse when it was made; while that is
 * still so, the keep is the newest thing done and Ctrl+Z takes it back first.
 */
public final class ImageEdits {
  private final ImagesViewModel table;
  private final Session session;
  private final BooleanProperty advance = new SimpleBooleanProperty(true);
  private String nextPath; // UI thread only
  // Keeps done and undone, newest first; UI thread only.
  private final Deque<KeepStep> keepsDone = new ArrayDeque<>();
  private final Deque<KeepStep> keepsUndone = new ArrayDeque<>();

  /**
   * Labels kept ({@code kept}) or flags brought back for the images at {@code paths}, in the
   * workspace whose state is in {@code state}, when undo stood at {@code undoTarget}.
   */
  private record KeepStep(
      List<KeptLabels.Key> keys, List<String> paths, boolean kept, Path state, long undoTarget) {
    boolean stillNewest(Workspace ws) throws Exception {
      return ws.stateDir().equals(state) && ws.undoTarget() == undoTarget;
    }
  }

  private record KeepDone(KeepStep step, TableSnapshot snapshot) {}

  ImageEdits(ImagesViewModel table, Session session) {
    this.table = table;
    this.session = session;
  }

  /** Gives the selected images another label (those that have it already are left alone). */
  public void relabel(List<ImageItem> selected, String label) {
    List<String> change =
        selected.stream().filter(i -> !i.given().equals(label)).map(ImageItem::path).toList();
    if (selected.isEmpty()) {
      session.say("Select an image first.");
    } else if (change.isEmpty()) {
      session.say(
          selected.size() == 1
              ? selected.get(0).fileName() + " is already labelled " + label + "."
              : "All " + selected.size() + " selected images are already labelled " + label + ".");
    } else {
      edit(
          "Relabelling " + count(change.size()) + "…",
          selected,
          false,
          (ws, p) -> ws.relabel(change, label, p),
          "Relabelled " + count(change.size()) + " to " + label);
    }
  }

  /**
   * Relabels to a label the user typed by name. A label no image has yet is created only when
   * {@code confirmNew} (asked with the typed label and the labels there are) says yes, so that a
   * typo never silently makes a new class; nothing typed does nothing.
   */
  public void relabelByName(
      List<ImageItem> selected, String typed, BiPredicate<String, List<String>> confirmNew) {
    String label = typed == null ? "" : typed.strip();
    if (label.isEmpty()) {
      return;
    }
    List<String> known = List.copyOf(table.labels());
    if (!known.contains(label) && !confirmNew.test(label, known)) {
      session.say("Nothing was relabelled: there is no label '" + label + "' yet.");
      return;
    }
    relabel(selected, label);
  }

  /** Moves the selected images to the trash. */
  public void delete(List<ImageItem> selected) {
    if (selected.isEmpty()) {
      session.say("Select an image first.");
      return;
    }
    List<String> paths = selected.stream().map(ImageItem::path).toList();
    edit(
        "Moving " + count(paths.size()) + " to the trash…",
        selected,
        true,
        (ws, p) -> ws.delete(paths, p),
        "Moved " + count(paths.size()) + " to the trash (Ctrl+Z puts them back)");
  }

  /**
   * Accepts the suggested label of every selected image that has one, as one edit; says why when
   * none has.
   */
  public void acceptSuggestions(List<ImageItem> selected) {
    Map<String, String> accept = new LinkedHashMap<>();
    String whyNone = "Select an image first.";
    for (ImageItem i : selected) {
      ImageItem.Suggestion s = i.suggestion();
      if (s.usable()) {
        accept.put(i.path(), s.label());
      } else if (whyNone.startsWith("Select")) {
        whyNone = s.whyNone();
      }
    }
    if (accept.isEmpty()) {
      session.say(
          selected.size() > 1
              ? "None of the " + selected.size() + " selected images has a suggestion to accept."
              : whyNone);
      return;
    }
    int skipped = selected.size() - accept.size();
    String one = accept.size() == 1 ? accept.keySet().iterator().next() : "";
    String done =
        accept.size() == 1 && skipped == 0
            ? "Relabelled "
                + one.substring(one.lastIndexOf('/') + 1)
                + " to "
                + accept.get(one)
                + ", as suggested"
            : "Accepted "
                + (accept.size() == 1 ? "the suggestion" : accept.size() + " suggestions")
                + (skipped > 0 ? " (" + skipped + " selected had none)" : "");
    edit(
        "Accepting the suggestions for " + count(accept.size()) + "…",
        selected,
        false,
        (ws, p) -> relabelEach(ws, accept, p),
        done);
  }

  private static OperationResult relabelEach(Workspace ws, Map<String, String> labels, Progress p)
      throws Exception {
    Set<String> distinct = new HashSet<>(labels.values());
    if (distinct.size() == 1) {
      return ws.relabel(labels.keySet(), distinct.iterator().next(), p);
    }
    return ws.batch().relabel(labels, "Accept " + labels.size() + " suggested labels", p);
  }

  /**
   * Keeps the labels of the selected flagged images: the user looked and judged the flags wrong, so
   * the images leave the Flagged filter and show their flag as kept. When every selected image is
   * kept already, brings their flags back. No file changes, so a read-only dataset allows it too.
   */
  public void keepLabels(List<ImageItem> selected) {
    List<ImageItem> open =
        selected.stream().filter(i -> i.flagged() && !i.editedSinceRun()).toList();
    List<ImageItem> kept = selected.stream().filter(ImageItem::keptFlag).toList();
    if (selected.isEmpty()) {
      session.say("Select an image first.");
      return;
    }
    if (open.isEmpty() && kept.isEmpty()) {
      session.say(
          selected.size() == 1
              ? selected.get(0).fileName()
                  + (selected.get(0).editedSinceRun()
                      ? " was relabelled since the run: its flag is resolved already."
                      : " is not flagged: there is no flag to dismiss.")
              : "None of the " + selected.size() + " selected images has a flag to dismiss.");
      return;
    }
    boolean keep = !open.isEmpty();
    List<ImageItem> change = keep ? open : kept;
    String after = advance.get() && keep ? nextAfter(selected) : null;
    String what = change.size() == 1 ? change.get(0).fileName() : change.size() + " images";
    session.run(
        keep ? "Keeping the label of " + what + "…" : "Bringing back the flag of " + what + "…",
        progress -> {
          Workspace ws = session.requireWorkspace();
          List<KeptLabels.Key> keys = keys(ws, change);
          KeepStep step =
              new KeepStep(
                  keys,
                  change.stream().map(ImageItem::path).toList(),
                  keep,
                  ws.stateDir(),
                  ws.undoTarget());
          apply(ws, keys, keep);
          return new KeepDone(step, table.load());
        },
        d -> {
          keepsDone.push(d.step());
          keepsUndone.clear();
          nextPath = after != null ? after : change.get(0).path();
          table.apply(d.snapshot());
          return keep
              ? "Kept the label of "
                  + what
                  + ": the flag is dismissed (K or Ctrl+Z brings it back)."
              : "Brought back the flag of " + what + ".";
        });
  }

  /** The selected images' contents under their given labels, read from the catalog. */
  private static List<KeptLabels.Key> keys(Workspace ws, List<ImageItem> items) throws Exception {
    Map<String, String> hashes = new HashMap<>();
    for (ImageRow r : ws.images()) {
      hashes.put(r.path(), r.hash());
    }
    return items.stream()
        .filter(i -> hashes.containsKey(i.path()))
        .map(i -> new KeptLabels.Key(hashes.get(i.path()), i.given()))
        .toList();
  }

  private static void apply(Workspace ws, List<KeptLabels.Key> keys, boolean keep)
      throws Exception {
    if (keep) {
      ws.keptLabels().keep(keys);
    } else {
      ws.keptLabels().release(keys);
    }
  }

  /** Takes back the newest keep when nothing was edited since; else undoes the journal's edit. */
  public void undo() {
    KeepStep top = keepsDone.peek();
    if (top == null) {
      fileUndo();
      return;
    }
    reverseKeep(top, true, this::fileUndo);
  }

  /** Makes again the keep undone last, when it is the newest thing undone; else the journal's. */
  public void redo() {
    KeepStep top = keepsUndone.peek();
    if (top == null) {
      fileRedo();
      return;
    }
    reverseKeep(top, false, this::fileRedo);
  }

  /**
   * Applies {@code step} the other way round (undo) or again (redo) when undo still stands where it
   * stood then, moving it from one stack to the other; otherwise the journal's undo or redo runs.
   */
  private void reverseKeep(KeepStep step, boolean undoing, Runnable otherwise) {
    Deque<KeepStep> from = undoing ? keepsDone : keepsUndone;
    Deque<KeepStep> to = undoing ? keepsUndone : keepsDone;
    boolean keep = undoing != step.kept();
    session.run(
        undoing ? "Undoing…" : "Redoing…",
        progress -> {
          Workspace ws = session.requireWorkspace();
          if (!step.stillNewest(ws)) {
            return null;
          }
          apply(ws, step.keys(), keep);
          return table.load();
        },
        snapshot -> {
          if (snapshot == null) {
            otherwise.run(); // starts the journal's undo or redo, or says why it cannot
            return session.statusProperty().get();
          }
          from.pop();
          to.push(step);
          nextPath = step.paths().get(0); // shows what it changed, as the journal's undo does
          table.apply(snapshot);
          int n = step.keys().size();
          return (undoing ? "Undid" : "Redid")
              + (step.kept() ? " keeping the label of " : " bringing back the flag of ")
              + (n == 1 ? "1 image" : n + " images")
              + ": "
              + (keep ? "kept again." : "flagged again.");
        });
  }

  /** Forgets the keeps undo and redo could take back: another dataset is being opened. */
  void forgetKeeps() {
    keepsDone.clear();
    keepsUndone.clear();
  }

  private void fileUndo() {
    edit("Undoing…", List.of(), false, (ws, p) -> ws.undo(), "Undid an edit");
  }

  private void fileRedo() {
    edit("Redoing…", List.of(), false, (ws, p) -> ws.redo(), "Redid an edit");
  }

  /** Whether the table moves on to the next row after an edit (on by default). */
  public BooleanProperty advanceProperty() {
    return advance;
  }

  private interface Change {
    OperationResult apply(Workspace ws, Progress progress) throws Exception;
  }

  private record Edited(OperationResult result, TableSnapshot snapshot) {}

  private void edit(
      String message, List<ImageItem> selected, boolean removes, Change change, String done) {
    // A read-only dataset refuses every edit: said in the status line, no job and no error dialog.
    String readOnly = table.readOnlyProperty().get();
    if (!readOnly.isEmpty()) {
      session.say(readOnly);
      return;
    }
    if (!done.startsWith("Undid") && !done.startsWith("Redid")) {
      keepsUndone.clear(); // a new edit ends what redo could bring back, as in the journal
    }
    // Chosen now, from the rows as the user sees them; an edit may take the row out of the filter.
    String after = selected.isEmpty() || !(advance.get() || removes) ? null : nextAfter(selected);
    session.run(
        message,
        progress -> {
          OperationResult r = change.apply(session.requireWorkspace(), progress);
          return new Edited(r, table.load());
        },
        e -> {
          List<String> where = e.result().finalPaths();
          nextPath = after != null ? after : where.isEmpty() ? null : where.get(0);
          table.apply(e.snapshot());
          String files =
              e.result().fileCount() == 1 ? "1 image" : e.result().fileCount() + " images";
          String text =
              done.startsWith("Undid") || done.startsWith("Redid") ? done + " of " + files : done;
          List<String> notes = e.result().messages();
          return text + "." + (notes.isEmpty() ? "" : " " + String.join(" ", notes));
        });
  }

  /**
   * The first row after the selection that is not part of it; else the last row before it. One pass
   * over the rows: a selection of thousands in 100K rows costs no more than one image.
   */
  private String nextAfter(List<ImageItem> selected) {
    List<ImageItem> rows = table.rows();
    Set<String> chosen = new HashSet<>();
    for (ImageItem i : selected) {
      chosen.add(i.path());
    }
    int first = -1;
    int last = -1;
    for (int i = 0; i < rows.size(); i++) {
      if (chosen.contains(rows.get(i).path())) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    for (int i = last + 1; i < rows.size(); i++) {
      if (!chosen.contains(rows.get(i).path())) {
        return rows.get(i).path();
      }
    }
    for (int i = (first < 0 ? rows.size() : first) - 1; i >= 0; i--) {
      if (!chosen.contains(rows.get(i).path())) {
        return rows.get(i).path();
      }
    }
    return null;
  }

  /** The row to select after the job that just ended, taken once. */
  String takeNextPath() {
    String p = nextPath;
    nextPath = null;
    return p;
  }

  private static String count(int n) {
    return n == 1 ? "1 image" : n + " images";
  }
}
