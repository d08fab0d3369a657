package org.databoost.boost;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.databoost.boost.RoundReports.State;
import org.databoost.dataset.ImageEntry;
import org.databoost.evaluation.LatestModel;
import org.databoost.task.Progress;
import org.databoost.training.TrainedModel;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boost's candidates from a registered corpus: the nearest corpus images of each error, each with
 * its proposed label; those at or above the auto-accept confidence are the round's images, the
 * others wait in the review queue, and the auto-accepted ones are kept there with the round's edit
 * id, so that they wait again when the round is undone.
 */
final class CorpusRoundSource implements CandidateSource {
  private static final Logger LOG = LoggerFactory.getLogger(CorpusRoundSource.class);

  private final CorpusCandidates corpus;
  private final CorpusSource options;
  private final BoostOptions o;
  private List<CorpusProposal> accepted = List.of();
  private ReviewQueue queue;
  private int queued;

  CorpusRoundSource(CorpusCandidates corpus, CorpusSource options, BoostOptions o) {
    this.corpus = corpus;
    this.options = options;
    this.o = o;
  }

  @Override
  public Choice choose(RoundInput in, Progress progress) throws IOException, WorkspaceException {
    long r0 = System.nanoTime();
    Workspace ws = in.ws();
    queue = ReviewQueue.load(ws.stateDir());
    String name = corpus.corpus().name();
    Set<String> hashes = new HashSet<>();
    in.trainVal().forEach(e -> hashes.add(e.hash()));
    Retriever.Result picked =
        in.retriever()
            .retrieve(
                corpus,
                in.errors(),
                in.trainVectors(),
                corpus.skip(queue.rejectedRows(name), hashes),
                in.room(),
                progress);
    List<CorpusProposal> proposals =
        corpus.propose(
            in.round(),
            picked.picks(),
            in.trainVectors(),
            in.train().stream().map(ImageEntry::label).toList(),
            modelJudge(ws, in.state(), o),
            o.training().threads() + 1,
            progress);
    double retrieveSeconds = RoundTrainer.seconds(r0);
    List<CorpusProposal> auto = new ArrayList<>();
    List<CorpusProposal> waiting = new ArrayList<>();
    for (CorpusProposal p : proposals) {
      boolean yes =
          options.autoAcceptAbove().isPresent()
              && p.confidence() >= options.autoAcceptAbove().getAsDouble();
      (yes ? auto : waiting).add(p);
    }
    queue.replacePending(name, waiting, CorpusReview.undoneOps(ws));
    queue.save();
    queued = waiting.size();
    accepted = auto;
    if (auto.isEmpty()) {
      return Choice.stop(
          proposals.isEmpty()
              ? "no new corpus image is left for the remaining errors"
              : String.format(
                  Locale.ROOT,
                  "%,d corpus images wait for review (boost DIR --corpus %s --review, or the"
                      + " window's review queue); nothing was added%s",
                  queued,
                  name,
                  options.autoAcceptAbove().isPresent()
                      ? " (none reached the auto-accept confidence)"
                      : ""));
    }
    // Nothing is added unless every accepted file is still the embedded one.
    CorpusReview.checkUnchanged(auto);
    return new Choice(
        CorpusReview.newImages(auto),
        new Retriever.Result(
            acceptedPicks(picked, proposals, auto),
            picked.errorsServed(),
            picked.droppedNearTrain(),
            picked.droppedNearChosen(),
            picked.droppedUsed()),
        "corpus images from " + name,
        RandomAblation.Result.NONE,
        retrieveSeconds,
        0,
        null);
  }

  @Override
  public void added(long op) throws IOException {
    // Kept with the edit's id: if the edit is undone, they wait for review again.
    queue.markAdded(accepted, op);
    queue.save();
  }

  @Override
  public String undone() {
    queued += accepted.size();
    return String.format(
        Locale.ROOT,
        "; its %,d auto-accepted corpus images wait in the review queue again",
        accepted.size());
  }

  @Override
  public int queued() {
    return queued;
  }

  @Override
  public long size() {
    return corpus.size();
  }

  @Override
  public CandidatePool.PoolTimings timings() {
    return new CandidatePool.PoolTimings(0, 0, 0, 0, 0);
  }

  @Override
  public String corpusName() {
    return corpus.corpus().name();
  }

  @Override
  public Map<String, String> parameters() {
    // The round's candidates came from this corpus, not from a seeded augmentation pool.
    Map<String, String> p = new LinkedHashMap<>();
    p.put("boost.corpus", corpus.corpus().name());
    p.put("boost.candidates", Long.toString(corpus.size()));
    return p;
  }

  /**
   * The model of the state a round starts from as a judge of corpus labels: the one trained in this
   * job, else the kept model of the reused run ({@link LatestModel}); null (the k-NN vote judges
   * alone, which is logged) when neither is there, e.g. a run from before models were kept.
   */
  private static ModelJudge modelJudge(Workspace ws, State state, BoostOptions o) {
    TrainedModel model = state.model();
    if (model == null) {
      try {
        model = LatestModel.load(ws.stateDir(), state.runId()).orElse(null);
      } catch (IOException e) {
        LOG.warn("the kept model of run #{} cannot be read: {}", state.runId(), e.toString());
      }
    }
    if (model == null || model.classes() != state.labels().size()) {
      LOG.info(
          "no model of run #{} to judge corpus labels; the training k-NN vote judges alone",
          state.runId());
      return null;
    }
    return new TrainedModelJudge(model, state.labels(), o.training().threads());
  }

  /** The picks of the accepted proposals, in pick order. */
  private static List<Retriever.Pick> acceptedPicks(
      Retriever.Result picked, List<CorpusProposal> proposals, List<CorpusProposal> accepted) {
    Set<Long> rows = new HashSet<>();
    accepted.forEach(p -> rows.add(p.row()));
    List<Retriever.Pick> out = new ArrayList<>();
    for (int i = 0; i < proposals.size(); i++) {
      if (rows.contains(proposals.get(i).row())) {
        out.add(picked.picks().get(i));
      }
    }
    return out;
  }
}
