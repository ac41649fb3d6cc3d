package org.socketintents.mam.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;

/** The paper's two access links: i1 (DSL: 10 ms, 6 Mbit/s down) and i2 (LTE: 70 ms, 12 Mbit/s down). */
final class PaperInterfaces {

    private PaperInterfaces() {
    }

    static Interfaces snapshot() {
        try {
            return new Interfaces(1, List.of(
                    InterfaceDescription.builder("lo").index(1).sourceEnabled(false)
                            .addAddress(InetAddress.getByName("127.0.0.1"), 8).build(),
                    InterfaceDescription.builder("i1").index(2)
                            .addAddress(InetAddress.getByName("198.18.1.2"), 24)
                            .addAddress(InetAddress.getByName("2001:db8:1::2"), 64)
                            .property("bandwidth.down", "6M").property("rtt", "10").build(),
                    InterfaceDescription.builder("i2").index(3)
                            .addAddress(InetAddress.getByName("198.18.2.2"), 24)
                            .property("bandwidth.down", "12M").property("rtt", "70").build()));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
