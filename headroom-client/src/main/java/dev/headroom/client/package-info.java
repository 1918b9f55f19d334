/** The in-process Headroom client, its per-request exchange and the one-call compression helper. */
package dev.headroom.client;
