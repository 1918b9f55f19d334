package dev.headroom.proxy.internal.sse;

/**
 * One complete server-sent event.
 *
 * @param event the {@code event:} name, or {@code ""}
 * @param data the {@code data:} lines joined with {@code \n}
 */
public record SseEvent(String event, String data) {}
