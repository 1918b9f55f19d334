/**
 * The extension contract: stages, events, extensions and the fail-open runner that ties them
 * together.
 */
package dev.headroom.api;
