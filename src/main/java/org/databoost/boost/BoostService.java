package org.databoost.boost;

import static org.databoost.boost.RoundReports.accuracy;
import static org.databoost.boost.RoundReports.optionalAccuracy;
import static org.databoost.boost.RoundReports.report;
import static org.databoost.boost.RoundReports.state;
import static org.databoost.boost.RoundReports.withKept;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.databoost.boost.RoundReports.State;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.embedding.Embedder;
import org.databoost.embedding.Embedders;
import org.databoost.embedding.EmbeddingCache;
import org.databoost.evaluation.EvaluationService;
import org.databoost.evaluation.LatestModel;
import org.databoost.imaging.augment.AugmentOptions;
import org.databoost.imaging.augment.Augmenter;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;
import org.databoost.training.TrainedModel;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.NewImage;
import org.databoost.workspace.OperationResult;
import org.databoost.workspace.PredictionRecord;
import org.databoost.workspace.ReadOnlyDatasetException;
import org.databoost.workspace.UsableImages;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data Boosting, round by round: generate and embed a pool of augmented candidates of the training
 * images; for the validation images the current model gets wrong (highest loss first) retrieve
 * their nearest candidates; write them into {@code train/<source label>/} as one undoable edit;
 * retrain; keep the round only if validation accuracy rose, otherwise undo it and stop.
 *
 * <p>Reliability: nothing touches the dataset before a round's write, which is one journaled
 * operation (a crash is recovered, a full disk rolls back). If the round is cancelled or fails
 * after its write, its edit is undone before the exception leaves, so the dataset is exactly as
 * before the round. Everything is deterministic given the options (seeds and thread counts).
 */
public final class BoostService {
  private static final Logger LOG = LoggerFactory.getLogger(BoostService.class);

  public static final String RESPLIT_STAGE = "Re-splitting train and val";
  public static final String BASELINE_STAGE = "Training the baseline model";
  public static final String WRITE_STAGE = "Writing chosen candidates";

  /** Run kinds kept in the catalog. */
  public static final String KIND_BASELINE = "boost-baseline";

  public static final String KIND_ROUND = "boost";
  public static final String KIND_RANDOM = "boost-random";

  /** How the history's description of a Boost round's edit begins. */
  public static final String ROUND_PREFIX = "Boost round ";

  /** How the provenance of an image added by a kept Boost round begins. */
  public static final String PROVENANCE_PREFIX = "boost round ";

  /** Whether a provenance text is that of an image a Boost round added. */
  public static boolean isBoostProvenance(String provenance) {
    return provenance != null && provenance.startsWith(PROVENANCE_PREFIX);
  }

  private final DatasetScanner scanner;
  private final EvaluationService evaluation;

  public BoostService(DatasetScanner scanner) {
    this.scanner = scanner;
    this.evaluation = new EvaluationService(scanner);
  }

  public BoostReport boost(Workspace ws, BoostOptions o, Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    return boost(ws, o, null, progress);
  }

  /**
   * Boosts from a registered corpus instead of the augmentation pool when {@code corpus} is given:
   * its nearest images to each error are proposed with a label; those at or above the auto-accept
   * confidence are added (copied), the others wait in the review queue.
   */
  public BoostReport boost(Workspace ws, BoostOptions o, CorpusSource corpus, Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    if (corpus != null && o.compareRandom()) {
      throw new IllegalArgumentException(
          "--compare random draws from the augmentation pool; it cannot be combined with --corpus");
    }
    if (ws.isReadOnly()) {
      throw new ReadOnlyDatasetException(
          "Boost adds images to train/, but the dataset "
              + ws.layout().root()
              + " is read-only. Copy it to a writable folder and boost the copy.");
    }
    long t0 = System.nanoTime();
    Path root = ws.layout().root();
    try (Embedder embedder = Embedders.byName(o.embedder())) {
      // A corpus that cannot serve (other embedder, changed, vanished) is refused before any work.
      CorpusCandidates fromCorpus =
          corpus == null ? null : CorpusCandidates.open(corpus.corpus(), embedder.name(), progress);
      return boost(ws, o, embedder, fromCorpus, corpus, root, t0, progress);
    }
  }

