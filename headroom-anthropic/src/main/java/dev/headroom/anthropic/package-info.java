/** The drop-in that puts HeadroomClient under the official Anthropic Java SDK. */
package dev.headroom.anthropic;
