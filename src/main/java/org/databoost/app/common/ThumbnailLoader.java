package org.databoost.app.common;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thumbnails for views that recycle their cells while they scroll (the gallery of 100K images). A
 * cell's {@link Slot} asks for the picture it shows now; one background thread decodes, newest
 * request first, and only what is still wanted:
 *
 * <ul>
 *   <li>a request is read only once its slot has kept it for {@link #settleNanos} (a page of tiles
 *       scrolled past within a frame or two is never read, so a fast scroll decodes nothing until
 *       it slows down);
 *   <li>a request its slot has moved on from is dropped unread, and a decode whose slot moved on
 *       meanwhile is cached but not shown;
 *   <li>finished pictures reach the UI thread in batches, one hand-over for all that are ready;
 *   <li>decoded pictures are kept in a cache bounded by their bytes, least recently shown out
 *       first;
 *   <li>a picture that leaves the cache, or is decoded and no longer welcome, is handed to the
 *       release hook, so that its memory can serve the next decode.
 * </ul>
 *
 * Requests, the cache and the slots' pictures are touched on the UI thread only; the thread that
 * decodes stops after a few idle seconds and starts again on the next request.
 *
 * @param <T> the decoded picture
 */
public final class ThumbnailLoader<T> {
  private static final Logger LOG = LoggerFactory.getLogger(ThumbnailLoader.class);
  private static final long IDLE_MILLIS = 5_000;

  private final Function<String, T> decode;
  private final ToLongFunction<T> bytes;
  private final long budget;
  private final long settleNanos;
  private final Executor ui;
  private final Consumer<T> release;
  private final LinkedHashMap<String, T> cache = new LinkedHashMap<>(256, 0.75f, true);
  private long cached;
  private long generation; // UI thread; a clear() makes older decodes unwelcome in the cache

  private final Object lock = new Object();
  private final List<Slot> waiting = new ArrayList<>(); // oldest request first; under lock
  private Thread worker; // under lock
  private final Queue<Done<T>> done = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean handOverQueued = new AtomicBoolean();

  /**
   * @param decode reads one picture by its key (any thread; may block; null when unreadable)
   * @param bytes what a picture costs in memory
   * @param budget the most bytes of pictures to keep
   * @param settleMillis how long a slot must keep asking for a picture before it is decoded
   * @param ui runs on the UI thread (Platform::runLater in the app)
   */
  public ThumbnailLoader(
      Function<String, T> decode,
      ToLongFunction<T> bytes,
      long budget,
      long settleMillis,
      Executor ui) {
    this(decode, bytes, budget, settleMillis, ui, picture -> {});
  }

  /**
   * @param release takes a picture that no view will be given again (on the UI thread): one that
   *     left the cache, or one decoded for a cache that was cleared meanwhile
   */
  public ThumbnailLoader(
      Function<String, T> decode,
      ToLongFunction<T> bytes,
      long budget,
      long settleMillis,
      Executor ui,
      Consumer<T> release) {
    this.decode = decode;
    this.bytes = bytes;
    this.budget = budget;
    this.settleNanos = settleMillis * 1_000_000;
    this.ui = ui;
    this.release = release;
  }

  /** A place that shows one picture at a time, e.g. one tile of the gallery. */
  public Slot slot(Consumer<T> show) {
    return new Slot(show);
  }

  /** Forgets every decoded picture, e.g. when the thumbnail size or the dataset changes. */
  public void clear() {
    generation++;
    List<T> gone = new ArrayList<>(cache.values());
    cache.clear();
    cached = 0;
    gone.forEach(release);
  }

  /** How many pictures the cache holds. */
  public int cachedCount() {
    return cache.size();
  }

  /** The bytes of the pictures the cache holds. */
  public long cachedBytes() {
    return cached;
  }

  /** One cell's place for a picture; used on the UI thread. */
  public final class Slot {
    private final Consumer<T> show;
    // The key asked for and not shown yet, when it was asked for, and in which generation: written
    // on the UI thread, read by the decoding thread, both under the lock.
    private String wanted;
    private long since;
    private long wantedIn;

