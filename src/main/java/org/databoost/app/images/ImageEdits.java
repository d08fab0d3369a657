package org.databoost.app.images;

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
import org.databoost.workspace.OperationResult;
import org.databoost.workspace.Workspace;

/**
 * The edits the table, the gallery and the map start on a selection: relabel, delete, accept the
 * suggestions, undo and redo. Each is one journaled edit, however many images it touches. After it,
 * the table selects the next row of the current filter (an option, on by default), or else the
 * edited image where it now is; an edit that would do nothing says why instead.
 */
public final class ImageEdits {
  private final ImagesViewModel table;
  private final Session session;
  private final BooleanProperty advance = new SimpleBooleanProperty(true);
  private String nextPath; // UI thread only

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

  public void undo() {
    edit("Undoing…", List.of(), false, (ws, p) -> ws.undo(), "Undid an edit");
  }

  public void redo() {
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
