package org.databoost.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.databoost.corpus.Corpus;
import org.databoost.corpus.CorpusEmbedding;
import org.databoost.corpus.CorpusException;
import org.databoost.corpus.CorpusRegistry;
import org.databoost.corpus.DiskSpace;
import org.databoost.corpus.ManifestRow;
import org.databoost.corpus.ShardStore;
import org.databoost.corpus.VectorImport;
import org.databoost.dataset.Problem;
import org.databoost.dataset.ProblemKind;
import org.databoost.embedding.Embedder;
import org.databoost.files.DataDirs;
import org.databoost.sample.NumeralCorpusGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Candidate corpora: large image collections embedded once into a sharded store. */
@Command(
    name = "corpus",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Candidate corpora: folders of images (millions) embedded once per embedder into sharded"
            + " float32 .npy files with CSV manifests in the user data folder (docs/scale.md).",
    subcommands = {
      CorpusCommand.Add.class,
      CorpusCommand.ListCorpora.class,
      CorpusCommand.Info.class,
      CorpusCommand.Remove.class,
      CorpusCommand.Generate.class,
      CorpusSearchCommand.class
    })
final class CorpusCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static CorpusRegistry registry() {
    return new CorpusRegistry(DataDirs.base().resolve("corpora"));
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = {
        "Register a folder tree of images as a corpus, list it once (the fixed row order) and"
            + " embed it shard by shard. Running it again goes on where an interrupted run"
            + " stopped. Unreadable and corrupt files are reported and left out (a NaN row);"
            + " images that changed or vanished since they were embedded are found by content"
            + " hash and refused unless --refresh. With --vectors and --vector-paths the images'"
            + " precomputed embeddings are registered instead of embedding them.",
      })
  static final class Add extends CorpusSubcommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Letters, digits, '.', '_', '-'.")
    String name;

    @Parameters(index = "1", paramLabel = "PATH", description = "The folder of images.")
    Path source;

    @Option(
        names = "--labels",
        defaultValue = "auto",
        paramLabel = "auto|folders|none|FILE.csv",
        description =
            "folders: the first-level folder is the label; FILE.csv: path,label rows (paths"
                + " relative to PATH); auto (default): folders when every image lies in one.")
    String labels;

    @Option(
        names = "--shard-rows",
        defaultValue = "" + CorpusRegistry.DEFAULT_SHARD_ROWS,
        description = "Images per shard (default: ${DEFAULT-VALUE}).")
    int shardRows;

    @Option(names = "--list-only", description = "Register and list; embed later.")
    boolean listOnly;

    @Option(names = "--refresh", description = "Embed again the shards whose images changed.")
    boolean refresh;

    @Option(
        names = "--vectors",
        paramLabel = "FILE.npy",
        description =
            "A table of precomputed embeddings (float32 .npy, one row per image) to register"
                + " instead of embedding; --embedder names the model that made them (queries are"
                + " embedded with it). Needs --vector-paths.")
    Path vectors;

    @Option(
        names = "--vector-paths",
        paramLabel = "FILE",
        description =
            "The images of the --vectors rows, one path (relative to PATH) per line in row order.")
    Path vectorPaths;

    @Mixin EmbedderChoice embedder;

    @Override
    public Integer call() throws IOException {
      embedder.check(spec.commandLine());
      if ((vectors == null) != (vectorPaths == null)) {
        throw new CorpusException("--vectors and --vector-paths go together");
      }
      PrintWriter out = out();
      try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
        Corpus c =
            registry().add(name, source, CorpusRegistry.Labels.parse(labels), shardRows, progress);
        progress.close();
        out.printf(
            Locale.ROOT,
            "Corpus '%s': %,d images in %d shards of %,d, labels: %s%s.%n",
            c.name(),
            c.rows(),
            c.shards(),
            c.shardRows(),
            c.labels(),
            c.ignored() > 0 ? ", " + c.ignored() + " other files ignored" : "");
        if (listOnly) {
          return ExitCodes.OK;
        }
        if (vectors != null) {
          try (Embedder e = embedder.open(spec.commandLine())) {
            VectorImport.Outcome o =
                VectorImport.run(
                    c, e.name(), e.dimension(), vectors, vectorPaths, DiskSpace.REAL, progress);
            progress.close();
            out.printf(
                Locale.ROOT,
                "%s: %d shards written now from %s, %,d images with a vector, %,d without one,"
                    + " %,d table rows not in the corpus.%nStore: %s%n",
                e.name(),
                o.shardsWritten(),
                vectors.getFileName(),
                o.rowsImported(),
                o.rowsMissing(),
                o.unused(),
                o.store().dir());
          }
          return ExitCodes.OK;
        }
        try (Embedder e = embedder.open(spec.commandLine())) {
          CorpusEmbedding.Outcome o =
              new CorpusEmbedding(DiskSpace.REAL).run(c, e, refresh, progress);
          progress.close();
          printOutcome(out, o, e.name());
        }
      }
      return ExitCodes.OK;
    }

    private static void printOutcome(PrintWriter out, CorpusEmbedding.Outcome o, String name)
        throws IOException {
      double s = o.nanos() / 1e9;
      out.printf(
          Locale.ROOT,
          "%s: %d shards written now (%d were done before), %,d images embedded, %,d failed, in"
              + " %.1f s (%.1f images/s).%n",
          name,
          o.shardsWritten(),
          o.shardsBefore(),
          o.rowsEmbedded(),
          o.rowsFailed(),
          s,
          (o.rowsEmbedded() + o.rowsFailed()) / Math.max(s, 1e-9));
      printProblems(out, o.problems());
      out.printf("Store: %s%n", o.store().dir());
    }
  }

  /**
   * The problem kind of a manifest row's status: a decode or read failure's kind, or "files
   * ignored" for a status of another origin (an image without a row in an imported table).
   */
  static ProblemKind kindOf(String status) {
    try {
      return ProblemKind.valueOf(status);
    } catch (IllegalArgumentException e) {
      return ProblemKind.IGNORED_FILE;
    }
  }

  /** The problems grouped by kind, as the dataset scan's report does. */
  static void printProblems(PrintWriter out, List<Problem> problems) {
    Map<ProblemKind, List<Problem>> byKind = new EnumMap<>(ProblemKind.class);
    for (Problem p : problems) {
      byKind.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p);
    }
    for (Map.Entry<ProblemKind, List<Problem>> g : byKind.entrySet()) {
      out.printf("%n%s: %s (%d)%n", g.getKey().severity(), g.getKey().title(), g.getValue().size());
      for (Problem p : g.getValue()) {
        out.println("  " + p.displayPath() + ": " + p.message());
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Every registered corpus: name, images, embedders, folder.")
  static final class ListCorpora extends CorpusSubcommand {
    @Override
    public Integer call() throws IOException {
      List<Corpus> all = registry().list();
      if (all.isEmpty()) {
        out().println("No corpus registered (corpus add NAME PATH).");
      }
      for (Corpus c : all) {
        out()
            .printf(
                Locale.ROOT,
                "%s  %,d images  %s  embedded by %s  %s%n",
                c.name(),
                c.rows(),
                c.labelsText(),
                embedders(c),
                c.source());
      }
      return ExitCodes.OK;
    }
  }

  static String embedders(Corpus c) throws IOException {
    List<String> parts = new ArrayList<>();
    for (String e : ShardStore.embedders(c)) {
      ShardStore s = ShardStore.read(c, e);
      parts.add(e + (s.complete() ? "" : " (" + s.doneCount() + "/" + s.shards() + " shards)"));
    }
    return parts.isEmpty() ? "nothing yet" : String.join(", ", parts);
  }

  @Command(
      name = "info",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description =
          "One corpus: its folder, labels, shards per embedder, size on disk, and the images that"
              + " could not be embedded.")
  static final class Info extends CorpusSubcommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() throws IOException {
      Corpus c = registry().get(name);
      PrintWriter out = out();
      out.printf(
          Locale.ROOT,
          "Corpus '%s'%n  folder: %s%n  images: %,d (%d other files ignored)%n  labels: %s%n"
              + "  shards: %d of %,d rows%n  registered: %s%n  data: %s%n",
          c.name(),
          c.source(),
          c.rows(),
          c.ignored(),
          c.labels(),
          c.shards(),
          c.shardRows(),
          c.created(),
          c.dir());
      for (String e : ShardStore.embedders(c)) {
        ShardStore s = ShardStore.read(c, e);
        List<Problem> problems = new ArrayList<>();
        long ok = 0;
        for (int i = 0; i < s.shards(); i++) {
          if (!s.isDone(i)) {
            continue;
          }
          for (ManifestRow r : s.manifestRows(i)) {
            if (r.ok()) {
              ok++;
            } else {
              problems.add(Problem.of(kindOf(r.status()), Path.of(r.path()), r.problem()));
            }
          }
        }
        out.printf(
            Locale.ROOT,
            "  %s (%d-d): %d of %d shards, %,d images embedded, %,d failed, %s on disk%s%n",
            e,
            s.dim(),
            s.doneCount(),
            s.shards(),
            ok,
            problems.size(),
            DiskSpace.human(s.bytesOnDisk()),
            s.complete() ? "" : " (unfinished: corpus add " + c.name() + " " + c.source() + ")");
        printProblems(out, problems);
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Forget a corpus: delete its listing and embeddings (never its images).")
  static final class Remove extends CorpusSubcommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() throws IOException {
      Corpus c = registry().remove(name);
      out().printf("Removed corpus '%s' (its images in %s are untouched).%n", c.name(), c.source());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description =
          "Write an offline candidate corpus: COUNT handwritten Roman numerals drawn by the"
              + " sample generator's pen model, a random hand per image, as OUT/<label>/<index>.png"
              + " (labels in turn). Image i depends only on the seed and i; running it again"
              + " writes only the missing files.")
  static final class Generate extends CorpusSubcommand {
    @Parameters(index = "0", paramLabel = "OUT")
    Path outDir;

    @Option(names = "--count", defaultValue = "1000000")
    long count;

    @Option(names = "--seed", defaultValue = "2021")
    long seed;

    @Option(names = "--min-size", defaultValue = "32")
    int minSize;

    @Option(names = "--max-size", defaultValue = "64")
    int maxSize;

    @Option(names = "--threads", description = "Drawing threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
      int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
      long t0 = System.nanoTime();
      long written;
      try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
        written =
            new NumeralCorpusGenerator(minSize, maxSize).generate(outDir, count, seed, t, progress);
      }
      double s = (System.nanoTime() - t0) / 1e9;
      out()
          .printf(
              Locale.ROOT,
              "%s: %,d images (%,d written now, %,d were there) in %.1f s (%.0f images/s on %d"
                  + " threads).%n",
              outDir,
              count,
              written,
              count - written,
              s,
              written / Math.max(s, 1e-9),
              t);
      return ExitCodes.OK;
    }
  }
}
