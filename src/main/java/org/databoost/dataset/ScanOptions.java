package org.databoost.dataset;

import java.util.Objects;

/**
 * How a scan checks images.
 *
 * @param verifySide images are decoded subsampled to at most this many pixels a side to check them
 * @param maxPixels images whose header claims more pixels are refused without decoding
 * @param threads how many files are checked at once (1 checks on the calling thread)
 * @param lister how folders are listed
 */
public record ScanOptions(int verifySide, long maxPixels, int threads, DirectoryLister lister) {
  /** 100 megapixels: far above any real dataset image, far below a decompression bomb. */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  public ScanOptions {
    if (verifySide < 1 || maxPixels < 1 || threads < 1) {
      throw new IllegalArgumentException("verifySide, maxPixels and threads must be positive");
    }
    Objects.requireNonNull(lister, "lister");
  }

  /** Decodes at 256 px, refuses over 100 megapixels, uses up to two threads. */
  public static ScanOptions defaults() {
    int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
    return new ScanOptions(256, DEFAULT_MAX_PIXELS, threads, DirectoryLister.FILES);
  }

  public ScanOptions withThreads(int n) {
    return new ScanOptions(verifySide, maxPixels, n, lister);
  }

  public ScanOptions withMaxPixels(long n) {
    return new ScanOptions(verifySide, n, threads, lister);
  }

  public ScanOptions withLister(DirectoryLister l) {
    return new ScanOptions(verifySide, maxPixels, threads, l);
  }
}
