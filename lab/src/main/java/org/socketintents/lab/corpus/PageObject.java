package org.socketintents.lab.corpus;

/**
 * One embedded object of a page.
 *
 * @param path relative to the page's directory, as the page references it
 * @param contentSeed seeds the object's bytes, so that each object can be written on its own
 */
public record PageObject(String path, long bytes, ObjectKind kind, long contentSeed) {
}
