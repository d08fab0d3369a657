package org.databoost.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScan;
import org.databoost.embedding.DatasetEmbeddings;
import org.databoost.embedding.Embedder;
import org.databoost.embedding.EmbeddingExport;
import org.databoost.embedding.EmbeddingStore;
import org.databoost.files.AtomicFileWriter;
import org.databoost.workspace.UsableImages;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The embeddings of every image of a dataset, into the workspace cache and optionally a file. */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Compute the embeddings of every usable image of the dataset (all splits), or take them"
            + " from the workspace's embedding cache (kept per image content and embedder, so"
            + " map, duplicates and later runs reuse them); print how many were computed and how"
            + " fast. --out FILE.npy writes the matrix (float32, a row per image) and"
            + " FILE.paths.csv (path, split, label of each row); --out FILE.csv writes both in one"
            + " file.")
final class EmbedCommand extends WorkspaceCommand {
  @Mixin EmbedderChoice embedder;

  @Option(names = "--out", paramLabel = "FILE", description = ".npy or .csv (optional)")
  Path out;

  @Override
  int run(Workspace ws) throws WorkspaceException, IOException {
    String format = out == null ? "" : extension(out);
    if (out != null && !format.equals("npy") && !format.equals("csv")) {
      throw new IllegalArgumentException("--out must end in .npy or .csv: " + out);
    }
    if (out != null) {
      ws.checkExportTarget(out, false);
    }
    embedder.check(spec.commandLine());
    DatasetEmbeddings result;
    long loadNanos;
    long scanNanos;
    long embedNanos;
    String name;
    int dimension;
    long t0 = System.nanoTime();
    try (Embedder e = embedder.open(spec.commandLine());
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
      long t1 = System.nanoTime();
      DatasetScan scan;
      try {
        scan = UsableImages.scan(ws, progress);
      } catch (DatasetException unusable) {
        progress.close();
        out().println(unusable.getMessage());
        return ExitCodes.DATASET_UNUSABLE;
      }
      long t2 = System.nanoTime();
      result = DatasetEmbeddings.of(scan, ws.stateDir(), e, progress);
      embedNanos = System.nanoTime() - t2;
      loadNanos = t1 - t0;
      scanNanos = t2 - t1;
      name = e.name();
      dimension = e.dimension();
    }
    int n = result.images().size();
    out()
        .printf(
            Locale.ROOT,
            "%s (%d-d) for %d images (%d distinct): %d computed, %d from the cache.%n",
            name,
            dimension,
            n,
            result.distinct(),
            result.computed(),
            result.cached());
    out()
        .printf(
            Locale.ROOT,
            "Time: model load %.1f s, scan %.1f s, embeddings %.1f s (%.1f images/s).%n",
            loadNanos / 1e9,
            scanNanos / 1e9,
            embedNanos / 1e9,
            n / (embedNanos / 1e9));
    out()
        .printf(
            "Cache: %s%s%n",
            EmbeddingStore.folder(ws.stateDir(), name),
            ws.isReadOnly() ? " (in the user data folder: the dataset is read-only)" : "");
    if (out != null) {
      write(result, dimension, format);
    }
    return ExitCodes.OK;
  }

  private void write(DatasetEmbeddings result, int dimension, String format) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    int n = result.images().size();
    if (format.equals("csv")) {
      AtomicFileWriter.write(
          target,
          o ->
              EmbeddingExport.writeCsv(
                  result.images(),
                  result.vectors(),
                  dimension,
                  new OutputStreamWriter(o, StandardCharsets.UTF_8)));
      out().printf("Wrote %s (%d rows: path, split, label, %d values).%n", target, n, dimension);
      return;
    }
    Path rows = pathsFile(target);
    AtomicFileWriter.write(target, o -> EmbeddingExport.writeNpy(result.vectors(), dimension, o));
    AtomicFileWriter.write(
        rows,
        o ->
            EmbeddingExport.writeRows(
                result.images(), new OutputStreamWriter(o, StandardCharsets.UTF_8)));
    out()
        .printf(
            "Wrote %s (%d x %d float32) and %s (its rows' images).%n", target, n, dimension, rows);
  }

  /** {@code emb.npy} -> {@code emb.paths.csv}, beside it. */
  static Path pathsFile(Path npy) {
    String file = npy.getFileName().toString();
    return npy.resolveSibling(file.substring(0, file.length() - ".npy".length()) + ".paths.csv");
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1);
  }
}
