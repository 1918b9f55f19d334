/**
 * Compress one tool output or message text for an LLM: detect its type, shrink it with a
 * deterministic compressor that keeps errors and answers to the query, count tokens, and store what
 * was dropped.
 */
package dev.headroom.compress;
