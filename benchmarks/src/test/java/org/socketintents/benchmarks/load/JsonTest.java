package org.socketintents.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void stringsAreEscaped() {
        assertEquals("\"a \\\"b\\\" c\\\\d\\ne\\u0001\"\n", Json.write("a \"b\" c\\d\ne\u0001"));
    }

    @Test
    void numbersThatAreNotFiniteBecomeNullAndWholeDoublesLoseTheirFraction() {
        assertEquals("[\n  null,\n  3,\n  2.5,\n  7\n]\n", Json.write(List.of(Double.NaN, 3.0, 2.5, 7L)));
    }

    @Test
    void objectsKeepTheirOrderAndOptionalsUnwrap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", Optional.of(true));
        map.put("a", Optional.empty());
        map.put("list", List.of());
        map.put("nested", Map.of());

        assertEquals("{\n  \"b\": true,\n  \"a\": null,\n  \"list\": [],\n  \"nested\": {}\n}\n", Json.write(map));
    }
}
