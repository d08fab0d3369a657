package org.databoost.dataset;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A file found in a label folder, before it is checked.
 *
 * @param relativePath the path as it appears under the dataset root
 * @param realPath the file it leads to, links resolved
 * @param folderSplit the split folder it sits in (empty for a label-folders dataset)
 * @param viaLink whether a symbolic link led to it
 */
record Candidate(
    Path relativePath, Path realPath, Optional<Split> folderSplit, String label, boolean viaLink) {}
