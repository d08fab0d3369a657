package org.databoost.imaging;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads PNG, JPEG, BMP and GIF (first frame) files safely: the format comes from the content, the
 * size from the header before any pixel is decoded, and pixels are decoded subsampled so that a
 * decompression bomb (a tiny file claiming 30000 x 30000 pixels) never fills the heap.
 *
 * <p>Subsampling keeps every n-th pixel (nearest neighbour); callers wanting a smooth small image
 * decode at a larger side and scale down themselves.
 */
public final class ImageDecoder {
  /** No pixel-count limit: the side limit alone keeps memory bounded. */
  public static final long NO_PIXEL_LIMIT = Long.MAX_VALUE;

  static {
    // The disk cache only slows small reads down and leaves temporary files behind.
    ImageIO.setUseCache(false);
  }

  private ImageDecoder() {}

  /** Reads the header only: the real format and the full size. */
  public static ImageInfo probe(Path file) throws ImageReadException {
    ImageFormat format = sniff(file);
    try (ImageInputStream in = open(file)) {
      ImageReader reader = readerFor(format);
      try {
        reader.setInput(in, true, true);
        return header(reader, format, file);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** Decodes an image whose sides are at most {@code maxSide} pixels. */
  public static BufferedImage decode(Path file, int maxSide) throws ImageReadException {
    return read(file, maxSide, NO_PIXEL_LIMIT).image();
  }

  /**
   * Decodes an image whose sides are at most {@code maxSide} pixels, refusing before decoding
   * anything when the header claims more than {@code maxPixels} pixels.
   */
  public static DecodedImage read(Path file, int maxSide, long maxPixels)
      throws ImageReadException {
    if (maxSide < 1) {
      throw new IllegalArgumentException("maxSide must be positive: " + maxSide);
    }
    ImageFormat format = sniff(file);
    try (ImageInputStream in = open(file)) {
      ImageReader reader = readerFor(format);
      List<String> warnings = new ArrayList<>();
      try {
        // Not ignoring metadata: the GIF reader needs it to find the first frame's bounds.
        reader.setInput(in, true, false);
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        ImageInfo info = header(reader, format, file);
        if (info.pixels() > maxPixels) {
          throw new ImageReadException(
              ImageReadException.Reason.TOO_LARGE,
              String.format(
                  Locale.ROOT,
                  "too large: %d x %d pixels (the limit is %d megapixels); not decoded",
                  info.width(),
                  info.height(),
                  maxPixels / 1_000_000));
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling(info, maxSide);
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage image = decodeFirstFrame(reader, param, file, format);
        for (String w : warnings) {
          if (w.toLowerCase(Locale.ROOT).contains("premature end")) {
            throw truncated(null);
          }
        }
        return new DecodedImage(info, image, warnings);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** The smallest step that brings both sides down to {@code maxSide} or less. */
  static int subsampling(ImageInfo info, int maxSide) {
    int longest = Math.max(info.width(), info.height());
    return Math.max(1, (longest + maxSide - 1) / maxSide);
  }

  private static ImageFormat sniff(Path file) throws ImageReadException {
    byte[] head = new byte[ImageFormat.SIGNATURE_LENGTH];
    int length;
    try (var in = Files.newInputStream(file)) {
      length = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
    if (length == 0) {
      throw new ImageReadException(ImageReadException.Reason.EMPTY, "empty file (0 bytes)");
    }
    Optional<ImageFormat> format = ImageFormat.sniff(head, length);
    return format.orElseThrow(
        () ->
            new ImageReadException(
                ImageReadException.Reason.NOT_AN_IMAGE,
                "not an image (no PNG/JPEG/BMP/GIF signature)"));
  }

  private static ImageInputStream open(Path file) throws IOException {
    return new FileImageInputStream(file.toFile());
  }

  private static ImageReader readerFor(ImageFormat format) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
    if (!readers.hasNext()) {
      throw new IllegalStateException("the JDK has no ImageIO reader for " + format);
    }
    return readers.next();
  }

  private static ImageInfo header(ImageReader reader, ImageFormat format, Path file)
      throws ImageReadException {
    try {
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width < 1 || height < 1) {
        throw new ImageReadException(
            ImageReadException.Reason.CORRUPT,
            "corrupt: the header gives a size of " + width + " x " + height + " pixels");
      }
      return new ImageInfo(format, width, height);
    } catch (IOException | RuntimeException e) {
      throw decodingFailure(e, file, format);
    }
  }

  private static BufferedImage decodeFirstFrame(
      ImageReader reader, ImageReadParam param, Path file, ImageFormat format)
      throws ImageReadException {
    try {
      return reader.read(0, param);
    } catch (IOException | RuntimeException e) {
      // Readers throw unchecked exceptions on some malformed input; it is still bad data.
      throw decodingFailure(e, file, format);
    }
  }

  private static ImageReadException decodingFailure(Exception e, Path file, ImageFormat format) {
    if (TruncationCheck.endsEarly(file, format)) {
      return truncated(e);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (t instanceof EOFException || m.contains("end of") || m.contains("premature end")) {
        return truncated(e);
      }
    }
    return new ImageReadException(ImageReadException.Reason.CORRUPT, "corrupt: " + describe(e), e);
  }

  private static ImageReadException truncated(Exception cause) {
    return new ImageReadException(
        ImageReadException.Reason.TRUNCATED, "truncated: unexpected end of data", cause);
  }

  /** The innermost message: ImageIO wraps the useful one ("invalid stored block lengths"). */
  private static String describe(Throwable e) {
    String message = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    return message != null ? message : e.getClass().getSimpleName();
  }

  private static ImageReadException unreadable(Path file, IOException e) {
    String why = e instanceof NoSuchFileException ? "the file does not exist" : describe(e);
    return new ImageReadException(
        ImageReadException.Reason.UNREADABLE, "cannot be read: " + why, e);
  }
}
