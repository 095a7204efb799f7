package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Observation;
import org.netmarket.rules.Ratio;

import java.math.BigDecimal;
import java.util.List;

/**
 * Item 11.1 平台用户数超过在编监管人员数50%: platform users / staffed supervisors at the latest date
 * on or before the as-of date (the edition compares it with 0.5).
 */
public final class PlatformUserCoverage implements ComputedItem {
    @Override
    public String id() {
        return "platform_user_coverage";
    }

    @Override
    public List<String> extracts() {
        return List.of("platform-accounts");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        Measurement.Problems p = new Measurement.Problems();
        BigDecimal users = Measures.value(p, f.snapshot("platform-accounts", "platform_users"));
        BigDecimal staff = Measures.value(p, f.snapshot("platform-accounts", "staffed_supervisors"));
        Ratio r = Measures.share(p, users, staff, new Measures.Phrase("staffed supervisors at " + f.asOf(), f.asOf() + " 的在编监管人员数"));
        return p.orMeasured(r == null ? List.of() : List.of(Observation.of("users_per_staff", r)));
    }

    /** Users per staffed supervisor: more users than supervisors is a ratio above 1. */
    @Override
    public boolean valueMayExceedOne() {
        return true;
    }
}