  private BoostReport boost(
      Workspace ws,
      BoostOptions o,
      Embedder embedder,
      CorpusCandidates fromCorpus,
      CorpusSource corpus,
      Path root,
      long t0,
      Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    int moved = o.resplit() ? resplit(ws, o.seed(), progress) : 0;
    Optional<State> reusable =
        moved > 0 ? Optional.empty() : BaselineReuse.latestMatching(ws, o.training());
    // One scan per state of the dataset: this one serves the baseline, the pool and round 1.
    DatasetScan scan = scan(ws, progress);
    State state =
        reusable.isPresent()
            ? reusable.get()
            : train(ws, scan, o.training(), KIND_BASELINE, Map.of(), progress);
    long baselineRunId = state.runId();
    double valBaseline = accuracy(state, Split.VAL);
    OptionalDouble lbBaseline = optionalAccuracy(state, Split.LABEL_BOOK);

    Augmenter augmenter = new Augmenter(strength(o.augmentationStrength()));
    List<RoundReport> rounds = new ArrayList<>();
    String stop;
    CandidatePool pool = null;
    int queued = 0;
    {
      List<ImageEntry> sources = scan.images(Split.TRAIN);
      if (sources.isEmpty()) {
        throw new DatasetException("Boost needs training images to augment; train/ is empty.");
      }
      if (fromCorpus == null) {
        pool =
            new PoolGenerator(augmenter, PoolGenerator.defaultGeneratorThreads())
                .generate(root, sources, o.candidates(), o.seed(), embedder, progress);
        LOG.info(
            "Boost pool: {} candidates from {} sources in {} s",
            pool.size(),
            sources.size(),
            String.format(Locale.ROOT, "%.1f", pool.timings().wallSeconds()));
      }
      BitSet used = new BitSet();
      CandidateRenderer renderer = new CandidateRenderer(augmenter);
      stop = o.rounds() + (o.rounds() == 1 ? " round done" : " rounds done");
      for (int round = 1; round <= o.rounds(); round++) {
        progress.checkCancelled();
        int room = o.budget() - scan.count(Split.TRAIN) - scan.count(Split.VAL);
        if (room <= 0) {
          stop = "the budget of " + o.budget() + " train + val images is used";
          break;
        }
        List<ImageEntry> train = scan.images(Split.TRAIN);
        List<ImageEntry> trainVal = new ArrayList<>(train);
        trainVal.addAll(scan.images(Split.VAL));
        float[][] vectors =
            new EmbeddingCache(ws.stateDir())
                .embeddings(embedder, root, trainVal, progress)
                .vectors();
        List<Retriever.ErrorQuery> errors = errors(state, trainVal, vectors, train.size());
        if (errors.isEmpty()) {
          stop = "no validation errors are left";
          break;
        }
        long r0 = System.nanoTime();
        Retriever retriever =
            new Retriever(o.k(), o.duplicateThreshold(), o.training().threads() + 1);
        Vectors trainVectors = Vectors.of(Arrays.copyOf(vectors, train.size()));
        Retriever.Result picked;
        List<Integer> ids = List.of();
        Ablation random = Ablation.NONE;
        List<NewImage> images;
        List<CorpusProposal> autoAccepted = List.of();
        ReviewQueue reviewQueue = null;
        double renderSeconds;
        double retrieveSeconds;
        String what;
        if (fromCorpus != null) {
          ReviewQueue queue = ReviewQueue.load(ws.stateDir());
          String name = fromCorpus.corpus().name();
          Set<String> hashes = new HashSet<>();
          trainVal.forEach(e -> hashes.add(e.hash()));
          picked =
              retriever.retrieve(
                  fromCorpus,
                  errors,
                  trainVectors,
                  fromCorpus.skip(queue.rejectedRows(name), hashes),
                  room,
                  progress);
          List<CorpusProposal> proposals =
              fromCorpus.propose(
                  round,
                  picked.picks(),
                  trainVectors,
                  train.stream().map(ImageEntry::label).toList(),
                  modelJudge(ws, state, o),
                  o.training().threads() + 1,
                  progress);
          retrieveSeconds = seconds(r0);
          List<CorpusProposal> accepted = new ArrayList<>();
          List<CorpusProposal> waiting = new ArrayList<>();
          for (CorpusProposal p : proposals) {
            boolean auto =
                corpus.autoAcceptAbove().isPresent()
                    && p.confidence() >= corpus.autoAcceptAbove().getAsDouble();
            (auto ? accepted : waiting).add(p);
          }
          queue.replacePending(name, waiting, CorpusReview.undoneOps(ws));
          queue.save();
          autoAccepted = accepted;
          reviewQueue = queue;
          queued = waiting.size();
          if (accepted.isEmpty()) {
            stop =
                proposals.isEmpty()
                    ? "no new corpus image is left for the remaining errors"
                    : String.format(
                        Locale.ROOT,
                        "%,d corpus images wait for review (boost DIR --corpus %s --review, or the"
                            + " window's review queue); nothing was added%s",
                        queued,
                        name,
                        corpus.autoAcceptAbove().isPresent()
                            ? " (none reached the auto-accept confidence)"
                            : "");
            break;
          }
          // Nothing is added unless every accepted file is still the embedded one.
          CorpusReview.checkUnchanged(accepted);
          images = CorpusReview.newImages(accepted);
          renderSeconds = 0;
          what = "corpus images from " + name;
          picked =
              new Retriever.Result(
                  acceptedPicks(picked, proposals, accepted),
                  picked.errorsServed(),
                  picked.droppedNearTrain(),
                  picked.droppedNearChosen(),
                  picked.droppedUsed());
        } else {
          picked = retriever.retrieve(pool, errors, trainVectors, used, room, progress);
          retrieveSeconds = seconds(r0);
          if (picked.picks().isEmpty()) {
            stop = "no new candidate is left for the remaining errors";
            break;
          }
          ids = picked.picks().stream().map(Retriever.Pick::candidate).toList();
          random =
              o.compareRandom()
                  ? randomAblation(ws, o, pool, renderer, used, round, ids.size(), progress)
                  : Ablation.NONE;
          long w0 = System.nanoTime();
          List<CandidateRenderer.Rendered> rendered = renderer.render(root, pool, ids, progress);
          images = CandidateFiles.of(rendered, pool, round, picked.picks(), "boost");
          renderSeconds = seconds(w0);
          what = "candidates";
        }

        long w1 = System.nanoTime();
        progress.update(WRITE_STAGE, 0, images.size());
        OperationResult op =
            ws.add(
                images,
                String.format(
                    Locale.ROOT,
                    ROUND_PREFIX + "%d: add %,d %s for %,d validation errors",
                    round,
                    images.size(),
                    what,
                    picked.errorsServed()),
                progress);
        progress.update(WRITE_STAGE, images.size(), images.size());
        double writeSeconds = seconds(w1);
        State after;
        DatasetScan added;
        long tr0 = System.nanoTime();
        try {
          if (reviewQueue != null) {
            // Kept with the edit's id: if the edit is undone, they wait for review again.
            reviewQueue.markAdded(autoAccepted, op.opId());
            reviewQueue.save();
          }
          added = scan(ws, progress);
          after =
              train(
                  ws,
                  added,
                  o.training(),
                  KIND_ROUND,
                  roundParameters(o, round, op.opId(), images.size(), fromCorpus),
                  progress);
        } catch (IOException | DatasetException | WorkspaceException | RuntimeException e) {
          // Cancellation included: the dataset must be as it was before the round.
          undoAfterFailure(ws, op.opId(), e);
          throw e;
        }
        double trainSeconds = seconds(tr0);
        RoundReport report =
            report(
                round,
                errors.size(),
                picked,
                images.size(),
                op.opId(),
                state,
                after,
                random.val(),
                random.labelBook(),
                random.runId(),
                new RoundReport.StageSeconds(
                    retrieveSeconds, renderSeconds, writeSeconds, trainSeconds, random.seconds()));
        if (report.gain() <= 0) {
          undoOwn(ws, op.opId());
          rounds.add(withKept(report, false));
          stop =
              String.format(
                  Locale.ROOT,
                  "round %d brought no gain (val %.4f -> %.4f), so it was undone",
                  round,
                  report.valBefore(),
                  report.valAfter());
          if (!autoAccepted.isEmpty()) {
            queued += autoAccepted.size();
            stop +=
                String.format(
                    Locale.ROOT,
                    "; its %,d auto-accepted corpus images wait in the review queue again",
                    autoAccepted.size());
          }
          break;
        }
        rounds.add(report);
        ids.forEach(used::set);
        state = after;
        scan = added;
      }
    }
    return new BoostReport(
        o,
        baselineRunId,
        reusable.isEmpty(),
        moved,
        valBaseline,
        lbBaseline,
        pool != null ? pool.size() : (int) Math.min(Integer.MAX_VALUE, fromCorpus.size()),
        pool != null ? pool.timings() : new CandidatePool.PoolTimings(0, 0, 0, 0, 0),
        fromCorpus == null ? "" : fromCorpus.corpus().name(),
        queued,
        List.copyOf(rounds),
        stop,
        seconds(t0));
  }

