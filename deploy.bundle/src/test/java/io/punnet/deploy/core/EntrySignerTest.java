package io.punnet.deploy.core;

import static io.punnet.deploy.core.Entries.KEY_A;
import static io.punnet.deploy.core.Entries.KEY_B;
import static io.punnet.deploy.core.Entries.SHA;
import static io.punnet.deploy.core.Entries.SHA2;
import static io.punnet.deploy.core.Entries.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class EntrySignerTest {

    private final EntrySigner signer = new EntrySigner(List.of(KEY_A));

    @Test
    void aSignedEntryVerifiesAndCarries22Base64Characters() {
        DesiredEntry signed = signer.sign(entry(5, "io.example.hello", "1.0.0", SHA));
        assertEquals(22, signed.signature().length());
        assertTrue(signer.verify(signed));
    }

    @Test
    void anUnsignedEntryDoesNotVerify() {
        assertFalse(signer.verify(entry(5, "io.example.hello", "1.0.0", SHA)));
    }

    @Test
    void changingAnyFieldBreaksTheSignature() {
        DesiredEntry s = signer.sign(entry(5, "io.example.hello", "1.0.0", SHA));
        List<DesiredEntry> tampered = List.of(
                new DesiredEntry(6, 5, s.symbolicName(), s.bundleVersion(), s.sha256(), s.target(), "", false, false, s.signature()),
                new DesiredEntry(5, 4, s.symbolicName(), s.bundleVersion(), s.sha256(), s.target(), "", false, false, s.signature()),
                new DesiredEntry(5, 5, "io.example.evil", s.bundleVersion(), s.sha256(), s.target(), "", false, false, s.signature()),
                new DesiredEntry(5, 5, s.symbolicName(), "9.0.0", s.sha256(), s.target(), "", false, false, s.signature()),
                new DesiredEntry(5, 5, s.symbolicName(), s.bundleVersion(), SHA2, s.target(), "", false, false, s.signature()),
                new DesiredEntry(5, 5, s.symbolicName(), s.bundleVersion(), s.sha256(), Target.parse("node:x"), "", false, false, s.signature()),
                new DesiredEntry(5, 5, s.symbolicName(), s.bundleVersion(), s.sha256(), s.target(), "x", false, false, s.signature()),
                new DesiredEntry(5, 5, s.symbolicName(), s.bundleVersion(), s.sha256(), s.target(), "", true, false, s.signature()),
                new DesiredEntry(5, 5, s.symbolicName(), s.bundleVersion(), s.sha256(), s.target(), "", false, true, s.signature()));
        for (DesiredEntry t : tampered) {
            assertFalse(signer.verify(t), t.toString());
        }
    }

    @Test
    void theFirstKeySignsAndEveryKeyVerifies() {
        EntrySigner old = new EntrySigner(List.of(KEY_B));
        EntrySigner rotated = new EntrySigner(List.of(KEY_A, KEY_B));
        assertTrue(rotated.verify(old.sign(entry(1, "a", "1", SHA))), "entries signed with the old key still verify");
        assertFalse(old.verify(rotated.sign(entry(1, "a", "1", SHA))), "the new key signs");
        assertFalse(new EntrySigner(List.of(KEY_B)).verify(signer.sign(entry(1, "a", "1", SHA))));
    }

    @Test
    void garbageSignaturesAreRejectedNotThrown() {
        DesiredEntry e = entry(1, "a", "1", SHA);
        assertFalse(signer.verify(e.signedWith("%%%")));
        assertFalse(signer.verify(e.signedWith("AAAA")));
    }

    @Test
    void aSignerNeedsAKey() {
        assertThrows(IllegalArgumentException.class, () -> new EntrySigner(List.of()));
    }
}
