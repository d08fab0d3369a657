package org.databoost.workspace;

import java.util.List;

/**
 * What an edit did.
 *
 * @param finalPaths where each file ended up, relative to the dataset root, in plan order
 * @param messages remarks for the user, e.g. renames made to avoid overwriting a file
 */
public record OperationResult(
    long opId, OpKind kind, int fileCount, List<String> finalPaths, List<String> messages) {}
