package org.databoost.app.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * A decoded thumbnail of the gallery, kept outside the Java heap: its pixels (premultiplied BGRA)
 * sit in a direct buffer that the gallery's pool hands out again once the picture leaves the cache.
 * A tile does not show the picture as an image of its own: it copies the pixels into the one
 * writable image it keeps ({@link #drawInto}), so scrolling makes no new image, and no new texture
 * to draw it with, per picture. (Made per picture, those textures are young objects that outlive a
 * collection or two; copying them was most of the pauses while 100K images scrolled.)
 *
 * @param width the picture's width in pixels (at most the tile size)
 * @param height its height
 * @param pixels width x height premultiplied BGRA pixels from position 0
 */
record TilePixels(int width, int height, ByteBuffer pixels) {

  /** Bytes a picture of this tile size takes, whatever its shape. */
  static int capacity(int size) {
    return 4 * size * size;
  }

  /**
   * Reads and scales one file to fit a square of {@code size} pixels; empty when it is not a
   * readable image. Any thread.
   */
  static TilePixels decode(Path file, int size, Pool pool) {
    Image image;
    try (InputStream in = Files.newInputStream(file)) {
      image = new Image(in, size, size, true, true);
    } catch (IOException e) {
      return null;
    }
    if (image.isError() || image.getPixelReader() == null) {
      return null;
    }
    int w = Math.min(size, (int) image.getWidth());
    int h = Math.min(size, (int) image.getHeight());
    if (w <= 0 || h <= 0) {
      return null;
    }
    ByteBuffer buffer = pool.take(capacity(size));
    image
        .getPixelReader()
        .getPixels(0, 0, w, h, PixelFormat.getByteBgraPreInstance(), buffer, 4 * w);
    buffer.clear();
    return new TilePixels(w, h, buffer);
  }

  /**
   * Copies this picture into a tile's writable image (at least as large) and shows it in the view,
   * cropped to the picture. On the FX thread.
   */
  void drawInto(WritableImage canvas, ImageView view) {
    canvas
        .getPixelWriter()
        .setPixels(0, 0, width, height, PixelFormat.getByteBgraPreInstance(), pixels, 4 * width);
    pixels.clear();
    Rectangle2D shown = view.getViewport();
    if (shown == null || shown.getWidth() != width || shown.getHeight() != height) {
      view.setViewport(new Rectangle2D(0, 0, width, height));
    }
    if (view.getImage() != canvas) {
      view.setImage(canvas);
    }
    view.setVisible(true);
  }

  /**
   * Direct buffers handed back by pictures that left the cache, to be filled by the next decode:
   * the gallery's thumbnails then cost no heap and no new native memory while it scrolls. Keeps at
   * most {@code keepBytes} of idle buffers (another tile size's first to go); the rest are left to
   * the collector. Any thread.
   */
  static final class Pool {
    private final long keepBytes;
    private final Map<Integer, ArrayDeque<ByteBuffer>> idle = new HashMap<>();
    private long idleBytes;

    Pool(long keepBytes) {
      this.keepBytes = keepBytes;
    }

    /** An idle buffer of this capacity, or a new one. */
    synchronized ByteBuffer take(int capacity) {
      ArrayDeque<ByteBuffer> same = idle.get(capacity);
      ByteBuffer b = same == null ? null : same.poll();
      if (b == null) {
        return ByteBuffer.allocateDirect(capacity);
      }
      idleBytes -= capacity;
      b.clear();
      return b;
    }

    /** Hands a buffer back; kept for the next picture of its size while there is room. */
    synchronized void give(ByteBuffer buffer) {
      int capacity = buffer.capacity();
      for (Map.Entry<Integer, ArrayDeque<ByteBuffer>> e : idle.entrySet()) {
        while (idleBytes + capacity > keepBytes
            && e.getKey() != capacity
            && e.getValue().poll() != null) {
          idleBytes -= e.getKey();
        }
      }
      if (idleBytes + capacity <= keepBytes) {
        idle.computeIfAbsent(capacity, c -> new ArrayDeque<>()).push(buffer);
        idleBytes += capacity;
      }
    }

    /** The bytes of the idle buffers. */
    synchronized long idleBytes() {
      return idleBytes;
    }
  }
}
