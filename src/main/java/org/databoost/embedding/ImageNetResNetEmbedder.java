package org.databoost.embedding;

import ai.djl.Application;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.util.Utils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.databoost.training.TorchEngine;

/**
 * The ImageNet ResNet50 of DJL's PyTorch model zoo ({@code ai.djl.pytorch:resnet}, artifact {@code
 * traced_resnet50}, about 95 MB) as an embedder: 224x224 RGB with the ImageNet mean and standard
 * deviation ({@link InputSpec#imageNet()}), the 1,000 class scores before the softmax as the
 * vector.
 *
 * <p>Why not the 2,048 pooled features: the zoo ships this network only as a traced classifier, and
 * DJL runs a TorchScript module only through its {@code forward} (no sub-module or hook), so the
 * layer before the final Linear cannot be reached; the zoo's only feature extractor is a ResNet18
 * ({@code resnet18_embedding}, 512-d). A ResNet50 saved with {@code fc = Identity()} runs through
 * {@link TorchScriptEmbedder} instead (docs/embedding.md).
 *
 * <p>The first load downloads into DJL's cache ({@code ~/.djl.ai}, or {@code DJL_CACHE_DIR}), which
 * needs DJL online ({@code -Dai.djl.offline=false}); later loads work offline from the cache.
 */
public final class ImageNetResNetEmbedder extends ScriptedEmbedder {
  /** Length of the vectors. */
  public static final int DIMENSION = 1000;

  private ImageNetResNetEmbedder(ZooModel<NDList, NDList> model) {
    super(model, InputSpec.imageNet());
  }

  @Override
  protected void onInferenceThread() {
    TorchEngine.noGradients();
  }

  /** The zoo query: the PyTorch ResNet50 trained on ImageNet, tensors in and out. */
  static Criteria<NDList, NDList> criteria() {
    return Criteria.builder()
        .optApplication(Application.CV.IMAGE_CLASSIFICATION)
        .setTypes(NDList.class, NDList.class)
        .optGroupId("ai.djl.pytorch")
        .optArtifactId("resnet")
        .optFilter("layers", "50")
        .optFilter("dataset", "imagenet")
        .optEngine(TorchEngine.ENGINE)
        .optTranslator(new NoopTranslator())
        .build();
  }

  /**
   * Loads the network from DJL's cache, downloading it first when DJL is online.
   *
   * @throws ModelNotCachedException when DJL is offline and the network is not in the cache
   */
  public static ImageNetResNetEmbedder load() {
    boolean offline = Utils.isOfflineMode();
    // DJL's offline mode still asks the server for the zoo's index when it is not cached, so
    // look first: offline without the files there is nothing to try.
    if (offline && !isCached()) {
      throw new ModelNotCachedException(notCachedMessage(), null);
    }
    TorchEngine.start(TorchEngine.defaultThreads());
    ZooModel<NDList, NDList> model;
    try {
      model = criteria().loadModel();
    } catch (ModelNotFoundException | IOException | RuntimeException e) {
      if (offline) {
        throw new ModelNotCachedException(notCachedMessage(), e);
      }
      throw new IllegalStateException(
          "cannot download the ImageNet ResNet50 from DJL's model zoo (mlrepo.djl.ai): "
              + e.getMessage(),
          e);
    } catch (MalformedModelException e) {
      throw new IllegalStateException(
          "the cached ImageNet ResNet50 in "
              + Utils.getCacheDir()
              + " is damaged: "
              + e.getMessage(),
          e);
    }
    try {
      return new ImageNetResNetEmbedder(model);
    } catch (RuntimeException e) {
      model.close();
      throw new IllegalStateException("the ImageNet ResNet50 does not run: " + e.getMessage(), e);
    }
  }

  /** Where DJL keeps this network: its cache folder, then the zoo's path of the artifact. */
  static Path cacheFolder() {
    return Utils.getCacheDir()
        .resolve("cache/repo/model/cv/image_classification/ai/djl/pytorch/resnet");
  }

  /** Whether the zoo's index and the network file are in DJL's cache. */
  static boolean isCached() {
    Path folder = cacheFolder();
    if (!Files.isRegularFile(folder.resolve("metadata.json"))) {
      return false;
    }
    try (Stream<Path> files = Files.walk(folder, 4)) {
      return files.anyMatch(
          f -> f.getFileName().toString().startsWith("traced_resnet50") && Files.isRegularFile(f));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String notCachedMessage() {
    return "The ImageNet ResNet50 (imagenet-resnet50) is not in DJL's model cache ("
        + Utils.getCacheDir()
        + ") and this program runs offline, so it cannot be downloaded now. Either download it"
        + " once (about 95 MB) by running with network and -Dai.djl.offline=false, or use an"
        + " embedder that needs no download: glyph (the offline default, glyph-v3), raw-pixels,"
        + " or a local TorchScript file (torchscript:PATH).";
  }

  @Override
  public String name() {
    return "imagenet-resnet50-logits-v1";
  }
}
