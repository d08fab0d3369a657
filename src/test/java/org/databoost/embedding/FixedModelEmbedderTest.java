package org.databoost.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.Block;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.databoost.task.Progress;
import org.databoost.training.FixedModel;
import org.databoost.training.TorchEngine;
import org.databoost.training.TrainedModel;
import org.junit.jupiter.api.Test;

class FixedModelEmbedderTest {

  /** An untrained fixed model's parameters, as training would hand them over. */
  static TrainedModel untrained(int classes) throws IOException {
    TorchEngine.start(1);
    try (Model model = Model.newInstance("untrained", Device.cpu(), TorchEngine.ENGINE)) {
      Block block = FixedModel.block(classes);
      model.setBlock(block);
      FixedModel.initialize(block, model.getNDManager());
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        block.saveParameters(out);
      }
      return new TrainedModel(bytes.toByteArray(), classes, 1, Double.NaN, List.of());
    }
  }

  @Test
  void aTrainedModelGivesDeterministic256dUnitVectors() throws IOException {
    TrainedModel trained = untrained(10);
    try (FixedModelEmbedder embedder = FixedModelEmbedder.load(trained)) {
      var images =
          List.of(
              RawPixelEmbedderTest.bar(120, 90, 10, 40),
              RawPixelEmbedderTest.bar(60, 200, 5, 50),
              RawPixelEmbedderTest.bar(100, 100, 30, 35));
      float[][] once = embedder.embedImages(images, Progress.NONE);
      float[][] again = embedder.embedImages(images, Progress.NONE);
      assertEquals(256, embedder.dimension());
      assertTrue(embedder.name().matches("fixed-model-[0-9a-f]{12}-v1"), embedder.name());
      for (int i = 0; i < images.size(); i++) {
        assertEquals(256, once[i].length);
        assertEquals(1.0, Vectors.dot(once[i], once[i]), 1e-5);
        assertArrayEquals(once[i], again[i], 0f);
      }
    }
  }
}
