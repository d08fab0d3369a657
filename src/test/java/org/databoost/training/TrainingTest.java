package org.databoost.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training the fixed model on tiny generated images: fast, but through the real DJL code path. */
class TrainingTest {
  @TempDir static Path dir;
  private static TensorSet train;
  private static TensorSet val;

  private static final TrainingConfig TINY =
      TrainingConfig.competition().withEpochs(2).withThreads(1).withSeed(7);

  @BeforeAll
  static void setUp() throws IOException {
    TorchEngine.acquire(Progress.NONE);
    TorchEngine.start(1);
    EvaluationInput input = ShapeImages.input(dir, 16, 9, 0);
    train = TensorCache.decode(input.train(), 1, Progress.NONE);
    val = TensorCache.decode(input.val(), 1, Progress.NONE);
  }

  @AfterAll
  static void tearDown() {
    TorchEngine.release();
  }

  private static TrainedModel train(TrainingConfig config, Progress progress) {
    return new ModelTrainer(config, progress, "").train(train, val, 3, config.seed());
  }

  @Test
  void theModelHasAsManyTrainableParametersAsTheReference() {
    try (NDManager manager = NDManager.newBaseManager(TorchEngine.ENGINE)) {
      var block = FixedModel.block(10);
      FixedModel.initialize(block, manager);
      assertEquals(
          FixedModel.REFERENCE_PARAMETERS_10_CLASSES, FixedModel.trainableParameters(block));
    }
  }

  @Test
  void twoBatchesTrainAndReportProgressPerBatch() {
    RecordingProgress progress = new RecordingProgress();
    TrainedModel model = train(TINY.withEpochs(1), progress);
    assertEquals(1, model.history().size());
    assertTrue(Double.isFinite(model.history().get(0).loss()));
    assertEquals(1, model.bestEpoch());
    assertTrue(progress.updates.contains("train epoch 1/1 1/2"));
    assertTrue(progress.updates.contains("train epoch 1/1 2/2"));
  }

  @Test
  void theSameSeedGivesTheSameLossesAndWeights() {
    TrainedModel a = train(TINY, Progress.NONE);
    TrainedModel b = train(TINY, Progress.NONE);
    TrainedModel c = train(TINY.withSeed(8), Progress.NONE);
    assertArrayEquals(losses(a), losses(b));
    assertArrayEquals(a.parameters(), b.parameters());
    assertFalse(Arrays.equals(losses(a), losses(c)));
  }

  @Test
  void theRestoredModelReproducesTheBestValidationAccuracy() {
    TrainedModel model = train(TINY.withEpochs(4).withBatchSize(4), Progress.NONE);
    try (Classifier classifier = model.open()) {
      double acc =
          Classifier.accuracy(classifier.logits(val.inputs(), Progress.NONE), val.labels());
      assertEquals(model.bestValAccuracy(), acc, 0.0);
    }
    double recorded = model.history().get(model.bestEpoch() - 1).valAccuracy();
    assertEquals(recorded, model.bestValAccuracy(), 0.0);
    for (EpochStats e : model.history()) {
      assertTrue(e.valAccuracy() <= model.bestValAccuracy());
    }
  }

  @Test
  void cancellingStopsBeforeTheNextBatch() {
    RecordingProgress progress = new RecordingProgress(3);
    assertThrows(CancelledException.class, () -> train(TINY.withBatchSize(4), progress));
    assertEquals(3, progress.batches);
  }

  @Test
  void aBatchHoldsTheImagesInOrderLaidOutChannelsLast() {
    Random random = new Random(3);
    float[][] images = new float[6][ImageTensors.LENGTH];
    for (float[] image : images) {
      for (int i = 0; i < image.length; i++) {
        image[i] = random.nextFloat();
      }
    }
    TensorSet set = new TensorSet(images, new int[images.length]);
    int[] order = {3, 0, 5};
    float[] hwc = set.gatherChannelsLast(order, 1, 3);
    int plane = ImageTensors.SIZE * ImageTensors.SIZE;
    // pixel 7 of the second image in the batch (image 5): its three channels side by side
    for (int c = 0; c < 3; c++) {
      assertEquals(images[5][c * plane + 7], hwc[ImageTensors.LENGTH + 7 * 3 + c]);
    }
    try (NDManager manager = NDManager.newBaseManager(TorchEngine.ENGINE)) {
      NDArray x = set.batch(manager, order, 1, 3);
      assertEquals(new Shape(2).addAll(FixedModel.IMAGE_SHAPE), x.getShape());
      float[] expected = new float[2 * ImageTensors.LENGTH];
      System.arraycopy(images[0], 0, expected, 0, ImageTensors.LENGTH);
      System.arraycopy(images[5], 0, expected, ImageTensors.LENGTH, ImageTensors.LENGTH);
      assertArrayEquals(expected, x.toFloatArray());
    }
  }

  @Test
  void theModelGivesTheSameLogitsForAChannelsLastBatchAsForAContiguousOne() {
    try (NDManager manager = NDManager.newBaseManager(TorchEngine.ENGINE)) {
      Block block = FixedModel.block(3);
      FixedModel.initialize(block, manager);
      ParameterStore store = new ParameterStore(manager, false);
      int[] order = ModelTrainer.identity(train.size());
      NDArray channelsLast = train.batch(manager, order, 0, order.length);
      NDArray contiguous = manager.create(channelsLast.toFloatArray(), channelsLast.getShape());
      for (boolean training : new boolean[] {false, true}) {
        float[] a = block.forward(store, new NDList(channelsLast), training).head().toFloatArray();
        float[] b = block.forward(store, new NDList(contiguous), training).head().toFloatArray();
        assertEquals(order.length * 3, a.length);
        for (int i = 0; i < a.length; i++) {
          assertEquals(b[i], a[i], 1e-3f * Math.max(1f, Math.abs(b[i])), "logit " + i);
        }
      }
    }
  }

  private static double[] losses(TrainedModel m) {
    return m.history().stream().mapToDouble(EpochStats::loss).toArray();
  }
}
