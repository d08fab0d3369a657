package org.databoost.imaging.augment;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.databoost.bench.MachineLoad;
import org.databoost.dataset.SharedData;

/**
 * Throughput of {@link Augmenter#apply} on one thread (a measuring harness, not a test): {@code
 * java -cp target/classes:target/test-classes org.databoost.imaging.augment.AugmentSpeed [side]
 * [seconds] [dataset train dir]}. Prints sample+apply and apply-only rates after a warm-up, per
 * wall second and per CPU second of this process, with the machine load during the measurement.
 */
public final class AugmentSpeed {
  private AugmentSpeed() {}

  public static void main(String[] args) throws IOException {
    int side = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
    Path train = args.length > 2 ? Path.of(args[2]) : SharedData.ROMAN_NUMERALS.resolve("train");
    List<InkImage> sources = sources(train, side);
    Augmenter augmenter = new Augmenter(AugmentOptions.defaults());
    Augmentation[] augs = new Augmentation[4096];
    for (int i = 0; i < augs.length; i++) {
      augs[i] = augmenter.sample(i);
    }
    System.out.printf(
        "%d sources, longer side %d px (%dx%d first)%n",
        sources.size(), side, sources.get(0).width(), sources.get(0).height());
    run("warm-up", augmenter, sources, augs, seconds / 2, true);
    run("sample+apply", augmenter, sources, augs, seconds, true);
    run("apply only", augmenter, sources, augs, seconds, false);
  }

  private static void run(
      String what,
      Augmenter augmenter,
      List<InkImage> sources,
      Augmentation[] augs,
      double seconds,
      boolean sample) {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    MachineLoad start = MachineLoad.start();
    long n = 0;
    double checksum = 0;
    while (System.nanoTime() < deadline) {
      for (int k = 0; k < 256; k++, n++) {
        InkImage source = sources.get((int) (n % sources.size()));
        Augmentation a = sample ? augmenter.sample(n) : augs[(int) (n & (augs.length - 1))];
        checksum += augmenter.apply(source, a).ink()[source.ink().length / 2];
      }
    }
    MachineLoad.Interval t = start.stop();
    System.out.printf(
        "%-13s %,7.0f /s wall, %,7.0f per CPU second (%.0f us)  [%d in %.1f s; own cores %.2f,"
            + " other processes %.2f cores, load %s; checksum %.3f]%n",
        what,
        n / t.wallS(),
        n / t.cpuS(),
        1e6 * t.cpuS() / n,
        n,
        t.wallS(),
        t.ownCores(),
        t.otherCores(),
        t.loadAvg(),
        checksum);
  }

  private static List<InkImage> sources(Path train, int side) throws IOException {
    List<InkImage> out = new ArrayList<>();
    if (Files.isDirectory(train)) {
      try (Stream<Path> files = Files.walk(train)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".png")).limit(64).toList()) {
          BufferedImage image = ImageIO.read(f.toFile());
          out.add(InkImage.of(image, side));
        }
      }
    }
    if (out.isEmpty()) {
      out.add(new InkImage(side, side, new float[side * side]));
    }
    return out;
  }
}
