package org.databoost.boost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue's statuses, and added images that wait again while their edit is undone. */
class ReviewQueueTest {
  @TempDir Path tmp;

  private CorpusProposal proposal(long row) {
    return new CorpusProposal(
        1,
        "c",
        row,
        "v/" + row + ".png",
        tmp.resolve("v/" + row + ".png"),
        "hash" + row,
        "val/x/1.png",
        2.0,
        0.9f,
        "v",
        CorpusProposal.FROM_KNN_AND_MODEL,
        0.8);
  }

  @Test
  void imagesOfAnUndoneAddWaitAgainAndARedoHidesThem() throws Exception {
    CorpusProposal a = proposal(1);
    CorpusProposal b = proposal(2);
    CorpusProposal c = proposal(3);
    ReviewQueue q = ReviewQueue.load(tmp);
    q.replacePending("c", List.of(c));
    q.markAdded(List.of(a, b), 12);
    q.save();

    ReviewQueue back = ReviewQueue.load(tmp);
    assertEquals(List.of(c), back.pending(Set.of()), "edit 12 in place: only c waits");
    assertEquals(List.of(c, a, b), back.pending(Set.of(12L)), "edit 12 undone: a and b wait");
    assertEquals(List.of(c), back.pending(Set.of(11L)), "another edit's undo changes nothing");
    assertEquals(Set.of(), back.rejectedRows("c"), "added is not rejected");

    // A review of the returned ones: a added again by edit 14, b rejected.
    CorpusProposal relabelled = a.relabelled("x");
    back.resolve(List.of(relabelled), List.of(b), 14, Set.of(12L));
    back.save();
    ReviewQueue after = ReviewQueue.load(tmp);
    assertEquals(List.of(c), after.pending(Set.of(12L)));
    assertEquals(Set.of(2L), after.rejectedRows("c"));
    assertEquals(List.of(c, relabelled), after.pending(Set.of(12L, 14L)), "as the reviewer chose");
  }

  @Test
  void aNewRetrievalSupersedesTheWaitingOnesButKeepsAddedAndRejected() throws Exception {
    ReviewQueue q = ReviewQueue.load(tmp);
    q.replacePending("c", List.of(proposal(1), proposal(2), proposal(3)));
    q.resolve(List.of(), List.of(proposal(3)), -1, Set.of());
    q.markAdded(List.of(proposal(4)), 5);
    q.markAdded(List.of(proposal(5)), 6);
    q.replacePending("c", List.of(proposal(1), proposal(6)), Set.of(6L));
    assertEquals(List.of(proposal(1), proposal(6)), q.pending(Set.of()));
    assertEquals(
        List.of(proposal(1), proposal(6)),
        q.pending(Set.of(6L)),
        "row 5's undone add was superseded");
    assertEquals(
        List.of(proposal(4), proposal(1), proposal(6)), q.pending(Set.of(5L, 6L)), "row 4 kept");
    assertEquals(Set.of(3L), q.rejectedRows("c"));
  }
}
