/**
 * Server-sent event streams of the provider APIs: {@link dev.headroom.pipeline.stream.SseFramer}
 * cuts bytes into events, one {@link dev.headroom.pipeline.stream.StreamFormat} per wire format
 * reads them (usage, completion, tool calls), {@link dev.headroom.pipeline.stream.StreamTap} does
 * both for a copy of a relayed stream.
 */
package dev.headroom.pipeline.stream;
