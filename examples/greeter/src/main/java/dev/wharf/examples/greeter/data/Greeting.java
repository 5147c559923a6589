package dev.wharf.examples.greeter.data;

import java.time.Instant;

/** One stored greeting. It is also the value cached in Redis (as JSON). */
public record Greeting(long id, String name, String message, String createdBy, Instant createdAt) {}
