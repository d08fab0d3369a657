package org.databoost.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.databoost.app.common.Services;
import org.databoost.dataset.LabelOrder;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.ImageRow;
import org.databoost.workspace.PredictionRecord;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.RunResults;
import org.databoost.workspace.Workspace;

/**
 * Services for window and view-model tests: the real map, similarity and Boost services and the
 * real embeddings-only flags, and an evaluation that keeps a known run instead of training a model
 * (view-model tests are about what the window does with a run, not about training, which has its
 * own tests). The known run predicts every image's given label except every fifth image of each
 * label, which it reads as the next label and flags as a label error suggesting that label;
 * label_book images are never flagged.
 */
public final class TestServices {
  private TestServices() {}

  /** The real services but for evaluation, which keeps the known run. */
  public static Services withKnownRuns() {
    Services real = Wiring.standardServices();
    return new Services(
        new Services.Evaluation() {
          @Override
          public void evaluate(Workspace ws, TrainingConfig config, Progress progress)
              throws Exception {
            progress.update("train epoch 1/1", 1, 1);
            keepKnownRun(ws, config.preset(), config.folds());
          }

          @Override
          public String flagsOnly(Workspace ws, long seed, Progress progress) throws Exception {
            return real.evaluation().flagsOnly(ws, seed, progress);
          }
        },
        real.boosting(),
        real.mapping(),
        real.similarity());
  }

  /** Keeps the known run of the workspace as it is now; returns it. */
  public static RunRecord keepKnownRun(Workspace ws, String preset, int folds) throws Exception {
    return keepKnownRun(ws, "evaluate", preset, folds, Map.of());
  }

  /** The known run kept under another kind, with more parameters (e.g. a Boost round's). */
  public static RunRecord keepKnownRun(
      Workspace ws, String kind, String preset, int folds, Map<String, String> more)
      throws Exception {
    List<ImageRow> images = ws.images();
    List<String> labels = LabelOrder.sort(images.stream().map(ImageRow::label).distinct().toList());
    Map<String, Integer> seen = new LinkedHashMap<>();
    List<PredictionRecord> preds = new ArrayList<>();
    int right = 0;
    int val = 0;
    for (ImageRow r : images) {
      Split split = r.split().orElse(Split.TRAIN);
      int given = labels.indexOf(r.label());
      int n = seen.merge(r.label(), 1, Integer::sum);
      boolean wrong = n % 5 == 0 && split != Split.LABEL_BOOK;
      int predicted = wrong ? (given + 1) % labels.size() : given;
      float[] p = new float[labels.size()];
      p[predicted] = 0.8f;
      p[given] += 0.2f / Math.max(1, labels.size() - 1);
      if (split == Split.VAL) {
        val++;
        right += wrong ? 0 : 1;
      }
      preds.add(
          new PredictionRecord(
              r.path(),
              r.hash(),
              split,
              given,
              predicted,
              wrong ? 2.0f : 0.2f,
              p,
              folds >= 2 && split == Split.TRAIN ? n % folds : -1,
              folds < 2 && split == Split.TRAIN,
              wrong ? "label error" : "",
              predicted,
              wrong ? 0.1f : 0.9f));
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("preset", preset);
    params.put("folds", Integer.toString(folds));
    params.putAll(more);
    Map<String, String> metrics = new LinkedHashMap<>();
    metrics.put("accuracy.val", Double.toString(val == 0 ? 0 : (double) right / val));
    metrics.put("accuracy.train", "0.8");
    RunResults results = RunResults.fromStored(metrics);
    Instant now = Instant.now();
    return ws.runs()
        .save(
            new RunRecord(
                0,
                kind,
                now,
                now,
                labels,
                params,
                results,
                List.of("epoch,loss,val_accuracy,seconds", "1,0.5,0.8,2.0")),
            preds);
  }
}
