package org.netmarket.items;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netmarket.facts.FactsBuilder;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Ratio;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmarket.facts.FactsBuilder.CITY;
import static org.netmarket.facts.FactsBuilder.COUNTY_A;
import static org.netmarket.facts.FactsBuilder.COUNTY_B;
import static org.netmarket.items.ItemTesting.assertObservation;
import static org.netmarket.items.ItemTesting.assertPoints;
import static org.netmarket.items.ItemTesting.assertScored;
import static org.netmarket.items.ItemTesting.assertStatus;
import static org.netmarket.items.ItemTesting.frac;
import static org.netmarket.items.ItemTesting.measure;
import static org.netmarket.items.ItemTesting.points;
import static org.netmarket.rules.ItemStatus.DATA_ERROR;
import static org.netmarket.rules.ItemStatus.MISSING_DATA;

/** Item 11.1: platform users / staffed supervisors (latest snapshot <= as-of); 1 if users > 50% of staff. */
class PlatformUserCoverageTest {
    private static final PlatformUserCoverage ITEM = new PlatformUserCoverage();

    private static FactsBuilder accounts(String region, String date, String users, String staff) {
        return FactsBuilder.year(2024)
                .put("platform-accounts", region, date, "platform_users", users)
                .put("platform-accounts", region, date, "staffed_supervisors", staff);
    }

    @Test
    void usersExactlyHalfOfStaffDoNotExceedIt() {
        Measurement m = measure(ITEM, "11.1", accounts(CITY, "2024-12-31", "5", "10").build(CITY));
        assertScored(m);
        assertObservation(m.headline(), "users_per_staff", frac(5, 10), null);
        assertPoints("11.1", "0", m);
    }

    @Test
    void oneMoreUserExceedsHalf() {
        assertPoints("11.1", "1", measure(ITEM, "11.1", accounts(CITY, "2024-12-31", "6", "10").build(CITY)));
    }

    /**
     * 超过 50% is strict and decided exactly from the staged counts: users of staff just below, at
     * and just above half, including counts whose ratio is 0.5 in binary floating point or when
     * rounded to the 10 decimals a ratio is stored with.
     */
    @ParameterizedTest(name = "{0} users of {1} staff -> {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            499                | 1000                | 0 | just below half
            500                | 1000                | 0 | exactly half does not exceed it
            501                | 1000                | 1 | just above half
            3                  | 7                   | 0 | below 3.5 of an odd staff count
            4                  | 7                   | 1 | above 3.5 of an odd staff count
            7                  | 14                  | 0 | exactly half of an even staff count
            49999999999        | 100000000000        | 0 | below half, 0.5 when rounded to 10 decimals
            50000000001        | 100000000000        | 1 | above half, 0.5 when rounded to 10 decimals
            499999999999999999 | 999999999999999999  | 0 | below half, 0.5 in binary floating point
            500000000000000001 | 1000000000000000001 | 1 | above half, 5e17 / 1e18 = 0.5 in binary floating point
            500000000000000000 | 999999999999999999  | 1 | above half, 0.5 in binary floating point
            """)
    void usersMustExceedHalfOfTheStaffExactly(String users, String staff, String expectedPoints, String why) {
        Measurement m = measure(ITEM, "11.1", accounts(CITY, "2024-12-31", users, staff).build(CITY));
        assertScored(m);
        assertObservation(m.headline(), "users_per_staff", Ratio.of(new BigDecimal(users), new BigDecimal(staff)), null);
        BigDecimal got = points("11.1", m);
        assertEquals(0, new BigDecimal(expectedPoints).compareTo(got),
                "item 11.1, " + users + " users of " + staff + " staff (" + why + "): expected " + expectedPoints + " points, got " + got);
    }

    @Test
    void theLatestSnapshotOnOrBeforeTheAsOfDateCounts() {
        FactsBuilder b = accounts(CITY, "2024-09-30", "6", "10")
                .put("platform-accounts", CITY, "2025-01-15", "platform_users", "1")
                .put("platform-accounts", CITY, "2025-01-15", "staffed_supervisors", "10");
        assertObservation(measure(ITEM, "11.1", b.build(CITY)).headline(), "users_per_staff", frac(6, 10), null);
    }

    @Test
    void aCityWithoutItsOwnRowSumsItsCounties() {
        FactsBuilder b = accounts(COUNTY_A, "2024-12-31", "2", "6")
                .put("platform-accounts", COUNTY_B, "2024-12-31", "platform_users", "3")
                .put("platform-accounts", COUNTY_B, "2024-12-31", "staffed_supervisors", "4");
        Measurement m = measure(ITEM, "11.1", b.build(CITY));
        assertObservation(m.headline(), "users_per_staff", frac(5, 10), null);
        assertPoints("11.1", "0", m);
    }

    @Test
    void noStaffedSupervisorsIsADataError() {
        assertStatus(DATA_ERROR, measure(ITEM, "11.1", accounts(CITY, "2024-12-31", "3", "0").build(CITY)),
                "staffed supervisors at 2024-12-31 is 0");
    }

    @Test
    void noSnapshotIsMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "11.1", FactsBuilder.year(2024).build(CITY)), "platform-accounts");
        assertStatus(MISSING_DATA, measure(ITEM, "11.1", accounts(CITY, "2024-12-31", "6", "10")
                .notDelivered("platform-accounts").build(CITY)), "platform-accounts was not delivered");
    }
}
