package org.whistle.notification.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only public unicast addresses are webhook targets, however an address is spelled. */
class TargetAddressesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.255.255.254",
                "0.0.0.0",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "169.254.0.1",
                "100.64.0.1",
                "100.127.255.255",
                "198.18.0.1",
                "198.19.255.255",
                "192.0.2.1",
                "198.51.100.7",
                "203.0.113.9",
                "224.0.0.1",
                "239.255.255.250",
                "240.0.0.1",
                "255.255.255.255",
                "::",
                "::1",
                "fe80::1",
                "fc00::1",
                "fd00:ec2::254",
                "ff02::1",
                "::ffff:127.0.0.1",
                "::ffff:169.254.169.254",
                "::127.0.0.1",
                "64:ff9b::a9fe:a9fe",
                "2002:7f00:1::",
                "2001:db8::1",
                "2001:2::1",
                "fec0::1"
            })
    void refusesAddressesThatAreNotPublic(String address) throws Exception {
        assertThat(TargetAddresses.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"93.184.216.34", "1.1.1.1", "100.63.255.255", "172.32.0.1", "2606:4700:4700::1111", "2002:5db8::"
            })
    void acceptsPublicAddresses(String address) throws Exception {
        assertThat(TargetAddresses.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "0x7f.1", "017700000001", "127.1", "0x7f000001", "0177.0.0.1", "127.0.1"})
    void readsEveryNumericSpellingOfLoopbackAsLoopback(String host) throws Exception {
        var address = TargetAddresses.numericIpv4(host).orElseThrow();

        assertThat(address.getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(TargetAddresses.isPublic(address)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "hooks.water-bureau.cn", "1.2.3.4.5", "0x", "a.1"})
    void leavesNamesToTheResolver(String host) throws Exception {
        assertThat(TargetAddresses.numericIpv4(host)).isEmpty();
    }
}
