package org.socketintents.lab.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.socketintents.lab.topology.Descriptions;
import org.socketintents.lab.topology.Layout;

class ServerConfigTest {

    private final Layout layout = paper();

    private static Layout paper() {
        try {
            return new Layout("si-lab", Descriptions.load("paper"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void nginxServesTheCorpusOnEveryLinkWithItsFilesInPlace() {
        String conf = new NginxConfig(layout, Path.of("/c"), Path.of("/logs"), Path.of("/run/x"), 80).render();

        assertTrue(conf.contains("listen 10.200.1.1:80;"), conf);
        assertTrue(conf.contains("listen 10.200.2.1:80;"), conf);
        assertTrue(conf.contains("root /c;"), conf);
        assertTrue(conf.contains("daemon off;"), conf);
        assertTrue(conf.contains("user root root;"), "the corpus may be below a directory only root enters");
        assertTrue(conf.contains("access_log /logs/nginx-access.log lab;"), conf);
        assertTrue(conf.contains("pid /run/x/nginx.pid;"), conf);
        assertTrue(conf.contains("$http_range"), conf);
        assertTrue(!conf.contains("gzip on"), conf);
    }

    @Test
    void dnsmasqAnswersEachNameWithTheAddressOfTheLinkAsked() {
        DnsmasqConfig dns = new DnsmasqConfig(layout, Path.of("/logs"), Path.of("/run/x"));

        assertEquals("""
                10.200.1.1 news.lab
                10.200.1.1 photo.lab
                10.200.1.1 bulk.lab
                10.200.2.1 news.lab
                10.200.2.1 photo.lab
                10.200.2.1 bulk.lab
                """, dns.hosts());
        String conf = dns.render();
        assertTrue(conf.contains("listen-address=10.200.1.1\nlisten-address=10.200.2.1\n"), conf);
        assertTrue(conf.contains("localise-queries\n"), conf);
        assertTrue(conf.contains("no-resolv\n") && conf.contains("bind-interfaces\n"), conf);
        assertTrue(conf.contains("local=/news.lab/\n"), conf);
        assertTrue(conf.contains("addn-hosts=/run/x/lab.hosts\n"), conf);
        assertTrue(conf.contains("log-facility=/logs/dnsmasq.log\n"), conf);
    }
}
