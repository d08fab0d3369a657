package org.databoost.dataset;

import java.nio.file.Path;
import java.util.Optional;
import org.databoost.imaging.ImageDecoder;
import org.databoost.imaging.ImageReadException;

/**
 * The scan's check of one file that is about to be added to a dataset: it must decode as an image
 * (subsampled, as the scan decodes it) and its header must not claim more pixels than the scan
 * accepts, so that a text file named .png or a decompression bomb is refused at the door.
 */
public final class NewFileCheck {
  private NewFileCheck() {}

  /** Empty when the scan would accept the file; otherwise why it would not. */
  public static Optional<String> problem(Path file) {
    ScanOptions options = ScanOptions.defaults();
    try {
      ImageDecoder.read(file, options.verifySide(), options.maxPixels());
      return Optional.empty();
    } catch (ImageReadException e) {
      return Optional.of(e.getMessage());
    } catch (RuntimeException e) {
      return Optional.of("cannot be decoded (" + e + ")");
    }
  }
}
