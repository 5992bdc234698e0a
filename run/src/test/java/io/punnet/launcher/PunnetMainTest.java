package io.punnet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import org.junit.jupiter.api.Test;

class PunnetMainTest {

    @Test
    void aDeniedWriteNamesTheDirectoryNotTheTemporaryFile() {
        assertEquals("no permission to write in /etc/punnet (the node keeps its secrets and state there)",
                PunnetMain.describe(new AccessDeniedException("/etc/punnet/.secrets.properties123.tmp")));
    }

    @Test
    void otherFileErrorsNameTheFileAndTheReason() {
        assertEquals("/var/lib/punnet: NoSuchFileException",
                PunnetMain.describe(new NoSuchFileException("/var/lib/punnet")));
        assertEquals("/var/lib/punnet: disk full",
                PunnetMain.describe(new java.nio.file.FileSystemException("/var/lib/punnet", null, "disk full")));
    }
}
