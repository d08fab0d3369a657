package org.databoost.boost.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.databoost.bench.MachineLoad;
import org.databoost.boost.CandidatePool;
import org.databoost.boost.CandidateRenderer;
import org.databoost.boost.PoolGenerator;
import org.databoost.boost.Retriever;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.embedding.Embedder;
import org.databoost.embedding.Embedders;
import org.databoost.imaging.augment.AugmentOptions;
import org.databoost.imaging.augment.Augmenter;
import org.databoost.imaging.augment.InkImage;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;

/**
 * The Boost pipeline's stages on a real dataset, for pool sizes such as 100,000 and 1,000,000:
 * generation alone, generation + embedding (streamed, as Boost does it), retrieval of the k nearest
 * candidates for every validation image, and rendering chosen candidates at file resolution. Reads
 * the dataset, writes nothing.
 */
public final class PoolBenchmark {
  private PoolBenchmark() {}

  public static void run(
      Path root,
      List<Integer> sizes,
      String embedderName,
      int k,
      int generatorThreads,
      PrintStream out)
      throws Exception {
    DatasetScan scan = new DatasetScanner().scan(root, Progress.NONE);
    if (!scan.isUsable()
        || scan.images(Split.TRAIN).isEmpty()
        || scan.images(Split.VAL).isEmpty()) {
      throw new DatasetException(
          "the benchmark needs a usable dataset with train/ and val/ images");
    }
    List<ImageEntry> sources = scan.images(Split.TRAIN);
    List<ImageEntry> val = scan.images(Split.VAL);
    Augmenter augmenter = new Augmenter(AugmentOptions.defaults());
    PoolGenerator generator = new PoolGenerator(augmenter, generatorThreads);
    out.printf(
        Locale.ROOT,
        "Boost pool benchmark: %s, %d train sources, %d val queries, embedder %s, %s, %d generator"
            + " threads, %d cores, load average %s%n",
        root,
        sources.size(),
        val.size(),
        embedderName,
        Augmenter.VERSION,
        generatorThreads,
        Runtime.getRuntime().availableProcessors(),
        MachineLoad.loadAverage());
    try (Embedder embedder = Embedders.byName(embedderName)) {
      List<Path> valFiles = new ArrayList<>();
      for (ImageEntry e : val) {
        valFiles.add(root.resolve(e.relativePath()));
      }
      float[][] queries = embedder.embed(valFiles, Progress.NONE);
      MachineLoad l0 = MachineLoad.start();
      List<InkImage> planes = generator.loadSources(root, sources, Progress.NONE);
      MachineLoad.Interval load = l0.stop();
      out.printf(
          Locale.ROOT,
          "load %d sources at %d px: %.1f s%n",
          sources.size(),
          CandidatePool.POOL_SIDE,
          load.wallS());
      out.printf(
          "%10s %12s %12s %14s %14s %11s %12s %12s %10s%n",
          "candidates",
          "gen s",
          "gen cand/s",
          "gen+embed s",
          "gen+emb c/s",
          "embed s",
          "retrieve s",
          "render 1K s",
          "other cores");
      for (int n : sizes) {
        MachineLoad g0 = MachineLoad.start();
        generator.generateOnly(planes, n, 1, Progress.NONE);
        MachineLoad.Interval gen = g0.stop();
        MachineLoad p0 = MachineLoad.start();
        CandidatePool pool = generator.generate(root, sources, n, 1, embedder, Progress.NONE);
        MachineLoad.Interval both = p0.stop();
        double embedS = pool.timings().embedSeconds();
        List<Retriever.ErrorQuery> errors = new ArrayList<>();
        for (int i = 0; i < queries.length; i++) {
          errors.add(
              new Retriever.ErrorQuery(
                  val.get(i).displayPath(), 0, 1, queries.length - i, queries[i]));
        }
        long r0 = System.nanoTime();
        Retriever.Result picked =
            new Retriever(k, 0.99f, Runtime.getRuntime().availableProcessors())
                .retrieve(
                    pool,
                    errors,
                    Vectors.of(new float[][] {queries[0]}),
                    new BitSet(),
                    Integer.MAX_VALUE,
                    Progress.NONE);
        double retrieveS = (System.nanoTime() - r0) / 1e9;
        List<Integer> ids =
            picked.picks().stream().limit(1000).map(Retriever.Pick::candidate).toList();
        long w0 = System.nanoTime();
        new CandidateRenderer(augmenter).render(root, pool, ids, Progress.NONE);
        double renderS = (System.nanoTime() - w0) / 1e9 * 1000.0 / Math.max(1, ids.size());
        out.printf(
            Locale.ROOT,
            "%,10d %12.1f %12.0f %14.1f %14.0f %11.1f %12.2f %12.2f %10.2f%n",
            n,
            gen.wallS(),
            n / gen.wallS(),
            both.wallS() - pool.timings().loadSeconds(),
            n / (both.wallS() - pool.timings().loadSeconds()),
            embedS,
            retrieveS,
            renderS,
            both.otherCores());
      }
    }
    out.println(
        "gen: augmentation alone on all generator threads; gen+embed: candidates generated and"
            + " embedded in a stream (after the sources are loaded), as Boost does; embed s: time the"
            + " model ran; retrieve: k nearest for every val image plus de-duplication; render:"
            + " 1,000 chosen candidates at file resolution, PNG encoded; other cores: other"
            + " processes' use of the machine during gen+embed.");
  }
}
