package org.databoost.embedding;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import org.databoost.imaging.AreaResampler;
import org.databoost.imaging.ImageConverter;

/**
 * How an image becomes the input tensor of a vision network: the whole image squeezed to {@code
 * width x height} by area averaging (aspect not kept), 8-bit RGB or gray, values 0..1, then {@code
 * (value - mean[c]) / std[c]} per channel, planar in channel-height-width order. Transparent pixels
 * are composited onto white (as {@link ImageConverter} does).
 *
 * @param width input width in pixels
 * @param height input height in pixels
 * @param channels 3 (R, G, B) or 1 (gray)
 * @param mean one value per channel, subtracted after scaling to 0..1
 * @param std one positive value per channel, divided by after the mean
 */
public record InputSpec(int width, int height, int channels, float[] mean, float[] std) {
  private static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
  private static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

  public InputSpec {
    if (width < 1 || height < 1 || width * (long) height > 4096 * 4096) {
      throw new IllegalArgumentException(
          "input size must be 1..4096 per side, got " + width + "x" + height);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
    }
    if (mean.length != channels || std.length != channels) {
      throw new IllegalArgumentException(
          "need one mean and one std per channel ("
              + channels
              + "), got "
              + mean.length
              + " and "
              + std.length);
    }
    for (float s : std) {
      if (!(s > 0)) {
        throw new IllegalArgumentException(
            "every std must be positive, got " + Arrays.toString(std));
      }
    }
    mean = mean.clone();
    std = std.clone();
  }

  /** 224x224 RGB with the ImageNet mean and standard deviation (torchvision's convention). */
  public static InputSpec imageNet() {
    return new InputSpec(224, 224, 3, IMAGENET_MEAN, IMAGENET_STD);
  }

  /**
   * A spec with the usual defaults filled in: {@code mean} and {@code std} null give ImageNet's for
   * 3 channels and 0 and 1 (plain 0..1 values) for 1 channel; one value stands for every channel.
   *
   * @throws IllegalArgumentException as the constructor, naming what is wrong
   */
  public static InputSpec withDefaults(
      int width, int height, int channels, float[] mean, float[] std) {
    boolean rgb = channels == 3;
    float[] m = mean != null ? mean : rgb ? IMAGENET_MEAN : new float[] {0f};
    float[] s = std != null ? std : rgb ? IMAGENET_STD : new float[] {1f};
    return new InputSpec(width, height, channels, perChannel(m, channels), perChannel(s, channels));
  }

  private static float[] perChannel(float[] values, int channels) {
    if (values.length == 1 && channels > 1) {
      float[] out = new float[channels];
      Arrays.fill(out, values[0]);
      return out;
    }
    return values;
  }

  /** Values per image. */
  public int length() {
    return channels * width * height;
  }

  @Override
  public float[] mean() {
    return mean.clone();
  }

  @Override
  public float[] std() {
    return std.clone();
  }

  /** The model input of one image; thread-safe. */
  public float[] of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    float[][] planes = channels == 1 ? grayPlane(image) : rgbPlanes(image);
    int plane = width * height;
    float[] out = new float[length()];
    for (int c = 0; c < channels; c++) {
      float[] small = new AreaResampler(planes[c], w, h).resize(width, height);
      for (int i = 0; i < plane; i++) {
        out[c * plane + i] = (small[i] - mean[c]) / std[c];
      }
    }
    return out;
  }

  private static float[][] grayPlane(BufferedImage image) {
    int[] gray = GlyphInput.graySamples(image);
    float[] plane = new float[gray.length];
    for (int i = 0; i < gray.length; i++) {
      plane[i] = gray[i] / 255f;
    }
    return new float[][] {plane};
  }

  private static float[][] rgbPlanes(BufferedImage image) {
    BufferedImage rgb = ImageConverter.toRgb(image);
    int w = rgb.getWidth();
    int h = rgb.getHeight();
    int[] argb = rgb.getRGB(0, 0, w, h, null, 0, w);
    float[][] planes = new float[3][argb.length];
    for (int i = 0; i < argb.length; i++) {
      planes[0][i] = ((argb[i] >> 16) & 0xff) / 255f;
      planes[1][i] = ((argb[i] >> 8) & 0xff) / 255f;
      planes[2][i] = (argb[i] & 0xff) / 255f;
    }
    return planes;
  }

  /** A short stable text of the whole spec, for embedder names (cache keys). */
  String key() {
    StringBuilder b = new StringBuilder();
    b.append(width).append('x').append(height).append('x').append(channels);
    for (int c = 0; c < channels; c++) {
      b.append(String.format(Locale.ROOT, ";%s/%s", mean[c], std[c]));
    }
    return b.toString();
  }
}
