package org.socketintents.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class ProcFilesTest {

    @Test
    void residentSizeIsReadFromTheVmRssLine() {
        String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmRSS:\t   65432 kB\nRssAnon:\t   40000 kB\n";

        assertEquals(OptionalLong.of(65432), ProcFiles.vmRssKb(status));
    }

    @Test
    void aStatusWithoutVmRssHasNoResidentSize() {
        assertEquals(OptionalLong.empty(), ProcFiles.vmRssKb("Name:\tzombie\nState:\tZ (zombie)\n"));
    }

    @Test
    void loadAverageIsTheFirstThreeFields() {
        assertEquals("0.52 0.61 0.70", ProcFiles.loadAverage("0.52 0.61 0.70 2/170 12345\n"));
        assertEquals("?", ProcFiles.loadAverage("garbage"));
    }

    @Test
    void ourOwnProcessHasAResidentSize() throws Exception {
        assertEquals(true, ProcFiles.residentKb(ProcessHandle.current().pid()) > 0);
    }
}
