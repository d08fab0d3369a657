package org.databoost.workspace;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One journal entry, as the history view shows it.
 *
 * @param targetOp for undo and redo entries, the edit they acted on
 * @param undone for user edits, whether the edit is currently undone
 * @param message why it failed, for failed entries
 */
public record HistoryEntry(
    long id,
    OpKind kind,
    OpStatus status,
    Instant startedAt,
    Optional<Instant> finishedAt,
    int fileCount,
    String description,
    OptionalLong targetOp,
    boolean undone,
    Optional<String> message) {}
