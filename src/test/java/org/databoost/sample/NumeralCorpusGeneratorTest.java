package org.databoost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.databoost.imaging.ImageDecoder;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumeralCorpusGeneratorTest {
  @TempDir Path tmp;

  @Test
  void writesLabelledNumeralsAndAStoppedRunGoesOnToTheSameFiles() throws Exception {
    NumeralCorpusGenerator g = new NumeralCorpusGenerator(32, 48);
    Path a = tmp.resolve("a");
    assertEquals(40, g.generate(a, 40, 7, 2, Progress.NONE));
    assertEquals("i/00000000.png", NumeralCorpusGenerator.path(0));
    assertEquals("x/00000019.png", NumeralCorpusGenerator.path(19));
    var img = ImageDecoder.decode(a.resolve("iv/00000003.png"), 1024);
    assertTrue(img.getWidth() >= 32 && img.getWidth() <= 48, "" + img.getWidth());

    Path b = tmp.resolve("b");
    g.generate(b, 15, 7, 1, Progress.NONE); // a run that stopped after 15 images
    Files.delete(b.resolve("ii/00000001.png"));
    assertEquals(26, g.generate(b, 40, 7, 2, Progress.NONE));
    for (int i = 0; i < 40; i++) {
      String p = NumeralCorpusGenerator.path(i);
      assertArrayEquals(Files.readAllBytes(a.resolve(p)), Files.readAllBytes(b.resolve(p)), p);
    }
    assertEquals(0, g.generate(b, 40, 7, 2, Progress.NONE));
  }
}
