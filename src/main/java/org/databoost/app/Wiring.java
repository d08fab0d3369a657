package org.databoost.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.databoost.app.common.Services;
import org.databoost.app.common.Session;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.app.map.MapViewModel;
import org.databoost.app.summary.DatasetSummaryViewModel;
import org.databoost.boost.BoostOptions;
import org.databoost.boost.BoostReport;
import org.databoost.boost.BoostService;
import org.databoost.boost.CorpusSource;
import org.databoost.corpus.Corpus;
import org.databoost.corpus.CorpusRegistry;
import org.databoost.dataset.DatasetScanner;
import org.databoost.embedding.GlyphEmbedder;
import org.databoost.evaluation.EvaluationService;
import org.databoost.files.DataDirs;
import org.databoost.map.MapService;
import org.databoost.projection.UmapOptions;
import org.databoost.sample.DefaultSample;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.similarity.SimilarityService;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceOptions;

/**
 * The start-up class: builds the core services and the window's view-models by hand, in one place.
 * The app and the window tests both wire through here; tests may hand in other services.
 */
public record Wiring(
    Session session,
    Services services,
    DatasetSummaryViewModel summary,
    ImagesViewModel images,
    MapViewModel map) {

  /** The real services, on the glyph embedder the app ships with. */
  public static Services standardServices() {
    DatasetScanner scanner = new DatasetScanner();
    EvaluationService evaluation = new EvaluationService(scanner);
    BoostService boost = new BoostService(scanner);
    MapService map = new MapService(scanner);
    SimilarityService similarity = new SimilarityService(scanner);
    return new Services(
        new Services.Evaluation() {
          @Override
          public void evaluate(Workspace ws, TrainingConfig config, Progress progress)
              throws Exception {
            evaluation.evaluate(ws, config, progress);
          }

          @Override
          public String flagsOnly(Workspace ws, long seed, Progress progress) throws Exception {
            return evaluation.flagsOnly(ws, seed, progress).message();
          }

          @Override
          public boolean flagsOnOpen() {
            return true;
          }
        },
        new Services.Boosting() {
          @Override
          public BoostReport boost(Workspace ws, BoostOptions options, Progress progress)
              throws Exception {
            return boost.boost(ws, options, progress);
          }

          @Override
          public BoostReport boost(
              Workspace ws, BoostOptions options, CorpusSource corpus, Progress progress)
              throws Exception {
            return boost.boost(ws, options, corpus, progress);
          }

          @Override
          public List<Corpus> corpora() throws IOException {
            // Where `corpus add` registers them.
            return new CorpusRegistry(DataDirs.base().resolve("corpora")).list();
          }
        },
        (ws, progress) -> {
          try (GlyphEmbedder embedder = GlyphEmbedder.load()) {
            return map.compute(ws, embedder, UmapOptions.defaults(), progress);
          }
        },
        (ws, progress) -> {
          try (GlyphEmbedder embedder = GlyphEmbedder.load()) {
            similarity.analyse(
                ws,
                embedder,
                SimilarityService.DEFAULT_THRESHOLD,
                SimilarityService.DEFAULT_K,
                progress);
          }
        });
  }

  /**
   * @param background the one background executor: jobs run on it one at a time
   * @param ui runs results on the FX thread
   * @param sampleDir where the built-in sample dataset is generated
   */
  public static Wiring create(
      Services services,
      WorkspaceOptions options,
      Path sampleDir,
      Executor background,
      Executor ui) {
    Session session = new Session(background, ui, options);
    DatasetSummaryViewModel summary =
        new DatasetSummaryViewModel(
            new DatasetScanner(),
            new DefaultSample(new SampleDatasetGenerator()),
            sampleDir,
            session);
    ImagesViewModel images = new ImagesViewModel(session, services);
    MapViewModel map = new MapViewModel(session, services.mapping());
    return new Wiring(session, services, summary, images, map);
  }
}
