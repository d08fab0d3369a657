package org.databoost.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MklOnAmdTest {
  @TempDir Path tmp;

  @Test
  void onlyLinuxOnX86WithAnAmdProcessorGetsTheShim() {
    assertTrue(MklOnAmd.applies("Linux", "amd64", "AuthenticAMD"));
    assertFalse(MklOnAmd.applies("Linux", "amd64", "GenuineIntel"));
    assertFalse(MklOnAmd.applies("Linux", "aarch64", "AuthenticAMD"));
    assertFalse(MklOnAmd.applies("Mac OS X", "x86_64", "AuthenticAMD"));
    assertEquals(
        "AuthenticAMD",
        MklOnAmd.vendorIn(
            List.of("processor\t: 0", "vendor_id\t: AuthenticAMD", "cpu family\t: 25")));
    assertEquals("", MklOnAmd.vendorIn(List.of("processor : 0")));
  }

  @Test
  void theShimGoesInFrontOfAnExistingPreload() {
    Path shim = Path.of("/x/libdataboost-mkl-amd-1234.so");
    assertEquals(shim.toString(), MklOnAmd.preloadWith(shim, null));
    assertEquals(shim + ":/lib/other.so", MklOnAmd.preloadWith(shim, "/lib/other.so"));
    assertTrue(MklOnAmd.preloads(MklOnAmd.preloadWith(shim, "/lib/other.so")));
    assertFalse(MklOnAmd.preloads("/lib/other.so"));
    assertFalse(MklOnAmd.preloads(null));
  }

  @Test
  void extractingWritesTheShippedLibraryOnceOnAmdAndNothingElsewhere() throws Exception {
    Optional<Path> first = MklOnAmd.extract(tmp);
    if (!MklOnAmd.applies()) {
      assertTrue(first.isEmpty(), "no shim off AMD");
      return;
    }
    Path file = first.orElseThrow();
    byte[] bytes = Files.readAllBytes(file);
    assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, Arrays.copyOf(bytes, 4));
    long modified = Files.getLastModifiedTime(file).toMillis();
    assertEquals(file, MklOnAmd.extract(tmp).orElseThrow());
    assertEquals(modified, Files.getLastModifiedTime(file).toMillis(), "reused, not rewritten");
    Files.write(file, new byte[] {1, 2, 3}); // a torn copy
    assertEquals(file, MklOnAmd.extract(tmp).orElseThrow());
    assertArrayEquals(bytes, Files.readAllBytes(file), "rewritten");
  }
}
