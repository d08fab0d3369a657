package org.databoost.training;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import org.databoost.imaging.ImageDecoder;
import org.databoost.imaging.ImageReadException;

/**
 * Turns an image file into the fixed model's input: RGB, resized to 32x32 (Keras bilinear), caffe
 * preprocessing (RGB to BGR, ImageNet channel means subtracted, no scaling), as a planar {@code
 * float[3 * 32 * 32]} in channel-height-width order.
 *
 * <p>This is the only place where training reads image files, through the safe decoder of {@code
 * org.databoost.imaging} once that exists.
 *
 * <p>Colour conversion follows Pillow's {@code convert("RGB")}, which the reference uses: 8-bit
 * grey is replicated into three channels, palettes are looked up, alpha is dropped (not
 * composited). Two documented deviations: 16-bit grey is reduced to 8 bits by dropping the low byte
 * (as TensorFlow's decoder did for the Keras original; Pillow would clip at 255), and 1, 2 and
 * 4-bit grey is stretched to 0..255.
 */
public final class ImageTensors {
  /** Side of the square model input, in pixels. */
  public static final int SIZE = 32;

  /** Values per image: 3 channels of {@code SIZE x SIZE}. */
  public static final int LENGTH = 3 * SIZE * SIZE;

  /** Caffe means in B, G, R order (Keras {@code resnet.preprocess_input}). */
  private static final float[] MEAN_BGR = {103.939f, 116.779f, 123.68f};

  private ImageTensors() {}

  /** Reads, converts and preprocesses one image file. */
  public static float[] read(Path file) throws IOException {
    return toModelInput(decodeRgb(file));
  }

  /** Converts and preprocesses an already decoded image (as {@link #read} does after decoding). */
  public static float[] of(BufferedImage image) {
    return toModelInput(toRgb(image));
  }

  /** Three planes (R, G, B) of 0..255 values, row-major. */
  record RgbPlanes(int width, int height, float[] red, float[] green, float[] blue) {}

  /** Resizes and applies caffe preprocessing to decoded RGB planes. */
  static float[] toModelInput(RgbPlanes rgb) {
    float[][] bgr = {rgb.blue(), rgb.green(), rgb.red()};
    float[] out = new float[LENGTH];
    int plane = SIZE * SIZE;
    for (int c = 0; c < 3; c++) {
      float[] resized = BilinearResize.resize(bgr[c], rgb.width(), rgb.height(), SIZE, SIZE);
      for (int i = 0; i < plane; i++) {
        out[c * plane + i] = resized[i] - MEAN_BGR[c];
      }
    }
    return out;
  }

  /**
   * Largest side decoded at full resolution. Real images are far smaller, so they are read whole,
   * as the Keras original did; a decompression bomb is read subsampled instead of exhausting
   * memory.
   */
  static final int MAX_SIDE = 4096;

  /** Decodes an image file to RGB planes, converting like Pillow's {@code convert("RGB")}. */
  static RgbPlanes decodeRgb(Path file) throws IOException {
    try {
      return toRgb(ImageDecoder.decode(file, MAX_SIDE));
    } catch (ImageReadException e) {
      throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  static RgbPlanes toRgb(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    ColorModel cm = image.getColorModel();
    boolean grey =
        !(cm instanceof IndexColorModel) && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    if (grey) {
      // Raw samples: getRGB would apply Java's linear-grey to sRGB gamma curve and brighten them.
      Raster raster = image.getRaster();
      int[] samples = raster.getSamples(0, 0, w, h, 0, (int[]) null);
      int bits = cm.getComponentSize(0);
      float[] v = new float[samples.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = to8Bits(samples[i], bits);
      }
      return new RgbPlanes(w, h, v, v, v);
    }
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    float[] r = new float[argb.length];
    float[] g = new float[argb.length];
    float[] b = new float[argb.length];
    for (int i = 0; i < argb.length; i++) {
      r[i] = (argb[i] >> 16) & 0xff;
      g[i] = (argb[i] >> 8) & 0xff;
      b[i] = argb[i] & 0xff;
    }
    return new RgbPlanes(w, h, r, g, b);
  }

  private static int to8Bits(int sample, int bits) {
    if (bits == 8) {
      return sample;
    }
    if (bits > 8) {
      return sample >>> (bits - 8);
    }
    return Math.round(sample * 255f / ((1 << bits) - 1));
  }
}
