package org.databoost.autopilot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;

/**
 * The images of a dataset as the autopilot plans with them: where each is, its label and content.
 * The plan review runs every step on such a state, simulated, before anything changes on disk; the
 * steps run on disk compute their edits from a fresh state with the same code, so what runs is what
 * was reviewed.
 */
public record DatasetState(List<Item> items) {

  /** One image. {@code name} is its file name, which edits keep. */
  public record Item(String path, Split split, String label, String hash, String name) {
    Item moved(Split to) {
      return new Item(rebuild(to, label), to, label, hash, name);
    }

    Item relabelled(String to) {
      return new Item(rebuild(split, to), split, to, hash, name);
    }

    private String rebuild(Split s, String l) {
      return s.folder() + "/" + l + "/" + name;
    }
  }

  public DatasetState {
    items = List.copyOf(items);
  }

  /** The usable images of a scan. */
  public static DatasetState of(DatasetScan scan) {
    List<Item> out = new ArrayList<>();
    for (ImageEntry e : scan.images()) {
      out.add(
          new Item(
              e.displayPath(),
              e.split(),
              e.label(),
              e.hash(),
              e.relativePath().getFileName().toString()));
    }
    return new DatasetState(out);
  }

  public List<Item> in(Split split) {
    return items.stream().filter(i -> i.split() == split).toList();
  }

  public int count(Split split) {
    return (int) items.stream().filter(i -> i.split() == split).count();
  }

  /** Train plus val: what the budget counts. */
  public int trainVal() {
    return count(Split.TRAIN) + count(Split.VAL);
  }

  DatasetState without(Collection<String> paths) {
    Set<String> gone = new HashSet<>(paths);
    return new DatasetState(items.stream().filter(i -> !gone.contains(i.path())).toList());
  }

  DatasetState relabelled(Map<String, String> labels) {
    return new DatasetState(
        items.stream()
            .map(i -> labels.containsKey(i.path()) ? i.relabelled(labels.get(i.path())) : i)
            .toList());
  }

  DatasetState moved(Map<String, Split> targets) {
    return new DatasetState(
        items.stream()
            .map(i -> targets.containsKey(i.path()) ? i.moved(targets.get(i.path())) : i)
            .toList());
  }

  DatasetState plus(List<Item> added) {
    List<Item> all = new ArrayList<>(items);
    all.addAll(added);
    return new DatasetState(all);
  }
}
