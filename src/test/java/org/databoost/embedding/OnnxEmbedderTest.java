package org.databoost.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.databoost.training.TorchEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiny networks exported by PyTorch (src/test/scripts/onnx-fixtures.py, fixtures committed under
 * src/test/resources/org/databoost/embedding/onnx/), with PyTorch's own output for the test images.
 */
class OnnxEmbedderTest {
  /** The input the fixtures were exported for: 3 x 12 x 10, the test images halved. */
  static final InputSpec SPEC =
      new InputSpec(10, 12, 3, new float[] {0.5f, 0.4f, 0.3f}, new float[] {0.2f, 0.25f, 0.3f});

  @TempDir Path dir;

  static Path fixture(String name) {
    try {
      return Path.of(OnnxEmbedderTest.class.getResource("onnx/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Test image {@code k}, 20 x 24 RGB: the formula of onnx-fixtures.py. */
  static BufferedImage image(int k) {
    BufferedImage image = new BufferedImage(20, 24, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 24; y++) {
      for (int x = 0; x < 20; x++) {
        int r = (x * 23 + y * 7 + k * 50) % 256;
        int g = (x * 5 + y * 31 + k * 90 + 17) % 256;
        int b = (x * x + y * 3 + k * 11 + 101) % 256;
        image.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return image;
  }

  static List<BufferedImage> images() {
    return List.of(image(0), image(1), image(2));
  }

  /** PyTorch's outputs for the three images, normalised as the embedder normalises them. */
  static List<float[]> expected() throws IOException {
    List<float[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(fixture("tiny-expected.txt"))) {
      String[] parts = line.trim().split(" ");
      float[] row = new float[parts.length];
      for (int i = 0; i < row.length; i++) {
        row[i] = Float.parseFloat(parts[i]);
      }
      rows.add(Vectors.normalise(row));
    }
    return rows;
  }

  private static void assertMatchesPyTorch(float[][] got) throws IOException {
    List<float[]> expected = expected();
    assertEquals(expected.size(), got.length);
    for (int i = 0; i < got.length; i++) {
      assertEquals(6, got[i].length);
      for (int j = 0; j < 6; j++) {
        assertEquals(expected.get(i)[j], got[i][j], 1e-5, "image " + i + " value " + j);
      }
    }
  }

  @Test
  void embeddingsAreTheNetworksFlattenedOutputAsInPyTorchNormalised() throws IOException {
    try (OnnxEmbedder embedder = OnnxEmbedder.load(fixture("tiny.onnx"), SPEC)) {
      assertEquals(6, embedder.dimension(), "an N x 2 x 3 output flattened");
      assertTrue(embedder.name().matches("onnx-[0-9a-f]{12}-v1"), embedder.name());
      assertMatchesPyTorch(embedder.embedImages(images(), RecordingProgress.neverCancelled()));
    }
  }

  @Test
  void imageFilesGiveTheSameVectors() throws IOException {
    List<Path> files = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      Path file = dir.resolve("image-" + k + ".png");
      ImageIO.write(image(k), "png", file.toFile());
      files.add(file);
    }
    try (Embedder embedder = Embedders.byName("onnx:" + fixture("tiny.onnx"), SPEC)) {
      assertMatchesPyTorch(embedder.embed(files, RecordingProgress.neverCancelled()));
    }
  }

  @Test
  void aNetworkExportedWithAFixedBatchGetsFullPaddedBatches() throws IOException {
    try (OnnxEmbedder embedder = OnnxEmbedder.load(fixture("tiny-batch2.onnx"), SPEC)) {
      assertMatchesPyTorch(embedder.embedImages(images(), RecordingProgress.neverCancelled()));
      float[][] one = embedder.embedImages(List.of(image(1)), RecordingProgress.neverCancelled());
      for (int j = 0; j < 6; j++) {
        assertEquals(expected().get(1)[j], one[0][j], 1e-5, "one image, value " + j);
      }
    }
  }

  @Test
  void theNameChangesWithTheInputSpec() {
    InputSpec other =
        new InputSpec(10, 12, 3, new float[] {0.5f, 0.4f, 0.3f}, new float[] {0.2f, 0.2f, 0.3f});
    try (OnnxEmbedder a = OnnxEmbedder.load(fixture("tiny.onnx"), SPEC);
        OnnxEmbedder b = OnnxEmbedder.load(fixture("tiny.onnx"), other)) {
      assertNotEquals(a.name(), b.name());
    }
  }

  @Test
  void pyTorchStaysTheDefaultEngine() {
    try (OnnxEmbedder embedder = OnnxEmbedder.load(fixture("tiny.onnx"), SPEC)) {
      assertTrue(
          Engine.getAllEngines().contains(OnnxSetup.ENGINE), Engine.getAllEngines().toString());
      assertEquals(TorchEngine.ENGINE, Engine.getDefaultEngineName());
      assertEquals(TorchEngine.ENGINE, Engine.getInstance().getEngineName());
    }
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nothing.onnx");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OnnxEmbedder.load(missing, SPEC));
    assertEquals("no ONNX file at " + missing, e.getMessage());
  }

  @Test
  void aFileThatIsNotOnnxIsRefusedNamingItAndTheReason() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.onnx"), "not a model");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OnnxEmbedder.load(notes, SPEC));
    assertTrue(
        e.getMessage().startsWith(notes + " is not an ONNX model that ONNX Runtime 1."),
        e.getMessage());
    assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    assertTrue(e.getMessage().toLowerCase().contains("protobuf"), e.getMessage());
  }

  @Test
  void aTruncatedFileIsRefused() throws IOException {
    byte[] whole = Files.readAllBytes(fixture("tiny.onnx"));
    Path half = Files.write(dir.resolve("half.onnx"), Arrays.copyOf(whole, whole.length / 2));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OnnxEmbedder.load(half, SPEC));
    assertTrue(e.getMessage().startsWith(half + " is not an ONNX model"), e.getMessage());
  }

  @Test
  void aNetworkWithTwoOutputsIsRefused() {
    Path file = fixture("two-outputs.onnx");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OnnxEmbedder.load(file, SPEC));
    assertEquals(
        file
            + " returns 2 outputs [a, b]; an image embedder needs a network with one output"
            + " (the embedding)",
        e.getMessage());
  }

  @Test
  void aNetworkThatTakesNoImageBatchIsRefused() {
    Path file = fixture("flat-input.onnx");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OnnxEmbedder.load(file, SPEC));
    assertEquals(
        file
            + " takes input 'image' of shape [N, 360]; an image embedder feeds a batch"
            + " N x C x H x W (here N x 3x12x10)",
        e.getMessage());
  }

  @Test
  void anInputSpecThatDoesNotFitTheNetworkIsRefusedWithTheSettingsThatWould() {
    Path file = fixture("tiny.onnx");
    InputSpec gray = InputSpec.withDefaults(12, 12, 1, null, null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OnnxEmbedder.load(file, gray));
    assertEquals(
        file
            + " takes input 'image' of shape [N, 3, 12, 10] (N x C x H x W) but the input spec"
            + " gives N x 1x12x12; describe the model's input instead (on the command line:"
            + " --channels 3 --input-size 10x12)",
        e.getMessage());
  }

  @Test
  void byNameWantsAPath() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Embedders.byName("onnx:"));
    assertEquals("onnx: needs a file path, e.g. onnx:model.onnx", e.getMessage());
  }
}
