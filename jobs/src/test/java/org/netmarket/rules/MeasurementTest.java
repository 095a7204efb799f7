package org.netmarket.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netmarket.rules.ItemStatus.DATA_ERROR;
import static org.netmarket.rules.ItemStatus.MISSING_DATA;
import static org.netmarket.rules.ItemStatus.NO_RECORDS;

class MeasurementTest {

    /** indicators.md: "When several apply, the first in this order wins: missing_data, data_error, no_records." */
    static Stream<Arguments> precedence() {
        return Stream.of(
                Arguments.of(List.of(MISSING_DATA, DATA_ERROR, NO_RECORDS), MISSING_DATA),
                Arguments.of(List.of(NO_RECORDS, DATA_ERROR, MISSING_DATA), MISSING_DATA),
                Arguments.of(List.of(DATA_ERROR, NO_RECORDS, MISSING_DATA), MISSING_DATA),
                Arguments.of(List.of(NO_RECORDS, MISSING_DATA), MISSING_DATA),
                Arguments.of(List.of(DATA_ERROR, MISSING_DATA), MISSING_DATA),
                Arguments.of(List.of(NO_RECORDS, DATA_ERROR), DATA_ERROR),
                Arguments.of(List.of(DATA_ERROR, NO_RECORDS), DATA_ERROR),
                Arguments.of(List.of(NO_RECORDS, NO_RECORDS), NO_RECORDS),
                Arguments.of(List.of(DATA_ERROR), DATA_ERROR));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("precedence")
    void theFirstStatusInPrecedenceOrderWins(List<ItemStatus> added, ItemStatus expected) {
        Measurement.Problems p = new Measurement.Problems();
        for (int i = 0; i < added.size(); i++) {
            p.add(added.get(i), Reason.of("problem " + i, "问题 " + i));
        }
        Measurement m = p.toMeasurement(List.of());
        assertEquals(expected, m.status(), "problems " + added);
        assertFalse(m.isScored());
    }

    @Test
    void everyReasonIsKeptForTheAnalyst() {
        Measurement m = new Measurement.Problems()
                .add(NO_RECORDS, Reason.of("no report clues to count", "没有可统计的举报线索"))
                .add(MISSING_DATA, Reason.of("retail was not delivered", "零售额数据（retail）未报送"))
                .add(NO_RECORDS, Reason.of("no report clues to count", "没有可统计的举报线索"))
                .toMeasurement(List.of());
        assertEquals(MISSING_DATA, m.status());
        assertEquals(Reason.of("no report clues to count; retail was not delivered",
                "没有可统计的举报线索；零售额数据（retail）未报送"), m.reason(), "each reason once, in both languages");
    }

    @Test
    void withoutProblemsTheObservationsAreScored() {
        Observation o = Observation.of("share", Ratio.of(3, 20));
        Measurement.Problems p = new Measurement.Problems();
        assertFalse(p.any());
        Measurement m = p.orMeasured(List.of(o));
        assertTrue(m.isScored());
        assertEquals(ItemStatus.SCORED, m.status());
        assertEquals(List.of(o), m.observations());
        assertEquals(o, m.headline());
        assertNull(m.reason());
    }

    @Test
    void withProblemsPartialObservationsAreKeptButNotScored() {
        Observation partial = Observation.of("on_time_rate", Ratio.of(1, 1));
        Measurement m = new Measurement.Problems().add(NO_RECORDS, Reason.of("no closed ODR complaints", "没有已办结的ODR投诉"))
                .orMeasured(List.of(partial));
        assertEquals(NO_RECORDS, m.status());
        assertEquals(List.of(partial), m.observations());
    }

    /** What was noted while measuring (a city's figures summed from its counties) stays with the measurement, scored or not. */
    @Test
    void theBasisNotedWhileMeasuringIsKeptWhateverTheOutcome() {
        Measurement scored = new Measurement.Problems().basis("summed_from_children", "retail")
                .basis("summed_from_children", "tax").basis("summed_from_children", "retail")
                .orMeasured(List.of(Observation.count("operators", 3)));
        assertEquals(java.util.Map.of("summed_from_children", "retail, tax"), scored.basis(), "each extract once, in the order met");
        Measurement unscored = new Measurement.Problems().basis("summed_from_children", "retail")
                .add(MISSING_DATA, Reason.of("tax was not delivered", "未提供税收数据")).orMeasured(List.of());
        assertEquals(MISSING_DATA, unscored.status());
        assertEquals(java.util.Map.of("summed_from_children", "retail"), unscored.basis());
        assertTrue(new Measurement.Problems().orMeasured(List.of(Observation.count("operators", 3))).basis().isEmpty());
    }

    @Test
    void theHeadlineIsTheFirstObservation() {
        Observation y = Observation.of("2024", Ratio.of(1, 10));
        Observation y1 = Observation.of("2023", Ratio.of(2, 10));
        assertEquals(y, Measurement.of(y, y1).headline());
        assertNull(Measurement.unscored(NO_RECORDS, Reason.of("none", "无")).headline());
    }

    @Test
    void aScoredMeasurementNeedsAnObservation() {
        assertThrows(IllegalArgumentException.class, () -> Measurement.of(List.of()));
    }

    @Test
    void unscoredCannotBeScoredAndNeedsAReason() {
        assertThrows(IllegalArgumentException.class, () -> Measurement.unscored(ItemStatus.SCORED, Reason.of("x", "x")));
        assertThrows(NullPointerException.class, () -> Measurement.unscored(NO_RECORDS, null));
    }
}
