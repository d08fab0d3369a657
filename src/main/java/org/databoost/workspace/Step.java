package org.databoost.workspace;

/**
 * One planned file move, both paths relative to the dataset root with '/' separators. The hash and
 * size describe the file moved; the provenance is set for files added from outside.
 */
record Step(int seq, String src, String dst, String hash, long size, String provenance) {
  Step withDst(String newDst) {
    return new Step(seq, src, newDst, hash, size, provenance);
  }

  Step withSrc(String newSrc) {
    return new Step(seq, newSrc, dst, hash, size, provenance);
  }
}