  /** The random ablation of a round: its accuracies, its run, and how long it took. */
  private record Ablation(
      OptionalDouble val, OptionalDouble labelBook, OptionalLong runId, double seconds) {
    static final Ablation NONE =
        new Ablation(OptionalDouble.empty(), OptionalDouble.empty(), OptionalLong.empty(), 0);
  }

  /**
   * Adds {@code count} random unused candidates instead of the chosen ones, retrains, and undoes
   * the addition again (also when the training fails or is cancelled).
   */
  private Ablation randomAblation(
      Workspace ws,
      BoostOptions o,
      CandidatePool pool,
      CandidateRenderer renderer,
      BitSet used,
      int round,
      int count,
      Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    long a0 = System.nanoTime();
    List<Integer> randomIds = Retriever.random(pool, count, used, o.seed() * 31 + round);
    List<NewImage> images =
        CandidateFiles.of(
            renderer.render(ws.layout().root(), pool, randomIds, progress),
            pool,
            round,
            null,
            "boost-random");
    OperationResult op =
        ws.add(
            images,
            String.format(
                Locale.ROOT,
                ROUND_PREFIX + "%d, ablation: add %,d random candidates",
                round,
                images.size()),
            progress);
    State random;
    try {
      random =
          train(
              ws,
              scan(ws, progress),
              o.training(),
              KIND_RANDOM,
              roundParameters(o, round, op.opId(), images.size(), null),
              progress);
    } finally {
      undoOwn(ws, op.opId());
    }
    return new Ablation(
        OptionalDouble.of(accuracy(random, Split.VAL)),
        optionalAccuracy(random, Split.LABEL_BOOK),
        OptionalLong.of(random.runId()),
        seconds(a0));
  }

