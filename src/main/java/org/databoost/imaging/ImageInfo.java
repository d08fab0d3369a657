package org.databoost.imaging;

/** What an image's header says: its real format (from the content) and its size in pixels. */
public record ImageInfo(ImageFormat format, int width, int height) {

  /** The pixel count, as a long because a hostile header may claim billions. */
  public long pixels() {
    return (long) width * height;
  }
}
