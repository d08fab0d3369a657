package org.databoost.workspace;

import static org.databoost.workspace.Fixtures.assertCatalogMatchesDisk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.databoost.dataset.Split;

/**
 * Any sequence of edits, undos, redos and reopenings, followed by undoing everything, gives back
 * the dataset tree byte for byte, folders included; the catalog matches the disk throughout.
 */
class UndoEverythingPropertyTest {
  private static final List<String> LABELS = List.of("i", "ii", "iii", "new");
  private static final List<String> NAMES = List.of("a.png", "b.png", "n.png");

  /** One step of the sequence; its numbers pick targets among what exists at that moment. */
  record Action(int kind, int a, int b) {}

  @Provide
  Arbitrary<List<Action>> actions() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 7),
            Arbitraries.integers().between(0, 999),
            Arbitraries.integers().between(0, 999))
        .as(Action::new)
        .list()
        .ofMaxSize(12);
  }

  @Property(tries = 40)
  void undoingEverythingRestoresTheTreeAndTheCatalogAlwaysMatchesTheDisk(
      @ForAll("actions") List<Action> actions) throws Exception {
    Path root = Files.createTempDirectory("databoost-prop");
    Path dataDir = Files.createTempDirectory("databoost-prop-data");
    try {
      Fixtures.splitDataset(root);
      Map<String, String> initial = Fixtures.tree(root);
      Workspace ws = Workspace.open(root, Fixtures.options(dataDir));
      try {
        int n = 0;
        for (Action act : actions) {
          if (act.kind() == 7) {
            ws.close();
            ws = Workspace.open(root, Fixtures.options(dataDir));
          } else {
            apply(ws, act, n++);
          }
          assertCatalogMatchesDisk(ws, root);
        }
        while (ws.canUndo()) {
          ws.undo();
          assertCatalogMatchesDisk(ws, root);
        }
        assertEquals(initial, Fixtures.tree(root));
      } finally {
        ws.close();
      }
      try (Workspace again = Workspace.open(root, Fixtures.options(dataDir))) {
        assertEquals(List.of(), again.openReport());
        assertCatalogMatchesDisk(again, root);
      }
    } finally {
      Fixtures.deleteTree(root);
      Fixtures.deleteTree(dataDir);
    }
  }

  private static void apply(Workspace ws, Action act, int n) throws WorkspaceException {
    List<ImageRow> images = ws.images();
    switch (act.kind()) {
      case 0 -> {
        String label = LABELS.get(act.b() % LABELS.size());
        List<String> pick =
            pick(images.stream().filter(r -> !r.label().equals(label)).toList(), act);
        if (!pick.isEmpty()) {
          ws.relabel(pick, label);
        }
      }
      case 1 -> {
        Split split = act.b() % 2 == 0 ? Split.TRAIN : Split.VAL;
        List<String> pick =
            pick(images.stream().filter(r -> r.split().orElseThrow() != split).toList(), act);
        if (!pick.isEmpty()) {
          ws.moveToSplit(pick, split);
        }
      }
      case 2 -> {
        List<String> pick = pick(images, act);
        if (!pick.isEmpty()) {
          ws.delete(pick);
        }
      }
      case 3 -> {
        List<ImageRow> trash = ws.trash();
        if (!trash.isEmpty()) {
          ImageRow one = trash.get(act.a() % trash.size());
          if (act.b() % 2 == 0) {
            ws.restore(WorkspacePaths.trashOp(one.path()).getAsLong());
          } else {
            ws.restoreTrashed(List.of(one.path()));
          }
        }
      }
      case 4 -> {
        byte[] bytes = ("generated #" + n + " " + act).getBytes(StandardCharsets.UTF_8);
        Split split = act.a() % 2 == 0 ? Split.TRAIN : Split.VAL;
        String label = LABELS.get(act.b() % LABELS.size());
        String name = NAMES.get(act.a() % NAMES.size());
        ws.add(List.of(NewImage.fromBytes(bytes, split, label, name, "property test")));
      }
      case 5 -> {
        if (ws.canUndo()) {
          ws.undo();
        }
      }
      default -> {
        if (ws.canRedo()) {
          ws.redo();
        }
      }
    }
  }

  /** One to three consecutive images, starting at a position chosen by the action. */
  private static List<String> pick(List<ImageRow> from, Action act) {
    if (from.isEmpty()) {
      return List.of();
    }
    int count = Math.min(from.size(), 1 + act.b() % 3);
    int start = act.a() % from.size();
    return IntStream.range(0, count)
        .mapToObj(i -> from.get((start + i) % from.size()).path())
        .toList();
  }
}
