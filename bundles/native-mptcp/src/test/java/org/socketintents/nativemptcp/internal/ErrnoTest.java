package org.socketintents.nativemptcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;

import org.junit.jupiter.api.Test;

class ErrnoTest {

    @Test
    void describesWithTheKernelsTextAndTheName() {
        assertEquals("Connection refused (ECONNREFUSED)", Errno.describe(Errno.ECONNREFUSED));
        assertEquals("Unknown error 4000 (errno 4000)", Errno.describe(4000));
    }

    @Test
    void choosesTheJdksExceptionTypes() {
        assertInstanceOf(ConnectException.class, Errno.exception("x", Errno.ECONNREFUSED));
        assertInstanceOf(ConnectException.class, Errno.exception("x", Errno.ETIMEDOUT));
        assertInstanceOf(NoRouteToHostException.class, Errno.exception("x", Errno.EHOSTUNREACH));
        assertInstanceOf(BindException.class, Errno.exception("x", Errno.EADDRNOTAVAIL));
        ErrnoException other = assertInstanceOf(ErrnoException.class, Errno.exception("x", Errno.ENODEV));
        assertEquals(Errno.ENODEV, other.errno());
        assertEquals("x: No such device (ENODEV)", other.getMessage());
    }
}
