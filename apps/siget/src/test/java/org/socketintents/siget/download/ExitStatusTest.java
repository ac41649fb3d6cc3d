package org.socketintents.siget.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExitStatusTest {

    @Test
    void theLowestNumberFromTwoUpWins() {
        assertEquals(ExitStatus.NETWORK, ExitStatus.SERVER_ERROR.and(ExitStatus.NETWORK));
        assertEquals(ExitStatus.FILE_IO, ExitStatus.FILE_IO.and(ExitStatus.TLS));
    }

    @Test
    void genericOnlyWhenNothingElseFailed() {
        assertEquals(ExitStatus.SERVER_ERROR, ExitStatus.GENERIC.and(ExitStatus.SERVER_ERROR));
        assertEquals(ExitStatus.GENERIC, ExitStatus.SUCCESS.and(ExitStatus.GENERIC));
        assertEquals(ExitStatus.SUCCESS, ExitStatus.SUCCESS.and(ExitStatus.SUCCESS));
    }
}
