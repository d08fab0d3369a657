package org.databoost.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class BilinearResizeTest {
  /** 7 wide, 5 high: value (r * 7 + c) * 37 mod 255. */
  private static float[] plane() {
    float[] p = new float[35];
    for (int r = 0; r < 5; r++) {
      for (int c = 0; c < 7; c++) {
        p[r * 7 + c] = (r * 7 + c) * 37 % 255;
      }
    }
    return p;
  }

  @Test
  void halvingAveragesEachTwoByTwoBlock() {
    float[] p = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150};
    assertArrayEquals(new float[] {25, 45, 105, 125}, BilinearResize.resize(p, 4, 4, 2, 2), 1e-5f);
  }

  @Test
  void enlargingUsesHalfPixelCentresAndClampsAtTheEdges() {
    // Output x samples (x + 0.5) / 2 - 0.5: -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped).
    assertArrayEquals(
        new float[] {0, 25, 75, 100},
        BilinearResize.resize(new float[] {0, 100}, 2, 1, 4, 1),
        1e-5f);
  }

  @Test
  void shrinkingMatchesPyTorchInterpolate() {
    // F.interpolate(x, size=(3, 4), mode="bilinear", align_corners=False), PyTorch 1.13.
    float[] expected = {
      15.2083f, 79.9583f, 144.7083f, 209.4583f, 21.875f, 86.625f, 151.375f, 216.125f, 28.5417f,
      93.2917f, 158.0417f, 222.7917f
    };
    assertArrayEquals(expected, BilinearResize.resize(plane(), 7, 5, 4, 3), 1e-3f);
  }

  @Test
  void enlargingMatchesPyTorchInterpolate() {
    float[] firstRow = {
      0.0f, 16.8182f, 40.3636f, 63.9091f, 87.4545f, 111.0f, 134.5455f, 158.0909f, 181.6364f,
      205.1818f, 222.0f
    };
    float[] lastRow = {
      16.0f, 32.8182f, 56.3636f, 79.9091f, 103.4545f, 127.0f, 150.5454f, 174.0909f, 197.6364f,
      221.1818f, 238.0f
    };
    float[] out = BilinearResize.resize(plane(), 7, 5, 11, 8);
    float[] first = new float[11];
    float[] last = new float[11];
    System.arraycopy(out, 0, first, 0, 11);
    System.arraycopy(out, 77, last, 0, 11);
    assertArrayEquals(firstRow, first, 1e-3f);
    assertArrayEquals(lastRow, last, 1e-3f);
  }
}
