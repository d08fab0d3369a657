package org.databoost.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.Split;
import org.databoost.embedding.Embedder;
import org.databoost.similarity.SimilarityReport;
import org.databoost.similarity.SimilarityService;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Near-duplicate groups and the most unusual images, in embedding space (glyph by default). */
@Command(
    name = "duplicates",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Group near-duplicate train and val images (byte-identical, or embeddings at or above a"
            + " cosine threshold and clearly closer to each other than to any other image) and list the most unusual images of each split (mean cosine"
            + " distance to their nearest neighbours in the split); keeps both in the catalog.")
final class DuplicatesCommand extends WorkspaceCommand {
  @Option(
      names = "--threshold",
      defaultValue = "" + SimilarityService.DEFAULT_THRESHOLD,
      description =
          "Cosine similarity for near-duplicates (default: ${DEFAULT-VALUE}, tuned for the glyph"
              + " embedder; check it for another --embedder).")
  double threshold;

  @Option(
      names = "--k",
      defaultValue = "10",
      description = "Neighbours (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--top", defaultValue = "10", description = "Outliers listed per split (10).")
  int top;

  @Mixin EmbedderChoice embedder;

  @Override
  int run(Workspace ws) throws WorkspaceException, IOException {
    SimilarityReport report;
    Embedder opened = embedder.open(spec.commandLine());
    try (Embedder e = opened;
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
      report = new SimilarityService(new DatasetScanner()).analyse(ws, e, threshold, k, progress);
    } catch (DatasetException e) {
      out().println(e.getMessage());
      return ExitCodes.DATASET_UNUSABLE;
    }
    Map<Integer, List<SimilarityReport.Image>> groups = new TreeMap<>();
    for (SimilarityReport.Image i : report.images()) {
      if (i.group() >= 0) {
        groups.computeIfAbsent(i.group(), g -> new ArrayList<>()).add(i);
      }
    }
    out()
        .printf(
            Locale.ROOT,
            "%d near-duplicate groups (%s, cosine >= %.3f and %.2f above any other drawing,"
                + " byte-identical files included):%n",
            groups.size(),
            report.embedder(),
            report.threshold(),
            SimilarityService.DEFAULT_GAP);
    groups.forEach(
        (g, members) -> {
          boolean crossesSplits =
              members.stream().map(SimilarityReport.Image::split).distinct().count() > 1;
          out().printf("  group %d%s:%n", g + 1, crossesSplits ? " (train and val: leakage)" : "");
          members.forEach(m -> out().println("    " + m.path()));
        });
    for (Split split : List.of(Split.TRAIN, Split.VAL)) {
      out().printf("Most unusual %s images (mean cosine distance to %d nearest):%n", split, k);
      report.images().stream()
          .filter(i -> i.split() == split && !Double.isNaN(i.outlier()))
          .sorted(Comparator.comparingDouble(SimilarityReport.Image::outlier).reversed())
          .limit(top)
          .forEach(i -> out().printf(Locale.ROOT, "  %.3f  %s%n", i.outlier(), i.path()));
    }
    return ExitCodes.OK;
  }
}
