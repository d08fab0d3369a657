package org.databoost.imaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The image formats Databoost reads, recognised by the first bytes of a file. */
public enum ImageFormat {
  PNG("png"),
  JPEG("jpeg"),
  BMP("bmp"),
  GIF("gif");

  /** How many leading bytes {@link #sniff} needs to tell every format apart. */
  public static final int SIGNATURE_LENGTH = 8;

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private static final byte[] GIF87A = "GIF87a".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GIF89A = "GIF89a".getBytes(StandardCharsets.US_ASCII);

  private final String readerName;

  ImageFormat(String readerName) {
    this.readerName = readerName;
  }

  /** The ImageIO format name whose reader decodes this format. */
  public String readerName() {
    return readerName;
  }

  /** Whether a lower-case file extension is one this format is usually saved with. */
  public boolean matchesExtension(String extension) {
    return switch (this) {
      case PNG -> extension.equals("png");
      case JPEG -> extension.equals("jpg") || extension.equals("jpeg");
      case BMP -> extension.equals("bmp");
      case GIF -> extension.equals("gif");
    };
  }

  /**
   * The format whose signature starts {@code head} (of which only the first {@code length} bytes
   * are valid). Deliberately stricter than ImageIO's own detection, which also accepts formats such
   * as WBMP whose readers take almost any bytes for an image.
   */
  public static Optional<ImageFormat> sniff(byte[] head, int length) {
    if (startsWith(head, length, PNG_SIGNATURE)) {
      return Optional.of(PNG);
    }
    if (length >= 3
        && (head[0] & 0xff) == 0xff
        && (head[1] & 0xff) == 0xd8
        && (head[2] & 0xff) == 0xff) {
      return Optional.of(JPEG);
    }
    if (startsWith(head, length, GIF87A) || startsWith(head, length, GIF89A)) {
      return Optional.of(GIF);
    }
    if (length >= 2 && head[0] == 'B' && head[1] == 'M') {
      return Optional.of(BMP);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] head, int length, byte[] signature) {
    if (length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if (head[i] != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
