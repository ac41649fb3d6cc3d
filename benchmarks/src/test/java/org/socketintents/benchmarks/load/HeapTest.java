package org.socketintents.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HeapTest {

    @Test
    void defaultPassesNoOption() {
        assertEquals(new Heap("default", "", ""), Heap.parse(" Default "));
    }

    @Test
    void aSizeBecomesTheMaximumHeap() {
        assertEquals(new Heap("-Xmx32m", "-Xmx32m", ""), Heap.parse("32M"));
    }

    @Test
    void aProfileBeforeTheSizeIsTheScriptsProfile() {
        assertEquals(new Heap("-Xmx32m gateway", "-Xmx32m", "gateway"), Heap.parse("gateway:32m"));
    }

    @Test
    void anythingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Heap.parse("-Xmx32m"));
        assertThrows(IllegalArgumentException.class, () -> Heap.parse("32"));
        assertThrows(IllegalArgumentException.class, () -> Heap.parse("0m"));
        assertThrows(IllegalArgumentException.class, () -> Heap.parse("gateway:"));
        assertThrows(IllegalArgumentException.class, () -> Heap.parse(":32m"));
        assertThrows(IllegalArgumentException.class, () -> Heap.parse("gate way:32m"));
    }
}
