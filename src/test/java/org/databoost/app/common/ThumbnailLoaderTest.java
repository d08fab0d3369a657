package org.databoost.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The test thread plays the UI thread: it makes the requests and runs what is handed over. */
class ThumbnailLoaderTest {
  private final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
  private final List<String> decoded = Collections.synchronizedList(new ArrayList<>());

  private ThumbnailLoader<String> loader(long budget, long settleMillis) {
    return new ThumbnailLoader<>(
        key -> {
          decoded.add(key);
          return key.toUpperCase(Locale.ROOT);
        },
        picture -> 10,
        budget,
        settleMillis,
        ui::add);
  }

  /**
   * Decodes as {@link #loader} does, but holds the decode of {@code key}: says when it started,
   * then waits for {@code go}.
   */
  private java.util.function.Function<String, String> holding(
      String key, CountDownLatch started, CountDownLatch go) {
    return k -> {
      decoded.add(k);
      if (k.equals(key)) {
        started.countDown();
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return k.toUpperCase(Locale.ROOT);
    };
  }

  private void pumpUntil(BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("not handed over in time; decoded " + decoded);
      }
      Runnable r = ui.poll(10, TimeUnit.MILLISECONDS);
      if (r != null) {
        r.run();
      }
    }
  }

  @Test
  void aRequestReplacedBeforeItSettlesIsNeverDecoded() throws Exception {
    ThumbnailLoader<String> loader = loader(1000, 300);
    List<String> shown = new ArrayList<>();
    ThumbnailLoader<String>.Slot slot = loader.slot(shown::add);
    slot.request("a"); // a tile scrolled past at once
    slot.request("b");
    pumpUntil(() -> shown.contains("B"));
    assertEquals(List.of("b"), decoded);
    assertEquals(List.of("B"), shown.subList(shown.size() - 1, shown.size()));
    assertTrue(!shown.contains("A"));
  }

  @Test
  void aCachedPictureShowsAtOnceWithoutDecodingAgain() throws Exception {
    ThumbnailLoader<String> loader = loader(1000, 0);
    List<String> shown = new ArrayList<>();
    ThumbnailLoader<String>.Slot slot = loader.slot(shown::add);
    slot.request("a");
    pumpUntil(() -> shown.contains("A"));
    slot.request(null);
    slot.request("a");
    assertEquals("A", shown.get(shown.size() - 1), "shown before any hand-over");
    assertEquals(List.of("a"), decoded);
  }

  @Test
  void theCacheStaysWithinItsBudgetDroppingTheLeastRecentlyShown() throws Exception {
    ThumbnailLoader<String> loader = loader(25, 0);
    List<String> shown = new ArrayList<>();
    ThumbnailLoader<String>.Slot slot = loader.slot(shown::add);
    for (String key : List.of("a", "b", "c")) {
      slot.request(key);
      String picture = key.toUpperCase(Locale.ROOT);
      pumpUntil(() -> shown.contains(picture));
    }
    assertEquals(2, loader.cachedCount());
    assertEquals(20, loader.cachedBytes());
    slot.request("b");
    assertEquals("B", shown.get(shown.size() - 1), "kept");
    slot.request("a");
    assertEquals(null, shown.get(shown.size() - 1), "dropped: decoded again");
    pumpUntil(() -> decoded.size() == 4);
    assertEquals(List.of("a", "b", "c", "a"), decoded);
  }

  @Test
  void aPictureThatLeavesTheCacheOrComesTooLateIsReleasedOnce() throws Exception {
    List<String> released = new ArrayList<>();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch go = new CountDownLatch(1);
    ThumbnailLoader<String> loader =
        new ThumbnailLoader<>(
            holding("late", started, go), picture -> 10, 25, 0, ui::add, released::add);
    List<String> shown = new ArrayList<>();
    ThumbnailLoader<String>.Slot slot = loader.slot(shown::add);
    for (String key : List.of("a", "b", "c")) {
      slot.request(key);
      String picture = key.toUpperCase(Locale.ROOT);
      pumpUntil(() -> shown.contains(picture));
    }
    assertEquals(List.of("A"), released, "the least recently shown left the cache");
    slot.request("late");
    assertTrue(started.await(10, TimeUnit.SECONDS));
    loader.clear(); // e.g. the tile size changed while "late" was being decoded
    assertEquals(List.of("A", "B", "C"), released, "a clear releases every cached picture");
    go.countDown();
    pumpUntil(() -> released.contains("LATE"));
    assertEquals(List.of("A", "B", "C", "LATE"), released, "decoded for a cleared cache");
    assertEquals(0, loader.cachedCount());
    assertTrue(!shown.contains("LATE"));
  }

  @Test
  void theNewestRequestIsDecodedFirstAndAMovedOnSlotIsNotShownTheOldPicture() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ThumbnailLoader<String> loader =
        new ThumbnailLoader<>(holding("first", started, release), picture -> 10, 1000, 0, ui::add);
    List<String> firstShown = new ArrayList<>();
    ThumbnailLoader<String>.Slot first = loader.slot(firstShown::add);
    first.request("first");
    assertTrue(started.await(10, TimeUnit.SECONDS));
    List<String> others = new ArrayList<>();
    for (String key : List.of("x", "y", "z")) {
      loader.slot(others::add).request(key);
    }
    first.request("moved"); // the tile now shows another image; the decode under way is stale
    release.countDown();
    pumpUntil(() -> others.size() == 6 && firstShown.contains("MOVED"));
    assertEquals(List.of("first", "moved", "z", "y", "x"), decoded);
    assertTrue(!firstShown.contains("FIRST"), "the stale picture is not shown: " + firstShown);
    assertEquals(5, loader.cachedCount(), "but it is cached");
  }
}
