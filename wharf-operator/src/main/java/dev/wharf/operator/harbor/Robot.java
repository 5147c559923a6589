package dev.wharf.operator.harbor;

/** A robot account as Harbor lists it (Harbor never lists a robot's secret). */
public record Robot(long id, String name, String description) {}
