package org.databoost.boost;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.databoost.dataset.ImageEntry;
import org.databoost.imaging.augment.Augmentation;
import org.databoost.imaging.augment.Augmenter;
import org.databoost.imaging.augment.InkImage;
import org.databoost.task.Progress;

/**
 * Regenerates chosen candidates as image files' bytes: the candidate's augmentation applied to its
 * source image at up to {@value #WRITE_SIDE} pixels (the source's own size when smaller), encoded
 * as 8-bit gray PNG. The same candidate always gives the same bytes.
 */
public final class CandidateRenderer {
  /** Longer side, at most, of a written candidate. */
  public static final int WRITE_SIDE = 256;

  public static final String STAGE = "Rendering chosen candidates";

  /** A rendered candidate. */
  public record Rendered(int candidate, ImageEntry source, Augmentation augmentation, byte[] png) {}

  private final Augmenter augmenter;

  public CandidateRenderer(Augmenter augmenter) {
    this.augmenter = augmenter;
  }

  /** Renders candidates in the given order (in parallel; the result order is the input order). */
  public List<Rendered> render(
      Path root, CandidatePool pool, List<Integer> candidates, Progress progress) {
    Map<Integer, InkImage> sources = new ConcurrentHashMap<>();
    Rendered[] out = new Rendered[candidates.size()];
    AtomicInteger done = new AtomicInteger();
    progress.update(STAGE, 0, out.length);
    IntStream.range(0, out.length)
        .parallel()
        .forEach(
            i -> {
              progress.checkCancelled();
              int c = candidates.get(i);
              int s = pool.sourceIndex(c);
              ImageEntry entry = pool.sources().get(s);
              InkImage plane =
                  sources.computeIfAbsent(
                      s, x -> InkImage.of(PoolGenerator.decode(root, entry), WRITE_SIDE));
              Augmentation a = pool.augmentation(augmenter, c);
              out[i] = new Rendered(c, entry, a, augmenter.apply(plane, a).toPng());
              progress.update(STAGE, done.incrementAndGet(), out.length);
            });
    return new ArrayList<>(List.of(out));
  }
}
