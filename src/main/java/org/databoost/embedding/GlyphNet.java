package org.databoost.embedding;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The glyph embedder's network, architecture version 1: a small CNN on one 32x32 ink plane ({@link
 * GlyphInput}).
 *
 * <pre>
 * conv 3x3  32 + BN + ReLU, max-pool 2   -> 32 x 16 x 16
 * conv 3x3  64 + BN + ReLU, max-pool 2   -> 64 x 8 x 8
 * conv 3x3 128 + BN + ReLU, max-pool 2   -> 128 x 4 x 4
 * flatten, dense 128 + BN + ReLU         -> the 128-d embedding
 * (training only) dense classes          -> logits
 * </pre>
 *
 * About 355,000 parameters (1.4 MB as float32) and 10 million multiply-adds per image.
 */
public final class GlyphNet {
  /** Architecture version; part of the embedder name. */
  public static final int VERSION = 1;

  /** Length of the embedding. */
  public static final int EMBEDDING = 128;

  /** One input: channels, height, width. */
  public static final Shape INPUT_SHAPE = new Shape(1, GlyphInput.SIZE, GlyphInput.SIZE);

  private GlyphNet() {}

  /** The uninitialised feature extractor: input to embedding. */
  public static SequentialBlock features() {
    SequentialBlock net = new SequentialBlock();
    for (int filters : new int[] {32, 64, 128}) {
      net.add(
          Conv2d.builder()
              .setFilters(filters)
              .setKernelShape(new Shape(3, 3))
              .optPadding(new Shape(1, 1))
              .build());
      net.add(BatchNorm.builder().build()).add(Activation.reluBlock());
      net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
    }
    net.add(Blocks.batchFlattenBlock());
    net.add(Linear.builder().setUnits(EMBEDDING).build());
    net.add(BatchNorm.builder().build()).add(Activation.reluBlock());
    return net;
  }

  /** The training network: {@code features} followed by a dense layer of {@code classes} logits. */
  public static SequentialBlock classifier(Block features, int classes) {
    return new SequentialBlock().add(features).add(Linear.builder().setUnits(classes).build());
  }
}
