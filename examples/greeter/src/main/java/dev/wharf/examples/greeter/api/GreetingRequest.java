package dev.wharf.examples.greeter.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of POST /api/greetings. */
public record GreetingRequest(
    @NotBlank(message = "name is required, e.g. {\"name\": \"Ada\"}")
        @Size(max = 100, message = "name must be at most 100 characters")
        String name) {}
