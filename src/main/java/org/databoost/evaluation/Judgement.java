package org.databoost.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.embedding.EmbeddingCache;
import org.databoost.embedding.GlyphEmbedder;
import org.databoost.imaging.ImageDecoder;
import org.databoost.imaging.ImageReadException;
import org.databoost.imaging.InkStatistics;
import org.databoost.task.Progress;
import org.databoost.training.EvaluationRun;
import org.databoost.training.ImagePrediction;
import org.databoost.training.TrainingConfig;

/**
 * Gathers what {@link DataVerdicts} needs for the train and val images of a scan (glyph embeddings
 * from the workspace cache, ink statistics, the synthetic junk's embeddings, the model's rows when
 * there is a model) and runs it.
 *
 * @param images the images judged, in the verdicts' order
 * @param result the verdicts
 */
public record Judgement(List<ImageEntry> images, DataVerdicts.Result result) {

  /** Decoded side for the ink statistics: enough to see a speck, cheap to decode. */
  private static final int INK_SIDE = 256;

  /** The verdict of each judged image, keyed by its path. */
  public Map<String, DataVerdicts.Verdict> byPath() {
    Map<String, DataVerdicts.Verdict> out = new HashMap<>();
    for (int i = 0; i < images.size(); i++) {
      out.put(images.get(i).displayPath(), result.verdicts()[i]);
    }
    return out;
  }

  /**
   * Trains the fixed model as {@code evaluate} does (every training image predicted out of sample
   * by k-fold, the folds in parallel processes when {@code config.jobs()} allows, in a work folder
   * under {@code stateDir}) and judges the train and val images with it and the embeddings: the
   * verdicts a user sees after Evaluate.
   */
  public static Judgement withModel(
      DatasetScan scan, Path stateDir, TrainingConfig config, long seed, Progress progress)
      throws IOException {
    EvaluationRun run = EvaluationService.trainIn(stateDir, scan, config, progress);
    List<ImagePrediction> examined =
        run.predictions().stream()
            .filter(p -> p.split() == Split.TRAIN || p.split() == Split.VAL)
            .toList();
    boolean learned = !examined.isEmpty() && LabelIssueFlags.learnedSomething(examined);
    return of(scan, stateDir, run.predictions(), learned, seed, progress);
  }

  /**
   * Judges the train and val images of the scan.
   *
   * @param predictions the model's predictions (null: no model; judged by the embeddings alone)
   * @param modelLearned whether that model is better than chance
   */
  public static Judgement of(
      DatasetScan scan,
      Path stateDir,
      List<ImagePrediction> predictions,
      boolean modelLearned,
      long seed,
      Progress progress)
      throws IOException {
    Prepared p = prepare(scan, stateDir, predictions, progress);
    return new Judgement(p.images(), DataVerdicts.judge(p.input(), modelLearned, seed, progress));
  }

  /**
   * What {@link DataVerdicts} is given for the train and val images of a scan.
   *
   * @param images the images, train then val in the scan's order
   * @param input the judges' input, row i for images.get(i)
   */
  public record Prepared(List<ImageEntry> images, DataVerdicts.Input input) {
    /** The same input with other given labels (a benchmark's flips). */
    public DataVerdicts.Input withGiven(int[] given) {
      DataVerdicts.Input in = input;
      return new DataVerdicts.Input(
          in.paths(),
          in.splits(),
          in.hashes(),
          given.clone(),
          in.labels(),
          in.vectors(),
          in.ink(),
          in.junk(),
          in.model(),
          in.modelInSample(),
          in.mirrored(),
          in.networkJunk(),
          in.strokes());
    }
  }

  /**
   * Embeds (through the cache under {@code stateDir}), measures the ink and gathers the model's
   * rows: everything {@link DataVerdicts#judge} needs, without judging.
   */
  public static Prepared prepare(
      DatasetScan scan, Path stateDir, List<ImagePrediction> predictions, Progress progress)
      throws IOException {
    List<ImageEntry> images = new ArrayList<>(scan.images(Split.TRAIN));
    images.addAll(scan.images(Split.VAL));
    List<String> labels = scan.labels();
    int n = images.size();
    String[] paths = new String[n];
    Split[] splits = new Split[n];
    String[] hashes = new String[n];
    int[] given = new int[n];
    for (int i = 0; i < n; i++) {
      ImageEntry e = images.get(i);
      paths[i] = e.displayPath();
      splits[i] = e.split();
      hashes[i] = e.hash();
      given[i] = labels.indexOf(e.label());
    }
    float[][] vectors;
    float[][] junk;
    InkStatistics[] ink = new InkStatistics[n];
    int[] strokes = new int[n];
    double[] networkJunk;
    try (GlyphEmbedder glyph = GlyphEmbedder.load()) {
      progress.update("Embedding the images", 0, -1);
      vectors =
          new EmbeddingCache(stateDir).embeddings(glyph, scan.root(), images, progress).vectors();
      junk = JunkJudge.syntheticVectors(glyph, Progress.NONE);
      networkJunk = ink(scan.root(), images, ink, strokes, glyph, progress);
    }
    float[][] model = null;
    boolean[] inSample = new boolean[n];
    if (predictions != null) {
      Map<String, ImagePrediction> byId = new HashMap<>();
      predictions.forEach(p -> byId.put(p.id(), p));
      model = new float[n][];
      for (int i = 0; i < n; i++) {
        ImagePrediction p = byId.get(paths[i]);
        if (p != null && p.givenIndex() == given[i]) {
          model[i] = p.probabilities();
          inSample[i] = p.inSample();
        }
      }
    }
    Path root = scan.root();
    java.util.function.Function<int[], float[][]> mirrored =
        ids -> mirroredVectors(root, images, ids, progress);
    DataVerdicts.Input in =
        new DataVerdicts.Input(
            paths,
            splits,
            hashes,
            given,
            labels,
            vectors,
            ink,
            junk,
            model,
            inSample,
            mirrored,
            networkJunk,
            strokes);
    return new Prepared(List.copyOf(images), in);
  }

