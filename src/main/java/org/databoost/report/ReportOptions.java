package org.databoost.report;

/**
 * How the workbook is written.
 *
 * @param thumbnailLimit at most this many rows get a picture. Rows are written highest loss first,
 *     so these are the rows most worth looking at; every row gets one when the dataset has no more
 *     images than the limit. Each picture costs memory until the workbook is written (the drawing
 *     part is not streamed), so keep this in the low thousands.
 * @param progressEvery report progress and check for cancellation after this many rows
 */
public record ReportOptions(int thumbnailLimit, int progressEvery) {

  /** 3,000 thumbnails (all of the original competition data), progress every 1,000 rows. */
  public static final ReportOptions DEFAULT = new ReportOptions(3000, 1000);

  public ReportOptions {
    if (thumbnailLimit < 0) {
      throw new IllegalArgumentException("thumbnailLimit must be >= 0, got " + thumbnailLimit);
    }
    if (progressEvery < 1) {
      throw new IllegalArgumentException("progressEvery must be >= 1, got " + progressEvery);
    }
  }

  public ReportOptions withThumbnailLimit(int limit) {
    return new ReportOptions(limit, progressEvery);
  }
}
