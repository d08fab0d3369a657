package org.databoost.boost;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.databoost.corpus.CorpusException;
import org.databoost.dataset.ContentHash;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;
import org.databoost.workspace.HistoryEntry;
import org.databoost.workspace.NewImage;
import org.databoost.workspace.OperationResult;
import org.databoost.workspace.ReadOnlyDatasetException;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;

/**
 * The review queue's decisions: accepted corpus images (with the label the reviewer kept or chose)
 * are copied into {@code train/<label>/} as one journaled, undoable add (they stay in the queue as
 * added by that edit, and wait for review again if it is undone); rejected ones stay in the queue
 * as rejected and are not proposed again. Nothing changes unless every accepted file is still the
 * one that was embedded.
 */
public final class CorpusReview {
  public static final String STAGE = "Adding reviewed corpus images";

  /** How the history's description of an add from the review queue begins. */
  public static final String REVIEW_PREFIX = "Boost review: ";

  private CorpusReview() {}

  /**
   * The proposals of a workspace that wait for review: the pending ones and those whose add was
   * undone since (a Boost round without gain, a person's undo), which wait again.
   */
  public static List<CorpusProposal> pending(Workspace ws) throws IOException, WorkspaceException {
    return ReviewQueue.load(ws.stateDir()).pending(undoneOps(ws));
  }

  /** The ids of the workspace's edits that are undone now. */
  static Set<Long> undoneOps(Workspace ws) throws WorkspaceException {
    Set<Long> out = new HashSet<>();
    for (HistoryEntry h : ws.history()) {
      if (h.undone()) {
        out.add(h.id());
      }
    }
    return out;
  }

  /**
   * Applies a review: adds {@code accepted} as one edit (empty when nothing was accepted) and takes
   * them out of the queue; marks {@code rejected}.
   */
  public static Optional<OperationResult> apply(
      Workspace ws, List<CorpusProposal> accepted, List<CorpusProposal> rejected, Progress progress)
      throws IOException, WorkspaceException {
    if (ws.isReadOnly()) {
      throw new ReadOnlyDatasetException(
          "The dataset "
              + ws.layout().root()
              + " is read-only: reviewed corpus images cannot be added to it.");
    }
    ReviewQueue queue = ReviewQueue.load(ws.stateDir());
    Optional<OperationResult> op = Optional.empty();
    if (!accepted.isEmpty()) {
      checkUnchanged(accepted);
      op =
          Optional.of(
              ws.add(
                  newImages(accepted),
                  String.format(
                      Locale.ROOT,
                      REVIEW_PREFIX + "add %,d corpus image%s (%s)",
                      accepted.size(),
                      accepted.size() == 1 ? "" : "s",
                      String.join(
                          ", ", accepted.stream().map(CorpusProposal::corpus).distinct().toList())),
                  progress));
    }
    queue.resolve(accepted, rejected, op.map(OperationResult::opId).orElse(-1L), undoneOps(ws));
    queue.save();
    return op;
  }

  /** The images to add: copies of the corpus files, named and labelled as proposed. */
  static List<NewImage> newImages(List<CorpusProposal> accepted) {
    List<NewImage> out = new ArrayList<>(accepted.size());
    for (CorpusProposal p : accepted) {
      out.add(
          new NewImage(
              Optional.of(p.file()),
              Optional.empty(),
              Optional.of(Split.TRAIN),
              p.label(),
              p.fileName(),
              p.provenance()));
    }
    return out;
  }

  /**
   * Refuses, before anything is added, when a corpus file vanished or its content is no longer what
   * was embedded (by SHA-256).
   */
  static void checkUnchanged(List<CorpusProposal> proposals) throws IOException {
    List<String> bad = new ArrayList<>();
    for (CorpusProposal p : proposals) {
      if (!Files.isRegularFile(p.file())) {
        bad.add(p.file() + ": gone");
      } else if (!ContentHash.of(p.file()).equals(p.sha256())) {
        bad.add(p.file() + ": content changed since it was embedded");
      }
    }
    if (!bad.isEmpty()) {
      StringBuilder b =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "%d of %d corpus image(s) changed or vanished since the corpus '%s' was embedded;"
                      + " nothing was added.",
                  bad.size(),
                  proposals.size(),
                  proposals.get(0).corpus()));
      bad.stream().limit(3).forEach(s -> b.append("\n  ").append(s));
      b.append("\nEmbed the corpus again (corpus add NAME PATH --refresh) and boost again.");
      throw new CorpusException(b.toString());
    }
  }
}
