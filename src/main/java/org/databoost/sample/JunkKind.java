package org.databoost.sample;

/** Images that are not Roman numerals, like the heart found in the competition's train set. */
enum JunkKind {
  HEART,
  SCRIBBLE,
  SMILEY,
  NOISE,
  LETTER
}
