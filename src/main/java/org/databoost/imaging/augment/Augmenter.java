package org.databoost.imaging.augment;

/**
 * Seeded, bit-reproducible augmentation of ink planes for Data Boosting: a candidate is a source
 * image and a seed, and {@link #apply} regenerates it bit-identically on every call, thread, run
 * and JVM (Java's float arithmetic is exact IEEE 754, the random numbers come from {@link
 * SplitMix}, and sine, cosine and exp from {@link StrictMath}).
 *
 * <p>Order of the transforms: one inverse mapping for rotation, shear, scale, translation and
 * elastic distortion (bilinear, outside = paper); stroke thickening or thinning; blur; brightness
 * and contrast; random erasing and border crop (set to paper); noise; clamp to [0, 1]. Ranges and
 * probabilities are in docs/boost.md.
 *
 * <p>Thread-safe; the only allocation per call is the output plane (scratch buffers are per
 * thread).
 */
public final class Augmenter {
  public static final String VERSION = "aug-v1";

  // Probability and range of each transform at strength 1.
  static final double P_ROTATION = 0.8;
  static final double ROTATION = 12; // degrees, +-
  static final double P_SHEAR = 0.5;
  static final double SHEAR = 0.15; // +-
  static final double P_SCALE = 0.6;
  static final double SCALE = 0.15; // 1 +-
  static final double P_TRANSLATE = 0.6;
  static final double TRANSLATE = 0.06; // of the longer side, +- on each axis
  static final double P_ELASTIC = 0.5;
  static final double ELASTIC_MIN = 0.01; // of the longer side
  static final double ELASTIC_MAX = 0.03;
  static final double P_MORPH = 0.4; // half thicken, half thin
  static final double THICKEN_MIN = 0.3; // pixels of a 64-pixel plane
  static final double THICKEN_MAX = 0.8;
  static final double THIN_MIN = 0.2;
  static final double THIN_MAX = 0.4;
  static final double P_BLUR = 0.3;
  static final double BLUR_MIN = 0.3; // sigma, pixels of a 64-pixel plane
  static final double BLUR_MAX = 0.8;
  static final double P_NOISE = 0.3;
  static final double NOISE_MIN = 0.02;
  static final double NOISE_MAX = 0.06;
  static final double P_CONTRAST = 0.5;
  static final double CONTRAST = 0.2; // 1 +-
  static final double P_BRIGHTNESS = 0.3;
  static final double BRIGHTNESS = 0.1; // +-
  static final double P_ERASE = 0.2;
  static final double ERASE_MIN = 0.06; // side of the rectangle, fraction of the image side
  static final double ERASE_MAX = 0.16;
  static final double P_CROP = 0.2;
  static final double CROP_MIN = 0.01; // of the longer side
  static final double CROP_MAX = 0.05;

  /** Keys the noise apart from the parameter stream and the elastic grid of the same seed. */
  private static final long NOISE_SALT = 0x6a09e667f3bcc909L;

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final AugmentOptions options;

  public Augmenter(AugmentOptions options) {
    this.options = options;
  }

  public AugmentOptions options() {
    return options;
  }

  /**
   * The parameters for a seed: same seed, same parameters, always. Every transform draws its on/off
   * and its values whether or not it is on, so the stream never shifts.
   */
  public Augmentation sample(long seed) {
    SplitMix r = new SplitMix(seed);
    double s = options.strength();
    double rotation = symmetric(r, P_ROTATION, ROTATION * s);
    double shear = symmetric(r, P_SHEAR, SHEAR * s);
    double scale = 1 + symmetric(r, P_SCALE, SCALE * s);
    boolean translate = r.nextDouble() < P_TRANSLATE;
    double tx = r.nextSigned() * TRANSLATE * s;
    double ty = r.nextSigned() * TRANSLATE * s;
    double elastic = between(r, P_ELASTIC, ELASTIC_MIN * s, ELASTIC_MAX * s);
    boolean morph = r.nextDouble() < P_MORPH;
    boolean thicken = r.nextDouble() < 0.5;
    double u = r.nextDouble();
    double amount =
        thicken
            ? THICKEN_MIN + u * (THICKEN_MAX - THICKEN_MIN)
            : -(THIN_MIN + u * (THIN_MAX - THIN_MIN));
    double blur = between(r, P_BLUR, BLUR_MIN * s, BLUR_MAX * s);
    double noise = between(r, P_NOISE, NOISE_MIN * s, NOISE_MAX * s);
    double contrast = 1 + symmetric(r, P_CONTRAST, CONTRAST * s);
    double brightness = symmetric(r, P_BRIGHTNESS, BRIGHTNESS * s);
    boolean erase = r.nextDouble() < P_ERASE;
    double ew = (ERASE_MIN + r.nextDouble() * (ERASE_MAX - ERASE_MIN)) * s;
    double eh = (ERASE_MIN + r.nextDouble() * (ERASE_MAX - ERASE_MIN)) * s;
    double ex = r.nextDouble() * (1 - ew);
    double ey = r.nextDouble() * (1 - eh);
    double crop = between(r, P_CROP, CROP_MIN * s, CROP_MAX * s);
    return new Augmentation(
        seed,
        rotation,
        shear,
        scale,
        translate ? tx : 0,
        translate ? ty : 0,
        elastic,
        morph ? amount * s : 0,
        blur,
        noise,
        contrast,
        brightness,
        erase ? ex : 0,
        erase ? ey : 0,
        erase ? ew : 0,
        erase ? eh : 0,
        crop);
  }

