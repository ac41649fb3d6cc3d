package org.socketintents.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

/** The manifest bnd generated into the build output, before the jar is packaged. */
class BundleManifestTest {

    @Test
    void exportsOnlyThePublicPackageAndNeedsNoOsgiAtRunTime() throws Exception {
        Path classes = Path.of(IntentSocket.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Attributes manifest;
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in).getMainAttributes();
        }
        assertEquals("org.socketintents.client", manifest.getValue("Bundle-SymbolicName"));

        String exports = manifest.getValue("Export-Package");
        assertTrue(exports.startsWith("org.socketintents.client;version=\"1.2.0\""), exports);
        assertFalse(exports.contains("internal"), exports);
        assertFalse(exports.replaceAll("uses:=\"[^\"]*\"", "").contains(","), "one package only: " + exports);

        String imports = manifest.getValue("Import-Package");
        assertTrue(imports.contains("org.socketintents.api;version=\"[1.0,2)\""), imports);
        assertTrue(imports.contains("org.socketintents.protocol;version=\"[1.2,2)\""), imports);
        assertFalse(imports.contains("org.osgi"), imports);
    }
}