    private Slot(Consumer<T> show) {
      this.show = show;
    }

    /**
     * Shows the picture with this key: at once when it is cached, else nothing until it is decoded.
     * A null key shows nothing and asks for nothing.
     */
    public void request(String key) {
      T hit = key == null ? null : cache.get(key);
      synchronized (lock) {
        if (hit == null && key != null && key.equals(wanted) && wantedIn == generation) {
          return; // asked for already; it shows when it is decoded
        }
        waiting.remove(this);
        wanted = null;
        if (hit == null && key != null) {
          wanted = key;
          since = System.nanoTime();
          wantedIn = generation;
          waiting.add(this); // the newest request last
          startWorker();
          lock.notifyAll();
        }
      }
      show.accept(hit);
    }
  }

  private record Done<T>(ThumbnailLoader<T>.Slot slot, String key, T picture, long generation) {}

  private void startWorker() {
    if (worker == null) {
      worker = new Thread(this::work, "databoost-thumbnails");
      worker.setDaemon(true);
      worker.start();
    }
  }

  private void work() {
    while (true) {
      Slot slot;
      String key;
      long gen;
      synchronized (lock) {
        slot = nextSettled();
        if (slot == null) {
          worker = null;
          return;
        }
        key = slot.wanted;
        gen = slot.wantedIn;
      }
      T picture = null;
      try {
        picture = decode.apply(key);
      } catch (RuntimeException e) {
        LOG.debug("Thumbnail {} unreadable", key, e);
      }
      done.add(new Done<>(slot, key, picture, gen));
      if (handOverQueued.compareAndSet(false, true)) {
        ui.execute(this::handOver);
      }
    }
  }

  /**
   * The newest request its slot has kept for the settle time, taken off the list; waits while there
   * are only younger ones. Null after an idle spell. Under the lock.
   */
  private Slot nextSettled() {
    long idleSince = System.nanoTime();
    while (true) {
      long now = System.nanoTime();
      long wait = Long.MAX_VALUE;
      for (int k = waiting.size() - 1; k >= 0; k--) {
        Slot s = waiting.get(k);
        if (s.wanted == null) {
          waiting.remove(k);
          continue;
        }
        long age = now - s.since;
        if (age >= settleNanos) {
          waiting.remove(k);
          return s;
        }
        wait = Math.min(wait, settleNanos - age);
      }
      if (waiting.isEmpty()) {
        long left = IDLE_MILLIS - (now - idleSince) / 1_000_000;
        if (left <= 0) {
          return null;
        }
        wait = left * 1_000_000;
      }
      try {
        lock.wait(Math.max(1, (wait + 999_999) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  /** On the UI thread: caches what was decoded and shows it where it is still wanted. */
  private void handOver() {
    handOverQueued.set(false);
    for (Done<T> d; (d = done.poll()) != null; ) {
      if (d.picture == null) {
        continue;
      }
      if (d.generation != generation) {
        release.accept(d.picture);
        continue;
      }
      put(d.key, d.picture);
      Slot s = d.slot;
      boolean wanted;
      synchronized (lock) {
        wanted = d.key.equals(s.wanted);
        if (wanted) {
          s.wanted = null;
          waiting.remove(s);
        }
      }
      if (wanted) {
        s.show.accept(d.picture);
      }
    }
  }

  private void put(String key, T picture) {
    T old = cache.put(key, picture);
    if (old != null) {
      cached -= bytes.applyAsLong(old);
      if (old != picture) {
        release.accept(old);
      }
    }
    cached += bytes.applyAsLong(picture);
    Iterator<Map.Entry<String, T>> eldest = cache.entrySet().iterator();
    while (cached > budget && cache.size() > 1 && eldest.hasNext()) {
      T out = eldest.next().getValue();
      cached -= bytes.applyAsLong(out);
      eldest.remove();
      release.accept(out);
    }
  }
}
