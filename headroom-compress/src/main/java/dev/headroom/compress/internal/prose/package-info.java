/** Lossless compression of source code and prose: whitespace only, never a changed line. */
package dev.headroom.compress.internal.prose;
