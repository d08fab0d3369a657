package org.databoost.boost;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.databoost.dataset.DatasetException;
import org.databoost.imaging.augment.Augmenter;
import org.databoost.task.Progress;
import org.databoost.workspace.NewImage;
import org.databoost.workspace.WorkspaceException;

/**
 * Boost's candidates from the augmentation pool: the nearest unused candidates of each error,
 * rendered at file resolution; with {@code --compare random}, the round's random ablation.
 */
final class PoolRoundSource implements CandidateSource {
  private final CandidatePool pool;
  private final CandidateRenderer renderer;
  private final BoostOptions o;
  private final Path root;
  private final RandomAblation ablation;
  private final BitSet used = new BitSet();
  private List<Integer> chosen = List.of();

  PoolRoundSource(
      CandidatePool pool,
      CandidateRenderer renderer,
      BoostOptions o,
      Path root,
      RoundTrainer trainer) {
    this.pool = pool;
    this.renderer = renderer;
    this.o = o;
    this.root = root;
    this.ablation = o.compareRandom() ? new RandomAblation(trainer, o, parameters()) : null;
  }

  @Override
  public Choice choose(RoundInput in, Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    long r0 = System.nanoTime();
    Retriever.Result picked =
        in.retriever().retrieve(pool, in.errors(), in.trainVectors(), used, in.room(), progress);
    double retrieveSeconds = RoundTrainer.seconds(r0);
    if (picked.picks().isEmpty()) {
      return Choice.stop("no new candidate is left for the remaining errors");
    }
    chosen = picked.picks().stream().map(Retriever.Pick::candidate).toList();
    RandomAblation.Result random =
        ablation == null
            ? RandomAblation.Result.NONE
            : ablation.run(in.ws(), pool, renderer, used, in.round(), chosen.size(), progress);
    long w0 = System.nanoTime();
    List<CandidateRenderer.Rendered> rendered = renderer.render(root, pool, chosen, progress);
    List<NewImage> images = CandidateFiles.of(rendered, pool, in.round(), picked.picks(), "boost");
    return new Choice(
        images, picked, "candidates", random, retrieveSeconds, RoundTrainer.seconds(w0), null);
  }

  @Override
  public void kept() {
    chosen.forEach(used::set);
  }

  @Override
  public long size() {
    return pool.size();
  }

  @Override
  public CandidatePool.PoolTimings timings() {
    return pool.timings();
  }

  @Override
  public String corpusName() {
    return "";
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("boost.candidates", Integer.toString(o.candidates()));
    p.put("boost.seed", Long.toString(o.seed()));
    p.put("boost.augmenter", Augmenter.VERSION);
    return p;
  }
}
