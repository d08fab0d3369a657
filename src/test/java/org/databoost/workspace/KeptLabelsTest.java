package org.databoost.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labels kept by the user are stored by content and label: they survive a reopened dataset and a
 * move, apply no more to a relabelled image, and are taken back one by one.
 */
class KeptLabelsTest {
  @TempDir Path root;
  @TempDir Path dataDir;

  private Workspace open() throws Exception {
    return Workspace.open(root, Fixtures.options(dataDir));
  }

  private static Map<String, ImageRow> byPath(Workspace ws) throws Exception {
    return ws.images().stream().collect(Collectors.toMap(ImageRow::path, Function.identity()));
  }

  @Test
  void keptLabelsSurviveAReopenAndFollowTheContentNotThePath() throws Exception {
    Fixtures.splitDataset(root);
    KeptLabels.Key a;
    KeptLabels.Key b;
    try (Workspace ws = open()) {
      List<String> paths = List.copyOf(byPath(ws).keySet());
      ImageRow ra = byPath(ws).get(paths.get(0));
      ImageRow rb = byPath(ws).get(paths.get(1));
      a = new KeptLabels.Key(ra.hash(), ra.label());
      b = new KeptLabels.Key(rb.hash(), rb.label());
      ws.keptLabels().keep(List.of(a, b));
      ws.keptLabels().keep(List.of(a)); // again: no harm
      assertEquals(Set.of(a, b), ws.keptLabels().load());
      assertEquals(0, ws.history().size(), "not a dataset edit: the journal is untouched");
    }
    try (Workspace ws = open()) {
      assertEquals(Set.of(a, b), ws.keptLabels().load(), "kept across a reopen");
      ws.keptLabels().release(List.of(b));
      assertEquals(Set.of(a), ws.keptLabels().load());
    }
  }

  @Test
  void undoTargetNamesTheEditUndoWouldReverse() throws Exception {
    Fixtures.splitDataset(root);
    try (Workspace ws = open()) {
      assertEquals(0, ws.undoTarget(), "nothing to undo");
      String path = byPath(ws).keySet().iterator().next();
      ws.delete(List.of(path));
      long delete = ws.undoTarget();
      assertTrue(delete > 0);
      ws.undo();
      assertEquals(0, ws.undoTarget(), "undone: nothing left to undo");
      ws.redo();
      assertEquals(delete, ws.undoTarget(), "redone: the same edit again");
    }
  }
}
