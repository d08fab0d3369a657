package org.databoost.boost;

import static org.databoost.boost.RoundReports.accuracy;
import static org.databoost.boost.RoundReports.optionalAccuracy;
import static org.databoost.boost.RoundReports.report;
import static org.databoost.boost.RoundReports.withKept;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.databoost.boost.RoundReports.State;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.embedding.Embedder;
import org.databoost.embedding.Embedders;
import org.databoost.embedding.EmbeddingCache;
import org.databoost.imaging.augment.AugmentOptions;
import org.databoost.imaging.augment.Augmenter;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;
import org.databoost.workspace.NewImage;
import org.databoost.workspace.OperationResult;
import org.databoost.workspace.PredictionRecord;
import org.databoost.workspace.ReadOnlyDatasetException;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data Boosting, round by round: for the validation images the current model gets wrong (highest
 * loss first) a {@link CandidateSource} chooses images (the nearest candidates of a generated and
 * embedded pool of augmentations of the training images, {@link PoolRoundSource}; or the nearest
 * images of a registered corpus with their proposed labels, {@link CorpusRoundSource}); write them
 * into {@code train/<label>/} as one undoable edit; retrain; keep the round only if validation
 * accuracy rose, otherwise undo it and stop.
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

  private final RoundTrainer trainer;

  public BoostService(DatasetScanner scanner) {
    this.trainer = new RoundTrainer(scanner);
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
    try (Embedder embedder = Embedders.byName(o.embedder())) {
      // A corpus that cannot serve (other embedder, changed, vanished) is refused before any work.
      CorpusCandidates fromCorpus =
          corpus == null ? null : CorpusCandidates.open(corpus.corpus(), embedder.name(), progress);
      return boost(ws, o, embedder, fromCorpus, corpus, t0, progress);
    }
  }

  private BoostReport boost(
      Workspace ws,
      BoostOptions o,
      Embedder embedder,
      CorpusCandidates fromCorpus,
      CorpusSource corpus,
      long t0,
      Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    int moved = o.resplit() ? resplit(ws, o.seed(), progress) : 0;
    Optional<State> reusable =
        moved > 0 ? Optional.empty() : BaselineReuse.latestMatching(ws, o.training());
    // One scan per state of the dataset: this one serves the baseline, the pool and round 1.
    DatasetScan scan = trainer.scan(ws, progress);
    State state =
        reusable.isPresent()
            ? reusable.get()
            : trainer.train(ws, scan, o.training(), KIND_BASELINE, Map.of(), progress);
    long baselineRunId = state.runId();
    double valBaseline = accuracy(state, Split.VAL);
    OptionalDouble lbBaseline = optionalAccuracy(state, Split.LABEL_BOOK);
    if (scan.images(Split.TRAIN).isEmpty()) {
      throw new DatasetException("Boost needs training images to augment; train/ is empty.");
    }
    CandidateSource source =
        fromCorpus != null
            ? new CorpusRoundSource(fromCorpus, corpus, o)
            : pool(ws, o, embedder, scan, progress);

    List<RoundReport> rounds = new ArrayList<>();
    String stop = o.rounds() + (o.rounds() == 1 ? " round done" : " rounds done");
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
              .embeddings(embedder, ws.layout().root(), trainVal, progress)
              .vectors();
      List<Retriever.ErrorQuery> errors = errors(state, trainVal, vectors, train.size());
      if (errors.isEmpty()) {
        stop = "no validation errors are left";
        break;
      }
      CandidateSource.Choice choice =
          source.choose(
              new CandidateSource.RoundInput(
                  ws,
                  round,
                  errors,
                  Vectors.of(Arrays.copyOf(vectors, train.size())),
                  train,
                  trainVal,
                  room,
                  new Retriever(o.k(), o.duplicateThreshold(), o.training().threads() + 1),
                  state),
              progress);
      if (choice.stop() != null) {
        stop = choice.stop();
        break;
      }
      Round r = runRound(ws, o, source, round, errors.size(), choice, state, progress);
      if (r.report().gain() <= 0) {
        ws.undo(r.report().opId());
        rounds.add(withKept(r.report(), false));
        stop =
            String.format(
                    Locale.ROOT,
                    "round %d brought no gain (val %.4f -> %.4f), so it was undone",
                    round,
                    r.report().valBefore(),
                    r.report().valAfter())
                + source.undone();
        break;
      }
      rounds.add(r.report());
      source.kept();
      state = r.after();
      scan = r.scan();
    }
    return new BoostReport(
        o,
        baselineRunId,
        reusable.isEmpty(),
        moved,
        valBaseline,
        lbBaseline,
        (int) Math.min(Integer.MAX_VALUE, source.size()),
        source.timings(),
        source.corpusName(),
        source.queued(),
        List.copyOf(rounds),
        stop,
        RoundTrainer.seconds(t0));
  }

  /** The augmentation pool of the training images, generated and embedded. */
  private PoolRoundSource pool(
      Workspace ws, BoostOptions o, Embedder embedder, DatasetScan scan, Progress progress)
      throws IOException {
    Augmenter augmenter = new Augmenter(strength(o.augmentationStrength()));
    List<ImageEntry> sources = scan.images(Split.TRAIN);
    Path root = ws.layout().root();
    CandidatePool pool =
        new PoolGenerator(augmenter, PoolGenerator.defaultGeneratorThreads())
            .generate(root, sources, o.candidates(), o.seed(), embedder, progress);
    LOG.info(
        "Boost pool: {} candidates from {} sources in {} s",
        pool.size(),
        sources.size(),
        String.format(Locale.ROOT, "%.1f", pool.timings().wallSeconds()));
    return new PoolRoundSource(pool, new CandidateRenderer(augmenter), o, root, trainer);
  }

  /** A written and retrained round: its report, the state after it, and the scan it trained on. */
  private record Round(RoundReport report, State after, DatasetScan scan) {}

  /**
   * Writes a round's images as one journaled add and retrains on them; if anything fails or is
   * cancelled after the write, the add is undone before the exception leaves.
   */
  private Round runRound(
      Workspace ws,
      BoostOptions o,
      CandidateSource source,
      int round,
      int errors,
      CandidateSource.Choice choice,
      State state,
      Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    List<NewImage> images = choice.images();
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
                choice.what(),
                choice.picked().errorsServed()),
            progress);
    progress.update(WRITE_STAGE, images.size(), images.size());
    double writeSeconds = RoundTrainer.seconds(w1);
    State after;
    DatasetScan added;
    long tr0 = System.nanoTime();
    try {
      source.added(op.opId());
      added = trainer.scan(ws, progress);
      after =
          trainer.train(
              ws,
              added,
              o.training(),
              KIND_ROUND,
              RoundTrainer.roundParameters(o, round, op.opId(), images.size(), source.parameters()),
              progress);
    } catch (IOException | DatasetException | WorkspaceException | RuntimeException e) {
      // Cancellation included: the dataset must be as it was before the round.
      RoundTrainer.undoAfterFailure(ws, op.opId(), e);
      throw e;
    }
    double trainSeconds = RoundTrainer.seconds(tr0);
    RandomAblation.Result random = choice.random();
    RoundReport report =
        report(
            round,
            errors,
            choice.picked(),
            images.size(),
            op.opId(),
            state,
            after,
            random.val(),
            random.labelBook(),
            random.runId(),
            new RoundReport.StageSeconds(
                choice.retrieveSeconds(),
                choice.renderSeconds(),
                writeSeconds,
                trainSeconds,
                random.seconds()));
    return new Round(report, after, added);
  }

  private static AugmentOptions strength(double strength) {
    AugmentOptions d = AugmentOptions.defaults();
    return strength == d.strength() ? d : new AugmentOptions(strength);
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

  /**
   * Re-splits train and val at random within each label (seeded), keeping each label's share of
   * validation images, as two journaled moves. Returns how many images moved.
   */
  int resplit(Workspace ws, long seed, Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    return Resplit.apply(ws, trainer.scan(ws, progress), seed, progress);
  }
}
