package org.databoost.imaging;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A decoded image: the header's {@link ImageInfo} (full size), the pixels (possibly subsampled, so
 * smaller than the info says) and any warnings the reader raised while still producing pixels.
 */
public record DecodedImage(ImageInfo info, BufferedImage image, List<String> warnings) {
  public DecodedImage {
    warnings = List.copyOf(warnings);
  }
}
