/** The drop-in that puts HeadroomClient under the official OpenAI Java SDK. */
package dev.headroom.openai;
