package org.socketintents.stats.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;

/**
 * The paper's client: i1 (10 ms, 6 Mbit/s down, 768 kbit/s up) with two addresses, i2 (70 ms, 12 Mbit/s down,
 * 6 Mbit/s up).
 */
final class PaperInterfaces {

    static final String I1_A = "198.18.1.2";
    static final String I1_B = "198.18.1.3";
    static final String I2 = "198.18.2.2";

    private PaperInterfaces() {
    }

    static InterfaceDescription i1() {
        return InterfaceDescription.builder("i1").index(2).addAddress(address(I1_A), 24).addAddress(address(I1_B), 24)
                .property("bandwidth.down", "6M").property("bandwidth.up", "768k").property("rtt", "10").build();
    }

    static InterfaceDescription i2() {
        return InterfaceDescription.builder("i2").index(3).addAddress(address(I2), 24)
                .property("bandwidth.down", "12M").property("bandwidth.up", "6M").property("rtt", "70").build();
    }

    static Interfaces both() {
        return of(i1(), i2());
    }

    static Interfaces of(InterfaceDescription... descriptions) {
        return new Interfaces(1, new ArrayList<>(List.of(descriptions)));
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
