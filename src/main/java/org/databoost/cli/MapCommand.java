package org.databoost.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScanner;
import org.databoost.embedding.Embedder;
import org.databoost.files.AtomicFileWriter;
import org.databoost.map.MapPicture;
import org.databoost.map.MapPoint;
import org.databoost.map.MapService;
import org.databoost.projection.UmapOptions;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The 2-D UMAP map of train and validation embeddings, as a PNG or as CSV coordinates. */
@Command(
    name = "map",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Embed the train and val images (cached by content), project them to 2-D with UMAP and"
            + " write the map: --out map.png draws train and val in two colours with the latest"
            + " run's misclassified val images ringed; --out map.csv writes coordinates.")
final class MapCommand extends WorkspaceCommand {
  @Option(names = "--out", required = true, paramLabel = "FILE", description = ".png or .csv")
  Path out;

  @Mixin EmbedderChoice embedder;

  @Option(names = "--neighbors", defaultValue = "15", description = "UMAP n_neighbors (15).")
  int neighbors;

  @Option(names = "--min-dist", defaultValue = "0.1", description = "UMAP min_dist (0.1).")
  double minDist;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (42).")
  long seed;

  @Override
  int run(Workspace ws) throws WorkspaceException, IOException {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".png") && !name.endsWith(".csv")) {
      throw new IllegalArgumentException("--out must end in .png or .csv: " + out);
    }
    ws.checkExportTarget(out, false);
    UmapOptions options =
        UmapOptions.defaults().withNeighbors(neighbors).withMinDist(minDist).withSeed(seed);
    List<MapPoint> points;
    Embedder opened = embedder.open(spec.commandLine());
    try (Embedder e = opened;
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
      points = new MapService(new DatasetScanner()).compute(ws, e, options, progress);
    } catch (DatasetException e) {
      out().println(e.getMessage());
      return ExitCodes.DATASET_UNUSABLE;
    } catch (Exception e) {
      if (e instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getMessage(), e);
    }
    if (name.endsWith(".png")) {
      String title = "UMAP of " + ws.layout().root().getFileName() + " (" + embedder.name + ")";
      AtomicFileWriter.write(
          out, o -> MapPicture.writePng(MapPicture.draw(points, 1200, 900, title), o));
    } else {
      AtomicFileWriter.write(
          out,
          o -> {
            OutputStreamWriter w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
            MapPicture.writeCsv(points, w);
          });
    }
    out().printf("Wrote %s (%d points).%n", out.toAbsolutePath().normalize(), points.size());
    return ExitCodes.OK;
  }
}
