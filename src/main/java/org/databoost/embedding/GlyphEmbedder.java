package org.databoost.embedding;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.databoost.imaging.augment.InkImage;
import org.databoost.training.TorchEngine;

/**
 * The offline default: {@link GlyphNet} with the parameters shipped in the jar (trained by {@link
 * org.databoost.embedding.train.TrainGlyphEmbedder} on MNIST digits and synthetic Roman numerals;
 * assets/models/README.md). Works on a fresh machine without network.
 */
public final class GlyphEmbedder extends PreparedEmbedder {
  /**
   * The embedder's name and cache key: the version of its input ({@link GlyphInput}, version 2
   * takes ruling lines out) with the network's parameters of {@link GlyphNet#VERSION} 1.
   */
  public static final String NAME = "glyph-v3";

  /** Class-path location of the shipped parameters. */
  public static final String RESOURCE = "/org/databoost/embedding/glyph-embedder-v2.params";

  /** Class-path location of the shipped classifier head (its last class is junk). */
  public static final String HEAD_RESOURCE =
      "/org/databoost/embedding/glyph-embedder-v2" + GlyphHead.SUFFIX;

  private static final int BATCH = 64;

  private final Model model;
  private final ParameterStore store;
  private GlyphHead head;

  private GlyphEmbedder(Model model) {
    super(BATCH);
    this.model = model;
    this.store = new ParameterStore(model.getNDManager(), false);
  }

  /** Loads the shipped parameters from the class path. */
  public static GlyphEmbedder load() {
    try (InputStream in = GlyphEmbedder.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the glyph embedder's parameters " + RESOURCE + " are not on the class path");
      }
      GlyphEmbedder embedder = load(in);
      try (InputStream h = GlyphEmbedder.class.getResourceAsStream(HEAD_RESOURCE)) {
        if (h != null) {
          embedder.head = GlyphHead.read(h);
        }
      }
      return embedder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads parameters written by {@code GlyphNet.features().saveParameters}. */
  public static GlyphEmbedder load(InputStream parameters) {
    TorchEngine.start(TorchEngine.defaultThreads());
    Model model = Model.newInstance("glyph-embedder", Device.cpu(), TorchEngine.ENGINE);
    try {
      Block block = GlyphNet.features();
      model.setBlock(block);
      block.initialize(
          model.getNDManager(), DataType.FLOAT32, new Shape(1).addAll(GlyphNet.INPUT_SHAPE));
      block.loadParameters(model.getNDManager(), new DataInputStream(parameters));
      return new GlyphEmbedder(model);
    } catch (IOException e) {
      model.close();
      throw new UncheckedIOException(e);
    } catch (MalformedModelException | RuntimeException e) {
      model.close();
      throw new IllegalStateException("cannot load the glyph embedder: " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int dimension() {
    return GlyphNet.EMBEDDING;
  }

  @Override
  protected float[] prepare(BufferedImage image) {
    return GlyphInput.of(image);
  }

  @Override
  public int swapModelThreads(int threads) {
    return TorchEngine.swapThreads(threads);
  }

  @Override
  public float[] prepareInk(InkImage image) {
    return GlyphInput.ofInk(image.ink(), image.width(), image.height());
  }

  @Override
  protected synchronized float[][] forward(float[][] inputs) {
    return forward(model.getBlock(), store, model.getNDManager(), inputs, GlyphNet.INPUT_SHAPE);
  }

  /** Inference-mode forward of one batch of a PyTorch block. */
  static float[][] forward(
      Block block, ParameterStore store, NDManager parent, float[][] inputs, Shape inputShape) {
    TorchEngine.noGradients(); // per thread
    return NetworkBatch.run(block, store, parent, inputs, inputShape, inputs.length);
  }

  /**
   * The network's own probability that each image is junk (the last class of the head it was
   * trained with, on the features before they are normalised); null when no head is shipped.
   *
   * @param planes inputs from {@link #prepare} or {@link GlyphInput#of}
   */
  public double[] junkProbabilities(float[][] planes) {
    if (head == null) {
      return null;
    }
    double[] out = new double[planes.length];
    for (int from = 0; from < planes.length; from += BATCH) {
      int to = Math.min(planes.length, from + BATCH);
      float[][] raw = forward(java.util.Arrays.copyOfRange(planes, from, to));
      for (int i = from; i < to; i++) {
        out[i] = head.lastClassProbability(raw[i - from]);
      }
    }
    return out;
  }

  @Override
  public void close() {
    model.close();
  }
}
