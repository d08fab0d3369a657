package org.databoost.boost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.databoost.corpus.Corpus;
import org.databoost.corpus.CorpusEmbedding;
import org.databoost.corpus.CorpusRegistry;
import org.databoost.corpus.DiskSpace;
import org.databoost.embedding.Embedder;
import org.databoost.embedding.Embedders;
import org.databoost.neighbors.Vectors;
import org.databoost.sample.NumeralCorpusGenerator;
import org.databoost.task.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unlabelled corpus's proposals from both judges: the training k-NN vote and a model whose
 * answers the test chooses, so that they agree or disagree on purpose.
 */
class CorpusJudgesTest {
  @TempDir Path tmp;

  private CorpusCandidates candidates;
  private Vectors train;
  private List<String> trainLabels;
  private List<String> labels;
  private List<Retriever.Pick> picks;

  /**
   * 160 rendered numerals registered without labels; in listing (path) order, every fourth row is
   * retrieved, the others are the training images (labelled by their folders).
   */
  @BeforeEach
  void corpus() throws Exception {
    Path images = tmp.resolve("corpus-images");
    new NumeralCorpusGenerator(32, 64).generate(images, 160, 11, 2, Progress.NONE);
    Corpus c =
        new CorpusRegistry(tmp.resolve("corpora"))
            .add("plain", images, CorpusRegistry.Labels.parse("none"), 64, Progress.NONE);
    assertFalse(c.labelled());
    try (Embedder e = Embedders.byName("glyph")) {
      new CorpusEmbedding(DiskSpace.REAL).run(c, e, false, Progress.NONE);
      candidates = CorpusCandidates.open(c, e.name(), Progress.NONE);
    }
    List<float[]> rows = new ArrayList<>();
    trainLabels = new ArrayList<>();
    picks = new ArrayList<>();
    for (int i = 0; i < 160; i++) {
      if (i % 4 == 3) {
        Retriever.ErrorQuery error =
            new Retriever.ErrorQuery("val/x/" + i + ".png", 0, 1, 2.0, candidates.row(i));
        picks.add(new Retriever.Pick(i, error, 0.9f));
      } else {
        rows.add(candidates.row(i));
        trainLabels.add(folder(candidates.manifest(i).path()));
      }
    }
    train = Vectors.of(rows.toArray(new float[0][]));
    labels = List.copyOf(new TreeSet<>(trainLabels));
  }

  private static String folder(String path) {
    return path.substring(0, path.indexOf('/'));
  }

  /**
   * A model judge over {@code labels}, answering {@code answer(file)}, recording what it was asked.
   */
  private static final class FakeModel implements ModelJudge {
    final List<Path> asked = new ArrayList<>();
    final List<String> labels;
    final Function<Path, float[]> answer;

    FakeModel(List<String> labels, Function<Path, float[]> answer) {
      this.labels = labels;
      this.answer = answer;
    }

    @Override
    public List<String> labels() {
      return labels;
    }

    @Override
    public float[][] probabilities(List<Path> files, Progress progress) {
      asked.addAll(files);
      return files.stream().map(answer).toArray(float[][]::new);
    }
  }

  private List<CorpusProposal> propose(ModelJudge model) throws Exception {
    return candidates.propose(3, picks, train, trainLabels, model, 1, Progress.NONE);
  }

  @Test
  void aModelThatAgreesRaisesTheVotesConfidenceAndOneThatKnowsBetterOverrulesIt() throws Exception {
    List<CorpusProposal> alone = propose(null);
    alone.forEach(p -> assertEquals(CorpusProposal.FROM_KNN, p.labelSource()));
    // A sure model that names each image's true label (its folder in the generated corpus).
    FakeModel sure =
        new FakeModel(
            labels,
            f -> {
              float[] row = new float[labels.size()];
              row[labels.indexOf(f.getParent().getFileName().toString())] = 1f;
              return row;
            });
    List<CorpusProposal> both = propose(sure);
    assertEquals(
        alone.stream().map(CorpusProposal::file).toList(),
        sure.asked,
        "the model reads the retrieved images only, each once");
    int agreed = 0;
    int overruled = 0;
    for (int i = 0; i < both.size(); i++) {
      CorpusProposal knn = alone.get(i);
      CorpusProposal p = both.get(i);
      String truth = folder(p.path());
      assertEquals(truth, p.label(), "the sure model's label wins every time");
      if (knn.label().equals(truth)) {
        agreed++;
        assertEquals(CorpusProposal.FROM_KNN_AND_MODEL, p.labelSource());
        assertEquals((knn.confidence() + 1) / 2, p.confidence(), 1e-6);
      } else {
        overruled++;
        assertTrue(
            p.labelSource().startsWith("model (training k-NN vote says " + knn.label() + " "),
            p.labelSource());
        assertTrue(p.confidence() >= 0.5 && p.confidence() < 1, "" + p.confidence());
      }
    }
    assertTrue(agreed > 0, "the vote is right on some images");
    assertTrue(overruled + agreed == picks.size());
  }

  @Test
  void anUnsureModelThatDisagreesLowersTheVotesConfidenceOrWinsAndTheOtherJudgeIsNamed()
      throws Exception {
    List<CorpusProposal> alone = propose(null);
    // The model knows one more label, "zz", that no training image has (so the vote gives it
    // nothing), and says zz 0.6 for every image, the rest spread evenly.
    List<String> withZz = new ArrayList<>(labels);
    withZz.add("zz");
    float rest = 0.4f / labels.size();
    FakeModel unsure =
        new FakeModel(
            withZz,
            f -> {
              float[] row = new float[withZz.size()];
              java.util.Arrays.fill(row, rest);
              row[withZz.size() - 1] = 0.6f;
              return row;
            });
    List<CorpusProposal> both = propose(unsure);
    int kept = 0;
    int overruled = 0;
    for (int i = 0; i < both.size(); i++) {
      CorpusProposal knn = alone.get(i);
      CorpusProposal p = both.get(i);
      // Means: the vote's label (c + rest) / 2, zz 0.6 / 2, any other label less than the vote's.
      if (knn.confidence() + rest > 0.6 + 1e-6) {
        kept++;
        assertEquals(knn.label(), p.label());
        assertEquals("training k-NN vote (model says zz 0.60)", p.labelSource());
        assertEquals((knn.confidence() + rest) / 2, p.confidence(), 1e-6);
        assertTrue(p.confidence() < knn.confidence(), "the disagreement lowers it");
      } else if (knn.confidence() + rest < 0.6 - 1e-6) {
        overruled++;
        assertEquals("zz", p.label());
        assertEquals(
            String.format(
                java.util.Locale.ROOT,
                "model (training k-NN vote says %s %.2f)",
                knn.label(),
                knn.confidence()),
            p.labelSource());
        assertEquals(0.3, p.confidence(), 1e-6);
      }
    }
    assertTrue(kept > 0, "some votes are sure enough to stand: " + confidences(alone));
    assertTrue(overruled > 0, "some are not: " + confidences(alone));
  }

  private static List<Double> confidences(List<CorpusProposal> ps) {
    return ps.stream().map(CorpusProposal::confidence).sorted().toList();
  }
}
