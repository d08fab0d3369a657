package org.databoost.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.databoost.neighbors.bench.KnnBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Exact and HNSW k-NN speed and recall, next to faiss on the anchors' data. */
@Command(
    name = "knn",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Exact cosine k-NN (k=10, 1,000 queries, d=256) with the Vector API at each size, the HNSW"
          + " index's build time, speed and recall@10 per ef, and faiss IndexFlatIP on the same"
          + " data in the same run (../shared/reference/anchors, Debian python3-faiss).",
      "The data comes from the anchors' generator: ONLY=gen bash"
          + " ../shared/reference/anchors/run_all.sh medium (full for 1M)."
    })
final class BenchKnnCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--sizes", split = ",", description = "Base sizes (default: 100000,1000000).")
  List<Integer> sizes;

  @Option(names = "--hnsw-n", description = "HNSW size, 0 for none (default: 100000).")
  Integer hnsw;

  @Option(names = "--ef", split = ",", description = "HNSW ef values (default: 16,32,64,128,256).")
  List<Integer> efs;

  @Option(names = "--threads", description = "Threads (default: all cores).")
  Integer threads;

  @Option(names = "--runs", description = "Timed runs, the best counts (default: 3).")
  Integer runs;

  @Option(names = "--anchors", description = "The anchors' harness folder (generator command).")
  Path anchors;

  @Option(names = "--json", description = "Also append each figure as a line to this .jsonl.")
  Path json;

  @Option(names = "--data", description = "The anchors' data folder.")
  Path data;

  @Option(names = "--faiss-results", description = "Read faiss figures from this .jsonl.")
  Path faissResults;

  @Option(names = "--no-faiss", description = "Do not run faiss.")
  boolean noFaiss;

  @Override
  public Integer call() throws Exception {
    KnnBenchmark.Options d = KnnBenchmark.Options.defaults();
    KnnBenchmark.Options o =
        new KnnBenchmark.Options(
            data == null ? d.dataDir() : data,
            d.dim(),
            sizes == null ? d.sizes() : sizes,
            d.k(),
            d.warmup(),
            runs == null ? d.runs() : runs,
            threads == null ? d.threads() : threads,
            anchors == null ? d.anchors() : anchors,
            faissResults,
            !noFaiss,
            hnsw == null ? d.hnswSize() : hnsw,
            efs == null ? d.efs() : efs,
            json);
    PrintStream out = WriterStreams.of(spec.commandLine().getOut());
    KnnBenchmark.run(o, out);
    out.flush();
    return ExitCodes.OK;
  }
}
