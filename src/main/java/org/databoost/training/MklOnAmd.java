package org.databoost.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The MKL-on-AMD shim: libtorch's Intel MKL runs its generic kernels on AMD processors unless told
 * the CPU is an Intel one. A 2-function library ({@code src/main/native/mkl_amd.c}, shipped built
 * in the jar) answers MKL's vendor test with "Intel"; MKL still checks every instruction set it
 * uses. Only {@code LD_PRELOAD} at process start can put it in front of libtorch, so the launcher's
 * child JVM gets it (docs/training.md: 1x1 convolutions 2.3x faster, training at batch 8 about
 * 15%).
 */
public final class MklOnAmd {
  /** The environment variable the shim travels in. */
  public static final String PRELOAD = "LD_PRELOAD";

  private static final String RESOURCE =
      "/org/databoost/training/native/linux-x86_64/libdataboost-mkl-amd.so";

  private MklOnAmd() {}

  /** Whether the shim is for this machine: Linux on x86-64 with an AMD processor. */
  public static boolean applies() {
    return applies(
        System.getProperty("os.name", ""), System.getProperty("os.arch", ""), cpuVendor());
  }

  static boolean applies(String os, String arch, String vendor) {
    String a = arch.toLowerCase(Locale.ROOT);
    return os.toLowerCase(Locale.ROOT).contains("linux")
        && (a.equals("amd64") || a.equals("x86_64"))
        && vendor.equals("AuthenticAMD");
  }

  /** The {@code vendor_id} of the first processor in /proc/cpuinfo, or "" when unknown. */
  static String cpuVendor() {
    try {
      return vendorIn(Files.readAllLines(Path.of("/proc/cpuinfo")));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  static String vendorIn(List<String> cpuinfo) {
    for (String line : cpuinfo) {
      if (line.startsWith("vendor_id")) {
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1).trim();
      }
    }
    return "";
  }

  /** Whether this process started with the shim preloaded (true where it does not apply). */
  public static boolean inPlace() {
    return !applies() || preloads(System.getenv(PRELOAD));
  }

  public static boolean preloads(String preload) {
    return preload != null && preload.contains("libdataboost-mkl-amd");
  }

  /**
   * The shim as a file for {@code LD_PRELOAD}: copied out of the jar into {@code dir} under a name
   * that carries its content hash (written once; reused while its bytes match). Empty where it does
   * not apply or cannot be written; the program then runs as before, only slower on AMD.
   */
  public static Optional<Path> extract(Path dir) {
    if (!applies()) {
      return Optional.empty();
    }
    try (InputStream in = MklOnAmd.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readAllBytes();
      String hash =
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
      Path target = dir.resolve("libdataboost-mkl-amd-" + hash + ".so");
      // Written in place, not renamed (only the workspace moves files): a torn copy from a crash
      // fails the comparison and is rewritten; the dynamic loader ignores an unusable preload.
      if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), bytes)) {
        Files.createDirectories(dir);
        Files.write(target, bytes);
      }
      return Optional.of(target);
    } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** {@code LD_PRELOAD} with the shim in front of what was there. */
  public static String preloadWith(Path shim, String existing) {
    return existing == null || existing.isBlank() ? shim.toString() : shim + ":" + existing;
  }
}
