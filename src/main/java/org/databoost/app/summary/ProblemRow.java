package org.databoost.app.summary;

/** One problem of the scan as the problems table shows it. */
public record ProblemRow(String severity, String kind, String path, String message) {}
