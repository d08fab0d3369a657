package org.databoost.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.databoost.corpus.bench.CorpusBenchmark;
import org.databoost.corpus.bench.EmbeddingThroughput;
import org.databoost.embedding.Embedder;
import org.databoost.files.DataDirs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Corpus-scale speed: in-process embedding, and retrieval over 1M-10M vectors. */
@Command(
    name = "corpus",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "With --images DIR: in-process corpus embedding images/s (a scratch corpus in --work)."
          + " Then retrieval over synthetic clustered unit vectors stored in the corpus shard"
          + " format under --work: exact search streamed over the mapped shards at each --rows,"
          + " and HNSW over the first --hnsw-rows rows with recall@k against exact; queries/s,"
          + " peak heap and peak resident memory, and the machine's other load.",
      "The Spark local[2] figure comes from the Spark job on the same images (docs/scale.md)."
    })
final class BenchCorpusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--work", description = "Scratch folder (default: user data/bench-corpus).")
  Path work;

  @Option(names = "--images", description = "A folder of images to embed in-process.")
  Path images;

  @Option(names = "--rows", split = ",", defaultValue = "1000000")
  List<Long> rows;

  @Option(names = "--dim", defaultValue = "128")
  int dim;

  @Option(names = "--queries", defaultValue = "200")
  int queries;

  @Option(names = "--k", defaultValue = "10")
  int k;

  @Option(names = "--hnsw-rows", defaultValue = "100000", description = "0 for no HNSW.")
  long hnswRows;

  @Option(
      names = "--ef",
      split = ",",
      defaultValue = "64",
      description = "HNSW search beam widths, comma-separated; the first is the build's.")
  List<Integer> efs;

  @Option(
      names = "--ef-construction",
      defaultValue = "200",
      description = "HNSW build beam width (${DEFAULT-VALUE}; lower builds faster, finds less).")
  int efConstruction;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Mixin EmbedderChoice embedder;

  @Override
  public Integer call() throws Exception {
    Path w = work == null ? DataDirs.base().resolve("bench-corpus") : work;
    PrintStream out = WriterStreams.of(spec.commandLine().getOut());
    if (images != null) {
      try (Embedder e = embedder.open(spec.commandLine())) {
        EmbeddingThroughput.run(w.resolve("registry"), images, e, out);
      }
    }
    if (!rows.isEmpty() && rows.get(0) > 0) {
      CorpusBenchmark.run(
          new CorpusBenchmark.Options(
              w, rows, dim, queries, k, hnswRows, efs, efConstruction, seed),
          out);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