  /** Trains and judges on {@code scan}, a fresh usable scan of the workspace as it is now. */
  private State train(
      Workspace ws,
      DatasetScan scan,
      TrainingConfig config,
      String kind,
      Map<String, String> params,
      Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    EvaluationService.Result result = evaluation.evaluate(ws, scan, config, kind, params, progress);
    return state(
        result.run(),
        result.predictions(),
        result.details() == null ? null : result.details().model());
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

  private static AugmentOptions strength(double strength) {
    AugmentOptions d = AugmentOptions.defaults();
    return strength == d.strength() ? d : new AugmentOptions(strength);
  }

  private DatasetScan scan(Workspace ws, Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    return UsableImages.scan(scanner, ws, progress);
  }

  /** The misclassified validation images of a state, with their embeddings. */
  private static List<Retriever.ErrorQuery> errors(
      State state, List<ImageEntry> trainVal, float[][] vectors, int firstVal) {
    List<Retriever.ErrorQuery> out = new ArrayList<>();
    for (int i = firstVal; i < trainVal.size(); i++) {
      PredictionRecord p = state.val().get(trainVal.get(i).displayPath());
      if (p != null && p.predicted() != p.given()) {
        out.add(new Retriever.ErrorQuery(p.path(), p.given(), p.predicted(), p.loss(), vectors[i]));
      }
    }
    return out;
  }

  private static Map<String, String> roundParameters(
      BoostOptions o, int round, long opId, int added, CorpusCandidates corpus) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("boost.round", Integer.toString(round));
    p.put("boost.op", Long.toString(opId));
    p.put("boost.added", Integer.toString(added));
    p.put("boost.k", Integer.toString(o.k()));
    p.put("boost.budget", Integer.toString(o.budget()));
    p.put("boost.embedder", o.embedder());
    if (corpus == null) {
      p.put("boost.candidates", Integer.toString(o.candidates()));
      p.put("boost.seed", Long.toString(o.seed()));
      p.put("boost.augmenter", Augmenter.VERSION);
    } else {
      // The round's candidates came from this corpus, not from a seeded augmentation pool.
      p.put("boost.corpus", corpus.corpus().name());
      p.put("boost.candidates", Long.toString(corpus.size()));
    }
    return p;
  }

  private static void undoOwn(Workspace ws, long opId) throws WorkspaceException {
    ws.undo(opId);
  }

  private static void undoAfterFailure(Workspace ws, long opId, Exception cause) {
    try {
      ws.undo(opId);
    } catch (WorkspaceException | RuntimeException e) {
      cause.addSuppressed(e);
      LOG.error("Could not undo boost edit #{} after a failure", opId, e);
    }
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

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Re-splits train and val at random within each label (seeded), keeping each label's share of
   * validation images, as two journaled moves. Returns how many images moved.
   */
  int resplit(Workspace ws, long seed, Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    return Resplit.apply(ws, scan(ws, progress), seed, progress);
  }
}