  /** The glyph embeddings of these images mirrored left to right (null where unreadable). */
  private static float[][] mirroredVectors(
      Path root, List<ImageEntry> images, int[] ids, Progress progress) {
    List<java.awt.image.BufferedImage> flipped = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (int c = 0; c < ids.length; c++) {
      try {
        java.awt.image.BufferedImage img =
            ImageDecoder.decode(root.resolve(images.get(ids[c]).relativePath()), 512);
        flipped.add(mirror(img));
        at.add(c);
      } catch (ImageReadException e) {
        // unreadable now: no mirror check for it
      }
    }
    float[][] out = new float[ids.length][];
    try (GlyphEmbedder glyph = GlyphEmbedder.load()) {
      float[][] v = glyph.embedImages(flipped, progress);
      for (int j = 0; j < v.length; j++) {
        out[at.get(j)] = v[j];
      }
    }
    return out;
  }

  /** The image mirrored left to right, in gray. */
  static java.awt.image.BufferedImage mirror(java.awt.image.BufferedImage image) {
    java.awt.image.BufferedImage gray = org.databoost.imaging.ImageConverter.toGray(image);
    int w = gray.getWidth();
    int h = gray.getHeight();
    java.awt.image.BufferedImage out =
        new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    java.awt.image.WritableRaster src = gray.getRaster();
    java.awt.image.WritableRaster dst = out.getRaster();
    int[] row = new int[w];
    int[] flipped = new int[w];
    for (int y = 0; y < h; y++) {
      src.getSamples(0, y, w, 1, 0, row);
      for (int x = 0; x < w; x++) {
        flipped[x] = row[w - 1 - x];
      }
      dst.setSamples(0, y, w, 1, 0, flipped);
    }
    return out;
  }

  /** Planes passed to the network at a time, so that a large dataset never holds them all. */
  private static final int PLANES_AT_ONCE = 256;

  /**
   * Measures the ink of every image into {@code out} (null where unreadable) and counts its strokes
   * into {@code strokes} ({@link org.databoost.embedding.StrokeCount}), and returns the network's
   * junk probability of each, from the glyph plane of the same decoding (0 where unreadable); null
   * when the embedder has no head.
   */
  private static double[] ink(
      Path root,
      List<ImageEntry> images,
      InkStatistics[] out,
      int[] strokes,
      GlyphEmbedder glyph,
      Progress progress) {
    double[] junk = new double[out.length];
    boolean[] readable = new boolean[out.length];
    float[][] chunk = new float[Math.min(PLANES_AT_ONCE, out.length)][];
    boolean anyHead = true;
    for (int i = 0; i < out.length; i++) {
      if (i % 64 == 0) {
        progress.checkCancelled();
        progress.update("Measuring the ink", i, out.length);
      }
      float[] plane;
      try {
        java.awt.image.BufferedImage image =
            ImageDecoder.decode(root.resolve(images.get(i).relativePath()), INK_SIDE);
        out[i] = InkStatistics.of(image);
        org.databoost.embedding.GlyphInput.Measured m =
            org.databoost.embedding.GlyphInput.measured(image);
        strokes[i] = m.strokes();
        plane = m.plane();
        readable[i] = true;
      } catch (ImageReadException e) {
        out[i] = null; // the scan checked it; a file changed since is simply not measured
        strokes[i] = org.databoost.embedding.StrokeCount.UNKNOWN;
        plane = new float[org.databoost.embedding.GlyphInput.LENGTH];
      }
      chunk[i % PLANES_AT_ONCE] = plane;
      boolean last = i == out.length - 1;
      if (i % PLANES_AT_ONCE == PLANES_AT_ONCE - 1 || last) {
        int from = i - i % PLANES_AT_ONCE;
        float[][] full = last ? java.util.Arrays.copyOf(chunk, i - from + 1) : chunk;
        double[] p = glyph.junkProbabilities(full);
        if (p == null) {
          anyHead = false;
        } else {
          for (int k = 0; k < p.length; k++) {
            junk[from + k] = readable[from + k] ? p[k] : 0;
          }
        }
      }
    }
    return anyHead ? junk : null;
  }
}
