package dev.wharf.operator.harbor;

/**
 * A robot account as Harbor shows it (Harbor never shows a robot's secret again).
 *
 * @param project the project its permission is for, empty when Harbor did not say
 */
public record Robot(long id, String name, String description, String project) {}
