package org.databoost.boost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.databoost.corpus.Corpus;
import org.databoost.corpus.CorpusCheck;
import org.databoost.corpus.CorpusException;
import org.databoost.corpus.CorpusSearch;
import org.databoost.corpus.ManifestRow;
import org.databoost.corpus.ShardStore;
import org.databoost.neighbors.ExactSearch;
import org.databoost.neighbors.Neighbors;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;

/**
 * A registered corpus as Boost's candidate source: its store for the dataset's embedder, checked
 * against its images before use; exact streamed search over its shards; each chosen row with a
 * proposed label (the corpus's own, or the judges': the nearest training images' vote and the
 * round's model).
 */
public final class CorpusCandidates implements Retriever.Candidates {
  /** Training images that vote on an unlabelled corpus image's label. */
  static final int VOTERS = 10;

  private final ShardStore store;
  private final Map<Integer, Vectors> shardVectors = new HashMap<>();
  private final Map<Integer, List<ManifestRow>> shardRows = new HashMap<>();

  private CorpusCandidates(ShardStore store) {
    this.store = store;
  }

  /**
   * The corpus's store of {@code embedderName}, refused with a plain message when the corpus was
   * embedded with other embedders only, is not fully embedded, or changed or vanished since.
   */
  public static CorpusCandidates open(Corpus corpus, String embedderName, Progress progress)
      throws IOException {
    List<String> embedders = ShardStore.embedders(corpus);
    if (!embedders.contains(embedderName)) {
      throw new CorpusException(
          "The corpus '"
              + corpus.name()
              + "' is embedded with "
              + (embedders.isEmpty() ? "no embedder yet" : String.join(", ", embedders))
              + ", not with "
              + embedderName
              + ", the embedder Boost uses for this dataset; corpus and dataset must be compared"
              + " in the same embedding space. Embed it first: corpus add "
              + corpus.name()
              + " "
              + corpus.source()
              + " (with the same --embedder as boost).");
    }
    ShardStore store = ShardStore.read(corpus, embedderName);
    if (!store.complete()) {
      throw new CorpusException(
          "The corpus '"
              + corpus.name()
              + "' is embedded in "
              + store.doneCount()
              + " of "
              + store.shards()
              + " shards; finish it first: corpus add "
              + corpus.name()
              + " "
              + corpus.source());
    }
    CorpusCheck.Changes changes = CorpusCheck.check(store, progress);
    if (!changes.none()) {
      throw new CorpusException(changes.describe(corpus) + "\nNothing was added.");
    }
    return new CorpusCandidates(store);
  }

  public Corpus corpus() {
    return store.corpus();
  }

  @Override
  public Neighbors nearest(Vectors queries, int depth, ExactSearch search, Progress progress) {
    return new CorpusSearch(store, search).exact(queries, depth, progress);
  }

  @Override
  public float[] row(int id) {
    int shard = id / store.corpus().shardRows();
    Vectors v =
        shardVectors.computeIfAbsent(
            shard,
            s -> {
              try {
                return store.vectors(s);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return v.row(id % store.corpus().shardRows());
  }

  @Override
  public long size() {
    return store.corpus().rows();
  }

  /** The manifest row of a corpus row. */
  ManifestRow manifest(int id) {
    int shard = id / store.corpus().shardRows();
    List<ManifestRow> rows =
        shardRows.computeIfAbsent(
            shard,
            s -> {
              try {
                return store.manifestRows(s);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return rows.get(id % store.corpus().shardRows());
  }

  /** Rows not to offer: rejected ones and those whose content the dataset already holds. */
  IntPredicate skip(Set<Long> rejected, Set<String> datasetHashes) {
    return id -> rejected.contains((long) id) || datasetHashes.contains(manifest(id).sha256());
  }

  /**
   * The chosen rows as proposals: the corpus's own label when it is one of the dataset's labels,
   * otherwise the judges' label ({@link LabelJudges}): the similarity-weighted vote of the {@value
   * #VOTERS} nearest training images and, when {@code model} is given, that model's prediction of
   * each such image (only these images are read and classified).
   */
  List<CorpusProposal> propose(
      int round,
      List<Retriever.Pick> picks,
      Vectors train,
      List<String> trainLabels,
      ModelJudge model,
      int threads,
      Progress progress)
      throws IOException {
    Set<String> labels = Set.copyOf(trainLabels);
    float[][] rows = new float[picks.size()][];
    ManifestRow[] manifest = new ManifestRow[picks.size()];
    List<Integer> judged = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      rows[i] = row(picks.get(i).candidate());
      manifest[i] = manifest(picks.get(i).candidate());
      if (!(store.corpus().labelled() && labels.contains(manifest[i].label()))) {
        judged.add(i);
      }
    }
    Neighbors votes =
        rows.length == 0 || train.rows() == 0
            ? null
            : ExactSearch.create()
                .optThreads(threads)
                .search(Vectors.of(rows), train, Math.min(VOTERS, train.rows()), progress);
    float[][] byModel = new float[rows.length][];
    if (model != null && !judged.isEmpty()) {
      List<Path> files = new ArrayList<>();
      judged.forEach(i -> files.add(store.corpus().source().resolve(manifest[i].path())));
      float[][] p = model.probabilities(files, progress);
      for (int j = 0; j < p.length; j++) {
        byModel[judged.get(j)] = p[j];
      }
    }
    List<CorpusProposal> out = new ArrayList<>(picks.size());
    for (int i = 0; i < picks.size(); i++) {
      Retriever.Pick p = picks.get(i);
      ManifestRow m = manifest[i];
      LabelJudges.Judged label;
      if (store.corpus().labelled() && labels.contains(m.label())) {
        label = new LabelJudges.Judged(m.label(), CorpusProposal.FROM_CORPUS, 1.0);
      } else {
        Map<String, Double> weight = new HashMap<>();
        for (int r = 0; votes != null && r < votes.k(); r++) {
          int id = votes.id(i, r);
          if (id >= 0) {
            weight.merge(
                trainLabels.get(id), (double) Math.max(0, votes.similarity(i, r)), Double::sum);
          }
        }
        label = LabelJudges.combine(weight, byModel[i], model == null ? List.of() : model.labels());
        if (label == null) {
          label = new LabelJudges.Judged(trainLabels.get(0), CorpusProposal.FROM_KNN, 0);
        }
      }
      out.add(
          new CorpusProposal(
              round,
              store.corpus().name(),
              m.row(),
              m.path(),
              store.corpus().source().resolve(m.path()),
              m.sha256(),
              p.error().path(),
              p.error().loss(),
              p.similarity(),
              label.label(),
              label.source(),
              label.confidence()));
    }
    return out;
  }

  /** Null when the corpus file of a proposal is still what was embedded, else what changed. */
  String changed(CorpusProposal p) throws IOException {
    return CorpusCheck.compare(store.corpus().source(), manifest((int) p.row()));
  }
}
