package org.netmarket.facts;

import org.junit.jupiter.api.Test;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Reason;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FigureTest {

    @Test
    void presentFiguresAddExactly() {
        Figure sum = Figure.of(new BigDecimal("0.1")).plus(Figure.of(new BigDecimal("0.2")));
        assertTrue(sum.isPresent());
        assertEquals(0, new BigDecimal("0.3").compareTo(sum.value()));
    }

    @Test
    void aSumWithAMissingOrConflictingFigureIsThatProblem() {
        Figure one = Figure.of(BigDecimal.ONE);
        Figure missing = Figure.missing(Reason.of("no March", "缺三月"));
        Figure conflict = Figure.conflict(Reason.of("two versions of April", "四月有两个版本"));
        assertEquals(missing, one.plus(missing));
        assertEquals(missing, missing.plus(one));
        assertEquals(conflict, one.plus(conflict));
        assertFalse(one.plus(conflict).isPresent());
    }

    @Test
    void missingWinsOverConflictWhateverTheOrder() {
        Figure missing = Figure.missing(Reason.of("no March", "缺三月"));
        Figure conflict = Figure.conflict(Reason.of("two versions of April", "四月有两个版本"));
        assertEquals(ItemStatus.MISSING_DATA, missing.plus(conflict).problem());
        assertEquals(ItemStatus.MISSING_DATA, conflict.plus(missing).problem());
    }
}
