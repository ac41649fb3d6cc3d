package org.socketintents.nativemptcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Destination;
import org.socketintents.api.policy.SuggestedOption;
import org.socketintents.api.policy.Transport;
import org.socketintents.api.transport.ConnectSpec;

/** The spec the service consumes (bundles/api): every bad value is refused when it is set. */
class ConnectSpecTest {

    private static final InetSocketAddress REMOTE = new InetSocketAddress(Loopback.V4, 80);

    @Test
    void defaults() {
        ConnectSpec spec = ConnectSpec.builder().remote(REMOTE).build();
        assertEquals(List.of(REMOTE), spec.remotes());
        assertEquals(Transport.TCP, spec.transport());
        assertEquals(Optional.empty(), spec.sourceAddress());
        assertEquals(Optional.empty(), spec.device());
        assertEquals(Map.of(), spec.options());
        assertEquals(ConnectSpec.DEFAULT_CONNECT_TIMEOUT, spec.connectTimeout());
    }

    @Test
    void aSpecNeedsARemote() {
        assertThrows(IllegalStateException.class, () -> ConnectSpec.builder().build());
    }

    @Test
    void remotesMustBeResolvedAndHaveAPort() {
        assertThrows(IllegalArgumentException.class,
                () -> ConnectSpec.builder().remote(InetSocketAddress.createUnresolved("example.org", 80)));
        assertThrows(IllegalArgumentException.class,
                () -> ConnectSpec.builder().remote(new InetSocketAddress(Loopback.V4, 0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "sixteen-chars-xx", "eth 0", "a/b", "eth0:1", "t\u00e4st"})
    void devicesLinuxWouldRefuseAreRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> ConnectSpec.builder().device(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lo", "eth0", "wlan0.100", "fifteen-chars-x"})
    void validDevicesAreTaken(String name) {
        assertEquals(Optional.of(name), ConnectSpec.builder().remote(REMOTE).device(name).build().device());
    }

    @Test
    void optionValuesAreChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> ConnectSpec.builder().option(SuggestedOption.IP_TOS, 256));
        assertThrows(IllegalArgumentException.class,
                () -> ConnectSpec.builder().option(SuggestedOption.SO_RCVBUF, 0));
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> ConnectSpec.builder().connectTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> ConnectSpec.builder().connectTimeout(Duration.ofMillis(-1)));
    }

    @Test
    void aDecisionSetsSourceDeviceTransportOptionsAndDestinations() throws Exception {
        InetAddress first = InetAddress.getByName("192.0.2.10");
        InetAddress second = InetAddress.getByName("192.0.2.11");
        Decision decision = Decision.builder().sourceInterface("wlan0").sourceAddress(Loopback.V4_SECOND)
                .transport(Transport.MPTCP).option(SuggestedOption.TCP_NODELAY, 1)
                .destinations(List.of(Destination.of(first), Destination.of(second))).reason("test").build();

        ConnectSpec spec = ConnectSpec.builder().remote(REMOTE).decision(decision, 443).build();

        assertEquals(List.of(new InetSocketAddress(first, 443), new InetSocketAddress(second, 443)), spec.remotes());
        assertEquals(Optional.of(Loopback.V4_SECOND), spec.sourceAddress());
        assertEquals(Optional.of("wlan0"), spec.device());
        assertEquals(Transport.MPTCP, spec.transport());
        assertEquals(Map.of(SuggestedOption.TCP_NODELAY, 1), spec.options());
    }

    @Test
    void aDecisionWithoutDestinationsKeepsTheRemotes() {
        ConnectSpec spec = ConnectSpec.builder().remote(REMOTE).decision(Decision.osDefault("none"), 443).build();
        assertEquals(List.of(REMOTE), spec.remotes());
        assertEquals(Transport.TCP, spec.transport());
    }
}
