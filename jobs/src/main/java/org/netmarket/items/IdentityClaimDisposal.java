package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;

import java.util.List;

/** Item 11.2 主体身份信息认领处置率: identity-claim dispatches of Y completed by the as-of date / all. */
public final class IdentityClaimDisposal implements ComputedItem {
    @Override
    public String id() {
        return "identity_claim_disposal";
    }

    @Override
    public List<String> extracts() {
        return List.of("dispatches");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        return Measures.cohortRate(f, Measures.RecordInput.cohort(f, "dispatches", "identity_claim"), "completion_rate", Facts.IDENTITY_CLAIMS_COMPLETED,
                Facts.IDENTITY_CLAIMS, new Measures.Phrase("identity-claim dispatches in " + f.year(), f.year() + " 年派发的主体身份认领事项"));
    }
}