  /** {@code apply(source, sample(seed))}. */
  public InkImage apply(InkImage source, long seed) {
    return apply(source, sample(seed));
  }

  /** The augmented plane, same width and height as the source. */
  public InkImage apply(InkImage source, Augmentation augmentation) {
    float[] out = new float[source.ink().length];
    applyInto(source, augmentation, out);
    return new InkImage(source.width(), source.height(), out);
  }

  /**
   * Renders the augmented plane into {@code out} (at least {@code width * height} long, not the
   * source's array), for callers that reuse one buffer per thread.
   */
  public void applyInto(InkImage source, Augmentation a, float[] out) {
    float[] src = source.ink();
    int w = source.width();
    int h = source.height();
    if (out == src || out.length < src.length) {
      throw new IllegalArgumentException("out must be a separate array of " + src.length);
    }
    Scratch scratch = SCRATCH.get();
    if (a.isGeometricIdentity()) {
      System.arraycopy(src, 0, out, 0, src.length);
    } else {
      Warp.apply(src, out, w, h, a, scratch.grid);
    }
    double pixels = Math.max(w, h) / 64.0; // pixel-scale parameters are given for 64 pixels
    if (a.morph() != 0) {
      Morphology.apply(out, w, h, a.morph() * pixels, scratch.plane(src.length));
    }
    if (a.blur() > 0) {
      double sigma = a.blur() * pixels;
      GaussianBlur.apply(
          out,
          w,
          h,
          sigma,
          scratch.plane(src.length),
          scratch.kernel(GaussianBlur.kernelLength(sigma)));
    }
    // Always: rounding in the bilinear and blur sums can leave values a few ulps below zero.
    finish(out, w, h, a);
  }

  /**
   * Brightness, contrast, erase, crop, noise and the clamp, in one pass; exact (v * 1 + 0) for the
   * parameters that are off.
   */
  private static void finish(float[] out, int w, int h, Augmentation a) {
    float contrast = (float) a.contrast();
    float bump = (float) (4 * a.brightness());
    float noise = (float) a.noise();
    long noiseKey = SplitMix.mix64(a.seed() ^ NOISE_SALT);
    double band = a.crop() * Math.max(w, h);
    int cropX0 = firstCentreAtOrAfter(band, w);
    int cropX1 = firstCentreAtOrAfter(w - band, w);
    int cropY0 = firstCentreAtOrAfter(band, h);
    int cropY1 = firstCentreAtOrAfter(h - band, h);
    int eraseX0 = 0;
    int eraseX1 = 0;
    int eraseY0 = 0;
    int eraseY1 = 0;
    if (a.erases()) {
      eraseX0 = firstCentreAtOrAfter(a.eraseX() * w, w);
      eraseX1 = firstCentreAtOrAfter((a.eraseX() + a.eraseWidth()) * w, w);
      eraseY0 = firstCentreAtOrAfter(a.eraseY() * h, h);
      eraseY1 = firstCentreAtOrAfter((a.eraseY() + a.eraseHeight()) * h, h);
    }
    for (int y = 0; y < h; y++) {
      boolean paperRow = y < cropY0 || y >= cropY1;
      boolean erasedRow = y >= eraseY0 && y < eraseY1;
      int base = y * w;
      for (int x = 0; x < w; x++) {
        int i = base + x;
        float v;
        if (paperRow || x < cropX0 || x >= cropX1 || (erasedRow && x >= eraseX0 && x < eraseX1)) {
          v = 0;
        } else {
          v = out[i];
          v = contrast * (v + bump * v * (1 - v));
        }
        if (noise > 0) {
          long bits = SplitMix.mix64(noiseKey + i * SplitMix.GOLDEN);
          // Sum of two 24-bit uniforms: triangular on [-1, 1], no tail beyond the amplitude.
          int sum = (int) (bits >>> 40) + (int) ((bits >>> 16) & 0xffffff);
          v += noise * (sum * 0x1p-24f - 1f);
        }
        out[i] = v < 0 ? 0 : (v > 1 ? 1 : v);
      }
    }
  }

  /** The first pixel index whose centre (i + 0.5) is at or after {@code edge}, within 0..n. */
  private static int firstCentreAtOrAfter(double edge, int n) {
    double i = Math.ceil(edge - 0.5);
    return (int) Math.max(0, Math.min(n, i));
  }

  /** With probability {@code p} uniform in [-range, range), else 0. */
  private static double symmetric(SplitMix r, double p, double range) {
    boolean on = r.nextDouble() < p;
    double v = r.nextSigned() * range;
    return on ? v : 0;
  }

  /** With probability {@code p} uniform in [lo, hi), else 0. */
  private static double between(SplitMix r, double p, double lo, double hi) {
    boolean on = r.nextDouble() < p;
    double v = lo + r.nextDouble() * (hi - lo);
    return on ? v : 0;
  }

  /** Per-thread buffers, grown on demand. */
  private static final class Scratch {
    final double[] grid = new double[2 * Warp.GRID * Warp.GRID + 2 * Warp.GRID];
    private float[] plane = new float[64 * 64];
    private float[] kernel = new float[16];

    float[] plane(int length) {
      if (plane.length < length) {
        plane = new float[length];
      }
      return plane;
    }

    float[] kernel(int length) {
      if (kernel.length < length) {
        kernel = new float[length];
      }
      return kernel;
    }
  }
}
