package org.databoost.autopilot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.databoost.dataset.Split;
import org.databoost.imaging.ImageDecoder;
import org.databoost.imaging.ImageReadException;
import org.databoost.imaging.augment.AugmentOptions;
import org.databoost.imaging.augment.Augmentation;
import org.databoost.imaging.augment.Augmenter;
import org.databoost.imaging.augment.InkImage;
import org.databoost.task.Progress;
import org.databoost.workspace.NewImage;

/**
 * Renders step e's images: the source's ink plane (at its own size, at most {@value #SIDE} pixels),
 * mirrored if planned, then a moderate geometric augmentation — rotation, shear, scale and
 * translation only: the winners found that stroke morphology and very strong augmentation did not
 * help. The same plan renders the same pixels every time.
 */
final class FillRenderer {
  static final int SIDE = 256;
  static final String STAGE = "Rendering the fill images";

  private final Augmenter augmenter = new Augmenter(AugmentOptions.defaults());
  private final double rotation;

  FillRenderer(double rotation) {
    this.rotation = rotation;
  }

  /** The augmentation of a fill image, drawn from its seed. */
  Augmentation augmentation(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double rot = r.nextDouble() < 0.9 ? (2 * r.nextDouble() - 1) * rotation : 0;
    double shear = r.nextDouble() < 0.5 ? (2 * r.nextDouble() - 1) * 0.15 : 0;
    double scale = r.nextDouble() < 0.6 ? 1 + (2 * r.nextDouble() - 1) * 0.15 : 1;
    boolean move = r.nextDouble() < 0.6;
    double tx = move ? (2 * r.nextDouble() - 1) * 0.08 : 0;
    double ty = move ? (2 * r.nextDouble() - 1) * 0.08 : 0;
    return new Augmentation(seed, rot, shear, scale, tx, ty, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0);
  }

  /** The images in the order of the items; each source is decoded once. */
  List<NewImage> render(Path root, List<FillPlan.FillItem> items, Progress progress) {
    Map<String, List<Integer>> bySource = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      bySource.computeIfAbsent(items.get(i).source().path(), p -> new ArrayList<>()).add(i);
    }
    NewImage[] out = new NewImage[items.size()];
    AtomicInteger done = new AtomicInteger();
    progress.update(STAGE, 0, out.length);
    new ArrayList<>(bySource.entrySet())
        .parallelStream()
            .forEach(
                e -> {
                  progress.checkCancelled();
                  InkImage plane = InkImage.of(decode(root, e.getKey()), SIDE);
                  for (int i : e.getValue()) {
                    out[i] = render(plane, items.get(i));
                    progress.update(STAGE, done.incrementAndGet(), out.length);
                  }
                });
    return new ArrayList<>(List.of(out));
  }

  private NewImage render(InkImage plane, FillPlan.FillItem item) {
    Augmentation a = augmentation(item.seed());
    byte[] png = augmenter.apply(item.flip().apply(plane), a).toPng();
    String provenance =
        "autopilot fill: "
            + item.source().path()
            + (item.flip() == Flip.NONE ? "" : " mirrored " + item.flip())
            + " "
            + a.describe();
    return NewImage.fromBytes(png, Split.TRAIN, item.label(), item.fileName(), provenance);
  }

  static BufferedImage decode(Path root, String path) {
    try {
      return ImageDecoder.decode(root.resolve(path), 1024);
    } catch (ImageReadException e) {
      throw new UncheckedIOException(
          new IOException("Cannot read the source image " + path + ": " + e.getMessage(), e));
    }
  }
}
