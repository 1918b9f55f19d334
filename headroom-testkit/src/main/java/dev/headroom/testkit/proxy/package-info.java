/**
 * The in-process harness: the real Headroom proxy on a loopback port in front of a recording
 * upstream.
 */
package dev.headroom.testkit.proxy;
