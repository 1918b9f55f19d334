/**
 * The extension conformance kit: fluent runs with assertions, sample events, and the abstract
 * contract test.
 */
package dev.headroom.testkit;
