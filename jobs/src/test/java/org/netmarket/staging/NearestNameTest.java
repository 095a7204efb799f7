package org.netmarket.staging;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** "Did you mean" for a data directory's stray entries: close misspellings only. */
class NearestNameTest {
    @Test
    void aMisspellingIsSuggestedOnlyWithinTwoEditsAndCloseForItsLength() {
        List<String> known = List.of("complaints/", "tax/", "regions.csv");
        assertEquals(Optional.of("complaints/"), NearestName.of("complants/", known), "one edit");
        assertEquals(Optional.of("complaints/"), NearestName.of("complant/", known), "two edits");
        assertEquals(Optional.empty(), NearestName.of("compl/", known), "five edits");
        assertEquals(Optional.of("tax/"), NearestName.of("TAX/", known), "case only");
        assertEquals(Optional.empty(), NearestName.of("tab/", known), "one edit of three letters is too far");
        assertEquals(0, NearestName.editDistance("retail", "retail"));
        assertEquals(3, NearestName.editDistance("kitten", "sitting"));
        assertEquals(7, NearestName.editDistance("", "sitting"));
    }

    @Test
    void twoLettersSwappedAreOneEdit() {
        assertEquals(1, NearestName.editDistance("retial", "retail"));
        assertEquals(2, NearestName.editDistance("rteial", "retail"), "two swaps");
        List<String> known = List.of("retail/", "express/", "tax/");
        assertEquals(Optional.of("retail/"), NearestName.of("retial/", known), "a swap in six letters");
        assertEquals(Optional.of("express/"), NearestName.of("exrpess/", known), "a swap in seven letters");
        assertEquals(Optional.empty(), NearestName.of("txa/", known), "a swap of three letters is too far");
    }
}
