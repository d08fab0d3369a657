package org.databoost.dataset;

import java.nio.file.Path;

/**
 * Where the shared competition data is: the {@code databoost.shared} property (the pom points it at
 * {@code ../shared} beside the checkout), or {@code ../shared} when a test runs outside Maven.
 * Tests that need it skip with a reason when it is absent.
 */
public final class SharedData {
  private SharedData() {}

  public static final Path ROOT = Path.of(System.getProperty("databoost.shared", "../shared"));

  /** {@code datasets/roman-numerals}: train 2,067, val 813, label_book 52 over labels i..x. */
  public static final Path ROMAN_NUMERALS = ROOT.resolve("datasets").resolve("roman-numerals");
}
