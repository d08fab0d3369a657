package org.databoost.embedding;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.databoost.training.FixedModel;
import org.databoost.training.ImageTensors;
import org.databoost.training.TorchEngine;
import org.databoost.training.TrainedModel;

/**
 * The competition's fixed model, trained on the user's data, as an embedder: the 256-d global
 * average pooled features before its dense layer. Input as in training ({@link ImageTensors}: RGB,
 * 32x32 bilinear, caffe means). The name carries a digest of the parameters, so cached vectors of
 * one trained model are never mistaken for another's.
 */
public final class FixedModelEmbedder extends PreparedEmbedder {
  /** Length of the features. */
  public static final int DIMENSION = 256;

  private static final int BATCH = 64;

  private final Model model;
  private final Block features;
  private final ParameterStore store;
  private final String name;

  private FixedModelEmbedder(Model model, Block features, String name) {
    super(BATCH);
    this.model = model;
    this.features = features;
    this.store = new ParameterStore(model.getNDManager(), false);
    this.name = name;
  }

  /** Loads the parameters of {@code trained} into a fresh model. */
  public static FixedModelEmbedder load(TrainedModel trained) {
    TorchEngine.start(TorchEngine.defaultThreads());
    Model model = Model.newInstance("fixed-model-features", Device.cpu(), TorchEngine.ENGINE);
    try {
      SequentialBlock block = FixedModel.block(trained.classes());
      model.setBlock(block);
      FixedModel.initialize(block, model.getNDManager());
      block.loadParameters(
          model.getNDManager(),
          new DataInputStream(new ByteArrayInputStream(trained.parameters())));
      // Every layer but the last (the dense logits), sharing the loaded parameters.
      List<Block> layers = block.getChildren().values();
      SequentialBlock features = new SequentialBlock();
      features.addAll(layers.subList(0, layers.size() - 1));
      return new FixedModelEmbedder(
          model, features, "fixed-model-" + digest(trained.parameters()) + "-v1");
    } catch (IOException e) {
      model.close();
      throw new UncheckedIOException(e);
    } catch (MalformedModelException | RuntimeException e) {
      model.close();
      throw new IllegalStateException("cannot load the trained model: " + e.getMessage(), e);
    }
  }

  private static String digest(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  protected float[] prepare(BufferedImage image) {
    return ImageTensors.of(image);
  }

  @Override
  protected synchronized float[][] forward(float[][] inputs) {
    return GlyphEmbedder.forward(
        features, store, model.getNDManager(), inputs, FixedModel.IMAGE_SHAPE);
  }

  @Override
  public void close() {
    model.close();
  }
}
