package org.databoost.boost;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;

/** The optional stratified re-split of train and val before boosting. */
final class Resplit {
  private Resplit() {}

  /**
   * Re-splits train and val at random within each label (seeded), keeping each label's share of
   * validation images, as two journaled moves. Returns how many images moved.
   */
  static int apply(Workspace ws, DatasetScan scan, long seed, Progress progress)
      throws WorkspaceException {
    List<String> toVal = new ArrayList<>();
    List<String> toTrain = new ArrayList<>();
    for (String label : scan.labels()) {
      List<ImageEntry> all = new ArrayList<>();
      for (ImageEntry e : scan.images()) {
        if (e.label().equals(label) && (e.split() == Split.TRAIN || e.split() == Split.VAL)) {
          all.add(e);
        }
      }
      all.sort(Comparator.comparing(ImageEntry::displayPath));
      int val = (int) all.stream().filter(e -> e.split() == Split.VAL).count();
      SplittableRandom random = new SplittableRandom(seed ^ label.hashCode());
      for (int i = all.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        ImageEntry t = all.get(i);
        all.set(i, all.get(j));
        all.set(j, t);
      }
      for (int i = 0; i < all.size(); i++) {
        ImageEntry e = all.get(i);
        Split want = i < val ? Split.VAL : Split.TRAIN;
        if (e.split() != want) {
          (want == Split.VAL ? toVal : toTrain).add(e.displayPath());
        }
      }
    }
    progress.update(BoostService.RESPLIT_STAGE, 0, toVal.size() + toTrain.size());
    if (!toVal.isEmpty()) {
      ws.moveToSplit(toVal, Split.VAL, progress);
    }
    if (!toTrain.isEmpty()) {
      ws.moveToSplit(toTrain, Split.TRAIN, progress);
    }
    progress.update(
        BoostService.RESPLIT_STAGE, toVal.size() + toTrain.size(), toVal.size() + toTrain.size());
    return toVal.size() + toTrain.size();
  }
}
