package org.databoost.corpus.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.databoost.bench.MachineLoad;
import org.databoost.corpus.Corpus;
import org.databoost.corpus.CorpusEmbedding;
import org.databoost.corpus.CorpusRegistry;
import org.databoost.corpus.DiskSpace;
import org.databoost.embedding.Embedder;
import org.databoost.task.Progress;

/**
 * In-process corpus embedding speed: a fresh corpus over a folder of images in a scratch registry,
 * embedded from scratch (listing, hashing, decoding, the network, the shard files), images/s.
 */
public final class EmbeddingThroughput {
  private EmbeddingThroughput() {}

  public static void run(Path registryRoot, Path images, Embedder embedder, PrintStream out)
      throws IOException {
    CorpusRegistry registry = new CorpusRegistry(registryRoot);
    String name = "bench-in-process";
    if (registry.list().stream().anyMatch(c -> c.name().equals(name))) {
      registry.remove(name);
    }
    MachineLoad load = MachineLoad.start();
    Corpus c =
        registry.add(
            name,
            images,
            CorpusRegistry.Labels.parse("auto"),
            CorpusRegistry.DEFAULT_SHARD_ROWS,
            Progress.NONE);
    CorpusEmbedding.Outcome o =
        new CorpusEmbedding(DiskSpace.REAL).run(c, embedder, false, Progress.NONE);
    MachineLoad.Interval iv = load.stop();
    out.printf(
        Locale.ROOT,
        "In-process embedding (%s, %d cores): %,d images (%,d failed) listed, hashed, decoded,"
            + " embedded and written in %.1f s: %.1f images/s, %.1f images/s per core used;"
            + " own %.2f cores, others %.2f cores, load %s%n",
        embedder.name(),
        Runtime.getRuntime().availableProcessors(),
        c.rows(),
        o.rowsFailed(),
        iv.wallS(),
        c.rows() / iv.wallS(),
        c.rows() / iv.cpuS(),
        iv.ownCores(),
        iv.otherCores(),
        iv.loadAvg());
  }
}
