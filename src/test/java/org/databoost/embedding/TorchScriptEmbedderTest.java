package org.databoost.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny network scripted by the system's Python PyTorch, run here and there on the same input. */
class TorchScriptEmbedderTest {
  private static final String PYTHON = "/usr/bin/python3";

  /** Scripts the network to argv[1]; then reads inputs (one per line) and writes its outputs. */
  private static final String SCRIPT =
      String.join(
          "\n",
          "import sys, torch",
          "torch.manual_seed(7)",
          "class Tiny(torch.nn.Module):",
          "    def __init__(self):",
          "        super().__init__()",
          "        self.conv = torch.nn.Conv2d(3, 4, 3, stride=2)",
          "        self.pool = torch.nn.AdaptiveAvgPool2d(2)",
          "    def forward(self, x):",
          "        return self.pool(torch.tanh(self.conv(x)))",
          "m = torch.jit.script(Tiny().eval())",
          "m.save(sys.argv[1])",
          "rows = [[float(v) for v in l.split()] for l in open(sys.argv[2])]",
          "x = torch.tensor(rows).reshape(len(rows), 3, 12, 10)",
          "with torch.no_grad():",
          "    y = m(x).reshape(len(rows), -1)",
          "open(sys.argv[3], 'w').write('\\n'.join(' '.join(repr(float(v)) for v in r) for r in y))",
          "");

  private static final InputSpec SPEC =
      new InputSpec(10, 12, 3, new float[] {0.5f, 0.4f, 0.3f}, new float[] {0.2f, 0.25f, 0.3f});

  @TempDir Path dir;

  private static boolean pythonHasTorch() {
    try {
      Process p =
          new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static List<BufferedImage> images() {
    return List.of(
        RawPixelEmbedderTest.bar(40, 30, 5, 12),
        RawPixelEmbedderTest.bar(17, 23, 2, 15),
        RawPixelEmbedderTest.bar(9, 9, 3, 4));
  }

  @Test
  void embeddingsAreTheNetworksFlattenedOutputAsInPythonNormalised() throws Exception {
    assumeTrue(pythonHasTorch(), "no PyTorch for " + PYTHON);
    List<BufferedImage> images = images();
    StringBuilder inputs = new StringBuilder();
    for (BufferedImage image : images) {
      for (float v : SPEC.of(image)) {
        inputs.append(v).append(' ');
      }
      inputs.append('\n');
    }
    Path model = dir.resolve("tiny.pt");
    Path in = Files.writeString(dir.resolve("inputs.txt"), inputs);
    Path out = dir.resolve("outputs.txt");
    Path script = Files.writeString(dir.resolve("tiny.py"), SCRIPT);
    Process p =
        new ProcessBuilder(
                PYTHON, script.toString(), model.toString(), in.toString(), out.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, log);
    List<float[]> expected = new ArrayList<>();
    for (String line : Files.readAllLines(out)) {
      String[] parts = line.trim().split(" ");
      float[] row = new float[parts.length];
      for (int i = 0; i < row.length; i++) {
        row[i] = Float.parseFloat(parts[i]);
      }
      expected.add(Vectors.normalise(row));
    }

    try (TorchScriptEmbedder embedder = TorchScriptEmbedder.load(model, SPEC)) {
      assertEquals(16, embedder.dimension());
      assertTrue(embedder.name().matches("torchscript-[0-9a-f]{12}-v1"), embedder.name());
      float[][] got = embedder.embedImages(images, RecordingProgress.neverCancelled());
      for (int i = 0; i < images.size(); i++) {
        for (int j = 0; j < 16; j++) {
          assertEquals(expected.get(i)[j], got[i][j], 1e-5, "image " + i + " value " + j);
        }
      }
    }
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nothing.pt");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TorchScriptEmbedder.load(missing, SPEC));
    assertEquals("no TorchScript file at " + missing, e.getMessage());
  }

  @Test
  void aFileThatIsNotTorchScriptIsRefusedClearly() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.pt"), "not a model");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TorchScriptEmbedder.load(notes, SPEC));
    assertTrue(e.getMessage().startsWith(notes + " is not a TorchScript file"), e.getMessage());
    assertTrue(e.getMessage().contains("torch.jit.script"), e.getMessage());
  }

  @Test
  void byNameLoadsATorchScriptPath() {
    Path missing = dir.resolve("gone.pt");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Embedders.byName("torchscript:" + missing));
    assertEquals("no TorchScript file at " + missing, e.getMessage());
  }
}
