package org.databoost.dataset;

import java.nio.file.Path;
import org.databoost.imaging.ImageFormat;

/**
 * A usable image of a scanned dataset.
 *
 * @param relativePath where the file is, relative to the dataset root
 * @param split the split it belongs to; for a virtual split (no val/ folder, or label folders only)
 *     this is the assigned split, not the folder the file sits in
 * @param hash the SHA-256 of the file's bytes ({@link ContentHash})
 * @param size the file size in bytes
 * @param lastModifiedMillis the file's modification time, for hash caches
 * @param width the full width in pixels, from the header
 * @param height the full height in pixels, from the header
 * @param format the real format, from the content
 */
public record ImageEntry(
    Path relativePath,
    Split split,
    String label,
    String hash,
    long size,
    long lastModifiedMillis,
    int width,
    int height,
    ImageFormat format) {

  /** The same image assigned to another split. */
  public ImageEntry withSplit(Split newSplit) {
    return new ImageEntry(
        relativePath, newSplit, label, hash, size, lastModifiedMillis, width, height, format);
  }

  /** The relative path with forward slashes. */
  public String displayPath() {
    return PathText.of(relativePath);
  }
}
