package org.databoost.workspace;

import java.util.List;

/**
 * Everything an operation will do, written to the journal before the first file moves.
 *
 * @param targetOp for undo and redo, the user edit they act on; 0 otherwise
 * @param createdDirs label folders this operation creates (removed again when it is undone)
 * @param removeIfEmpty folders to remove once the moves are done, if they are then empty
 */
record Plan(
    long id,
    OpKind kind,
    String description,
    long targetOp,
    List<Step> steps,
    List<String> createdDirs,
    List<String> removeIfEmpty,
    List<String> messages) {}
