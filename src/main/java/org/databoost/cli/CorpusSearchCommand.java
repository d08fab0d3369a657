package org.databoost.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.databoost.corpus.Corpus;
import org.databoost.corpus.CorpusCheck;
import org.databoost.corpus.CorpusSearch;
import org.databoost.corpus.ManifestRow;
import org.databoost.corpus.ShardStore;
import org.databoost.dataset.FileNames;
import org.databoost.embedding.Embedder;
import org.databoost.neighbors.ExactSearch;
import org.databoost.neighbors.HnswIndex;
import org.databoost.neighbors.Neighbors;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Nearest corpus images to query images: exact streamed search, optionally HNSW with recall. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "The k corpus images nearest to each query image (cosine on the corpus's embeddings):"
          + " exact search streamed over the memory-mapped shards. --hnsw also builds the HNSW"
          + " index over the corpus and reports its recall@k against the exact answer and the"
          + " queries/s of both. Each hit is checked against its content hash.",
    })
final class CorpusSearchCommand extends CorpusSubcommand {
  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(
      names = "--query",
      paramLabel = "FILE|DIR",
      description = "Query images (a folder: its images, recursively).")
  List<Path> query = new ArrayList<>();

  @Option(
      names = "--sample-queries",
      paramLabel = "N",
      description = "Use N random embedded corpus rows as queries (seeded by --seed).")
  int sample;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(names = "--k", defaultValue = "10")
  int k;

  @Option(names = "--hnsw", description = "Also build the HNSW index and compare it.")
  boolean hnsw;

  @Option(names = "--ef", defaultValue = "64", description = "HNSW search beam width.")
  int ef;

  @Option(names = "--show", defaultValue = "3", description = "Queries whose hits are printed.")
  int show;

  @Mixin EmbedderChoice embedder;

  @Override
  public Integer call() throws IOException {
    embedder.check(spec.commandLine());
    Corpus c = CorpusCommand.registry().get(name);
    PrintWriter out = out();
    Vectors queries;
    List<String> names = new ArrayList<>();
    ShardStore store;
    try (Embedder e = embedder.open(spec.commandLine())) {
      store = ShardStore.read(c, e.name());
      if (sample > 0) {
        queries = sampleRows(store, sample, seed, names);
      } else {
        List<Path> files = files(query);
        if (files.isEmpty()) {
          throw new IllegalArgumentException("give --query FILE|DIR or --sample-queries N");
        }
        queries = Vectors.of(e.embed(files, Progress.NONE));
        files.forEach(f -> names.add(f.toString()));
      }
    }
    CorpusSearch search = new CorpusSearch(store, ExactSearch.create());
    long t0 = System.nanoTime();
    Neighbors exact = search.exact(queries, k, Progress.NONE);
    double exactS = (System.nanoTime() - t0) / 1e9;
    out.printf(
        Locale.ROOT,
        "Exact search over %,d rows (%d shards): %d queries in %.2f s (%.1f queries/s).%n",
        c.rows(),
        store.shards(),
        queries.rows(),
        exactS,
        queries.rows() / exactS);
    for (int q = 0; q < Math.min(show, queries.rows()); q++) {
      out.println("query " + names.get(q) + ":");
      for (int j = 0; j < exact.k(); j++) {
        int id = exact.id(q, j);
        if (id < 0) {
          break;
        }
        ManifestRow r = store.row(id);
        String check = CorpusCheck.compare(c.source(), r);
        out.printf(
            Locale.ROOT,
            "  %2d  %.4f  %s%s%s%n",
            j + 1,
            exact.similarity(q, j),
            r.path(),
            r.label().isEmpty() ? "" : "  [" + r.label() + "]",
            check == null ? "" : "  (" + check + ")");
      }
    }
    if (hnsw) {
      CorpusSearch.Index index =
          search.buildIndex(HnswIndex.Settings.defaults().withEf(ef), Progress.NONE);
      long t1 = System.nanoTime();
      Neighbors approx = index.search(queries, k, Progress.NONE);
      double s = (System.nanoTime() - t1) / 1e9;
      out.printf(
          Locale.ROOT,
          "HNSW (M 16, efConstruction 200, ef %d): built in %.1f s; %d queries in %.3f s (%.1f"
              + " queries/s); recall@%d against exact %.4f.%n",
          ef,
          index.buildNanos() / 1e9,
          queries.rows(),
          s,
          queries.rows() / s,
          k,
          approx.recall(exact.idMatrix(), Math.min(k, exact.k())));
    }
    return ExitCodes.OK;
  }

  static Vectors sampleRows(ShardStore store, int n, long seed, List<String> names)
      throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    long rows = store.corpus().rows();
    float[] data = new float[n * store.dim()];
    int got = 0;
    for (int tries = 0; got < n && tries < 100 * n; tries++) {
      long id = rnd.nextLong(rows);
      int shard = (int) (id / store.corpus().shardRows());
      Vectors v = store.vectors(shard);
      float[] row = v.row((int) (id % store.corpus().shardRows()));
      if (!Float.isNaN(row[0])) {
        System.arraycopy(row, 0, data, got * store.dim(), store.dim());
        names.add("row " + id);
        got++;
      }
    }
    return Vectors.wrap(java.util.Arrays.copyOf(data, got * store.dim()), got, store.dim());
  }

  private static List<Path> files(List<Path> inputs) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(Files::isRegularFile)
              .filter(f -> FileNames.hasImageExtension(f.getFileName().toString()))
              .sorted()
              .forEach(out::add);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }
}
