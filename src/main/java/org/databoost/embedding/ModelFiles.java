package org.databoost.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What the embedders around a user's model file share: the cache key and error texts. */
final class ModelFiles {
  private ModelFiles() {}

  /** 12 hex digits of SHA-256 over the file and the input spec. */
  static String digest(Path file, InputSpec spec) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), d)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      d.update(spec.key().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest(), 0, 6);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first line of an exception's message (native libraries append stack traces). */
  static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage()).strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }

  /** {@code C x H x W}, as messages show an input spec. */
  static String batchText(InputSpec spec) {
    return spec.channels() + "x" + spec.height() + "x" + spec.width();
  }
}
