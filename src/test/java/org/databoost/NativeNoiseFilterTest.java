package org.databoost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NativeNoiseFilterTest {
  private static String filter(String in) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NativeNoiseFilter.copy(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void dropsTheNnpackWarningAndKeepsEverythingElse() throws Exception {
    String noise =
        "[W1128 13:36:26.580103537 NNPACK.cpp:57] Could not initialize NNPACK! Reason:"
            + " Unsupported hardware.\n";
    String in =
        "train [###   ] 10%\r" + noise + "train [######] 20%\r" + noise + "databoost: failed\nend";
    assertEquals("train [###   ] 10%\rtrain [######] 20%\rdataboost: failed\nend", filter(in));
  }

  @Test
  void dropsTheIncubatorModuleNoticeOfTheRelaunchedJvm() throws Exception {
    String in = "WARNING: Using incubator modules: jdk.incubator.vector\nbench knn\n";
    assertEquals("bench knn\n", filter(in));
  }
}
