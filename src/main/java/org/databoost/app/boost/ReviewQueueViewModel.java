package org.databoost.app.boost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.boost.CorpusProposal;
import org.databoost.boost.CorpusReview;
import org.databoost.workspace.Workspace;

/**
 * The review queue of corpus images Boost proposed: each row is undecided, accepted (with the
 * proposed or another label) or rejected; nothing is added until {@link #apply()}, which adds the
 * accepted ones as one journaled edit and marks the rejected ones.
 */
public final class ReviewQueueViewModel {
  /** What the reviewer decided about one row. */
  public enum Decision {
    UNDECIDED,
    ACCEPT,
    REJECT
  }

  /** A queued corpus image and the decision on it (the label may be changed by a relabel). */
  public static final class Row {
    private final CorpusProposal proposal;
    private final ObjectProperty<Decision> decision =
        new SimpleObjectProperty<>(Decision.UNDECIDED);
    private final ObjectProperty<String> label;

    Row(CorpusProposal proposal) {
      this.proposal = proposal;
      this.label = new SimpleObjectProperty<>(proposal.label());
    }

    public CorpusProposal proposal() {
      return proposal;
    }

    public ObjectProperty<Decision> decisionProperty() {
      return decision;
    }

    public ObjectProperty<String> labelProperty() {
      return label;
    }

    /** The proposal as it will be added: relabelled when the reviewer chose another label. */
    CorpusProposal decided() {
      return proposal.relabelled(label.get());
    }
  }

  private final ImagesViewModel images;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

  /**
   * @param images the image table's view-model: its labels are the relabel keys' labels, and the
   *     review's edit goes through its {@code reloadAfter} so that the table shows the added images
   */
  public ReviewQueueViewModel(ImagesViewModel images) {
    this.images = images;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public List<String> labels() {
    return images.labels();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** Reads the workspace's queue (a small file in its state folder). */
  public void refresh(Workspace ws) {
    List<Row> next = new ArrayList<>();
    try {
      for (CorpusProposal p : CorpusReview.pending(ws)) {
        next.add(new Row(p));
      }
    } catch (java.io.IOException | org.databoost.workspace.WorkspaceException e) {
      summary.set("The review queue could not be read: " + e.getMessage());
      rows.clear();
      return;
    }
    rows.setAll(next);
    update();
  }

  /** Applies a key's decision to a row; false when the key means nothing here. */
  boolean decide(Row row, ReviewKeys.Action action) {
    if (action instanceof ReviewKeys.Relabel r) {
      row.label.set(r.label());
      row.decision.set(Decision.ACCEPT);
    } else if (action instanceof ReviewKeys.Reject) {
      row.decision.set(Decision.REJECT);
    } else {
      row.label.set(row.proposal.label());
      row.decision.set(action instanceof ReviewKeys.Accept ? Decision.ACCEPT : Decision.UNDECIDED);
    }
    update();
    return true;
  }

  public long count(Decision d) {
    return rows.stream().filter(r -> r.decision.get() == d).count();
  }

  /** Adds the accepted rows as one journaled edit and marks the rejected ones; then rereads. */
  public void apply() {
    List<CorpusProposal> accepted =
        rows.stream().filter(r -> r.decision.get() == Decision.ACCEPT).map(Row::decided).toList();
    List<CorpusProposal> rejected =
        rows.stream().filter(r -> r.decision.get() == Decision.REJECT).map(Row::proposal).toList();
    if (accepted.isEmpty() && rejected.isEmpty()) {
      summary.set("Decide first: A or Enter accepts, 1..9 and 0 relabel, Delete rejects.");
      return;
    }
    images.reloadAfter(
        String.format(
            Locale.ROOT,
            "Adding %s, rejecting %d…",
            corpusImages(accepted.size()),
            rejected.size()),
        (ws, progress) -> {
          var op = CorpusReview.apply(ws, accepted, rejected, progress);
          return String.format(
              Locale.ROOT,
              "Review: %s added to train%s, %d rejected.",
              corpusImages(accepted.size()),
              op.map(o -> " as edit #" + o.opId() + " (undoable)").orElse(""),
              rejected.size());
        });
  }

  private void update() {
    summary.set(
        rows.isEmpty()
            ? "No corpus images wait for review (boost DIR --corpus NAME fills the queue)."
            : String.format(
                Locale.ROOT,
                "%s for review: %d accepted, %d rejected, %d undecided."
                    + " Nothing is added until you press Add.",
                rows.size() == 1 ? "1 corpus image waits" : rows.size() + " corpus images wait",
                count(Decision.ACCEPT),
                count(Decision.REJECT),
                count(Decision.UNDECIDED)));
  }

  private static String corpusImages(int n) {
    return n == 1 ? "1 corpus image" : n + " corpus images";
  }
}
