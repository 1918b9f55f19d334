package dev.headroom.pipeline.stream;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * One complete server-sent event.
 *
 * @param event the {@code event:} name, or {@code ""}
 * @param data the {@code data:} lines joined with {@code \n}
 */
@API(status = INTERNAL, since = "0.1")
public record SseEvent(String event, String data) {}
