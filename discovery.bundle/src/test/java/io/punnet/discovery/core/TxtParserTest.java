package io.punnet.discovery.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class TxtParserTest {

    @Test
    void anAnnouncementSurvivesItsOwnTxtRecord() {
        Announcement a = Announcement.of("lab-1", "pi-04.kitchen", 7946, 8080);
        TxtParser.Parsed parsed = TxtParser.parse(a.toTxt());
        assertEquals(a, assertInstanceOf(TxtParser.Valid.class, parsed).announcement());
    }

    @Test
    void theTxtRecordHoldsOnlyTheFiveSmallKeys() {
        Map<String, String> txt = Announcement.of("punnet", "n1", 7946, 8080).toTxt();
        assertEquals(Map.of("v", "1", "cluster", "punnet", "node", "n1", "gossip", "7946", "http", "8080"), txt);
    }

    @Test
    void aMissingHttpPortMeansUnknown() {
        Map<String, String> txt = new HashMap<>(Announcement.of("punnet", "n1", 7946, 8080).toTxt());
        txt.remove("http");
        TxtParser.Parsed parsed = TxtParser.parse(txt);
        assertEquals(0, assertInstanceOf(TxtParser.Valid.class, parsed).announcement().httpPort());
    }

    @Test
    void aFutureVersionIsStillReadSoTheCallerCanCountIt() {
        Map<String, String> txt = new HashMap<>(Announcement.of("punnet", "n1", 7946, 8080).toTxt());
        txt.put("v", "2");
        assertEquals(2, assertInstanceOf(TxtParser.Valid.class, TxtParser.parse(txt)).announcement().version());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v|x|no version",
        "v||no version",
        "cluster|Upper|bad cluster name",
        "cluster|-lead|bad cluster name",
        "cluster||bad cluster name",
        "node|has space|bad node name",
        "node|ÄÖ|bad node name",
        "node|a123456789012345678901234567890123456789012345678901234567890123456789|bad node name",
        "gossip|0|bad gossip port",
        "gossip|65536|bad gossip port",
        "gossip|-1|bad gossip port",
        "gossip|999999999|bad gossip port",
        "gossip|'7946 '|bad gossip port",
        "http|http|bad http port",
        "http|70000|bad http port",
    })
    void aBadFieldIsRejectedWithItsReason(String key, String value, String reason) {
        Map<String, String> txt = new HashMap<>(Announcement.of("punnet", "n1", 7946, 8080).toTxt());
        txt.put(key, value == null ? "" : value);
        assertEquals(reason, assertInstanceOf(TxtParser.Invalid.class, TxtParser.parse(txt)).reason());
    }

    @Test
    void anEmptyOrAbsentRecordIsRejected() {
        assertInstanceOf(TxtParser.Invalid.class, TxtParser.parse(Map.of()));
        assertInstanceOf(TxtParser.Invalid.class, TxtParser.parse(null));
    }

    @Property(tries = 500)
    void anyRecordParsesWithoutThrowing(@ForAll @Size(max = 8) Map<String, String> txt) {
        TxtParser.Parsed parsed = TxtParser.parse(txt);
        if (parsed instanceof TxtParser.Valid valid) {
            // whatever was accepted passes the same checks again
            assertEquals(valid, TxtParser.parse(valid.announcement().toTxt()));
        }
    }
}
