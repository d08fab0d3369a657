package org.databoost.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.databoost.projection.bench.UmapBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** UMAP time and quality at several sizes, next to umap-learn on the anchors' data. */
@Command(
    name = "umap",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Project the anchors' d=256 data to 2-D at each size, score every map with the anchors'"
          + " quality.py (trustworthiness@10, kNN preservation, coverage) and run umap-learn on"
          + " the same data in the same run.",
      "Needs ../shared/reference/anchors and its data (/usr/bin/python3 gen_data.py --d 256"
          + " --sizes 3000,10000,100000) and Debian's umap-learn."
    })
final class BenchUmapCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--sizes", split = ",", description = "Sizes (default: 3000,10000,100000).")
  List<Integer> sizes;

  @Option(
      names = "--umap-learn-sizes",
      split = ",",
      description = "Sizes umap-learn also runs at (default: 3000,10000).")
  List<Integer> umapLearnSizes;

  @Option(
      names = "--no-umap-learn",
      description =
          "Do not run umap-learn (it costs minutes); quote the anchors' snapshot instead, marked"
              + " as such.")
  boolean noUmapLearn;

  @Option(names = "--threads", description = "Threads (default: all cores).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    UmapBenchmark.Options d = UmapBenchmark.Options.defaults();
    UmapBenchmark.Options o =
        new UmapBenchmark.Options(
            d.anchorsDir(),
            d.dataDir(),
            d.outDir(),
            sizes == null ? d.sizes() : sizes,
            noUmapLearn ? List.of() : umapLearnSizes == null ? d.umapLearnSizes() : umapLearnSizes,
            threads == null ? d.threads() : threads,
            d.python(),
            d.seed());
    PrintStream out = WriterStreams.of(spec.commandLine().getOut());
    UmapBenchmark.run(o, out);
    out.flush();
    return ExitCodes.OK;
  }
}
