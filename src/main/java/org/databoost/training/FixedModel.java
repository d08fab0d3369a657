package org.databoost.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.initializer.XavierInitializer;
import java.util.List;

/**
 * The competition's fixed model: Keras ResNet50 (random initialisation) cut after {@code
 * conv2_block3_out}, global average pooling, one dense layer of logits.
 *
 * <p>Keras defaults are reproduced: glorot-uniform kernels (DJL Xavier, uniform, average fan,
 * magnitude 3), zero biases, biases on every convolution, BatchNorm epsilon 1.001e-5 and momentum
 * 0.99 (DJL uses the Keras convention; PyTorch's would be 0.01). Keras zero-pads before its max
 * pool where DJL pads with minus infinity; after a ReLU both give the same result.
 */
public final class FixedModel {
  /** Shape of one input image: channels, height, width. */
  public static final Shape IMAGE_SHAPE = new Shape(3, ImageTensors.SIZE, ImageTensors.SIZE);

  /** Trainable parameters of the model with 10 classes, as counted by the PyTorch reference. */
  public static final long REFERENCE_PARAMETERS_10_CLASSES = 229_386;

  private static final float BN_EPSILON = 1.001e-5f;
  private static final float BN_MOMENTUM = 0.99f;

  private FixedModel() {}

  /** The uninitialised block for {@code classes} outputs. */
  public static SequentialBlock block(int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
    }
    SequentialBlock net = new SequentialBlock();
    net.add(conv(64, 7, 2, 3)).add(batchNorm()).add(Activation.reluBlock());
    net.add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
    net.add(bottleneck(64, true)).add(bottleneck(64, false)).add(bottleneck(64, false));
    net.add(Pool.globalAvgPool2dBlock());
    net.add(Linear.builder().setUnits(classes).build());
    return net;
  }

  /**
   * Sets the Keras initialisers and creates the parameters, drawing from the engine's random
   * generator (seed it first with {@code Engine.getInstance().setRandomSeed}).
   */
  public static void initialize(Block block, NDManager manager) {
    block.setInitializer(
        new XavierInitializer(
            XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3),
        Parameter.Type.WEIGHT);
    block.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(IMAGE_SHAPE));
  }

  /**
   * Number of trainable values (weights, biases, BatchNorm gamma and beta) of an initialised block.
   */
  public static long trainableParameters(Block block) {
    long n = 0;
    for (Parameter p : block.getParameters().values()) {
      if (p.requiresGradient()) {
        n += p.getArray().getShape().size();
      }
    }
    return n;
  }

  /** Keras ResNet v1 "block1": 1x1, 3x3, 1x1 (4f) convolutions plus a shortcut, then ReLU. */
  private static Block bottleneck(int filters, boolean projection) {
    SequentialBlock main = new SequentialBlock();
    main.add(conv(filters, 1, 1, 0)).add(batchNorm()).add(Activation.reluBlock());
    main.add(conv(filters, 3, 1, 1)).add(batchNorm()).add(Activation.reluBlock());
    main.add(conv(4 * filters, 1, 1, 0)).add(batchNorm());
    Block shortcut =
        projection
            ? new SequentialBlock().add(conv(4 * filters, 1, 1, 0)).add(batchNorm())
            : Blocks.identityBlock();
    ParallelBlock sum =
        new ParallelBlock(
            outputs ->
                new NDList(
                    outputs.get(0).singletonOrThrow().add(outputs.get(1).singletonOrThrow())),
            List.of(main, shortcut));
    return new SequentialBlock().add(sum).add(Activation.reluBlock());
  }

  private static Block conv(int filters, int kernel, int stride, int padding) {
    return Conv2d.builder()
        .setFilters(filters)
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(padding, padding))
        .optBias(true)
        .build();
  }

  private static Block batchNorm() {
    return BatchNorm.builder().optEpsilon(BN_EPSILON).optMomentum(BN_MOMENTUM).build();
  }
}
