package org.netmarket.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.netmarket.checksum.Sha256;
import org.netmarket.staging.StagingArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Record-level counts kept in the staging area from one nightly run to the next, as a note with
 * the generation that holds the extract's newest rows: counts of a staged state under a basis
 * (period and computation parameters, {@link AggregationContext#basis}). The next night takes
 * the rows its delivery replaced out of them and puts the new rows in, instead of recounting
 * every staged row ({@link RegionCounts}). A note names the state it counts and is only used for
 * exactly that state and basis.
 */
public final class StagedFactCounts {
    private static final Logger LOG = LoggerFactory.getLogger(StagedFactCounts.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** What a note holds. */
    record Note(String state, String basis, List<String> facts, Map<String, long[]> counts) {
    }

    private final StagingArea area;

    public StagedFactCounts(StagingArea area) {
        this.area = area;
    }

    /** The counts of a state under a basis, if a run kept them with the state's generation. */
    public Optional<RegionCounts> find(String extract, long generation, String state, String basis) {
        Optional<String> text = area.readNote(extract, generation, noteName(basis));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Note note = JSON.readValue(text.get(), Note.class);
            if (!state.equals(note.state()) || !basis.equals(note.basis())) {
                return Optional.empty();
            }
            return Optional.of(new RegionCounts(note.facts(), note.counts()));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("facts {}: unreadable staged counts of {} ({}); counting afresh", extract, state, e.getMessage());
            return Optional.empty();
        }
    }

    /** Keeps the counts of a state with its generation (replacing counts of the same basis). */
    public void keep(String extract, long generation, String state, String basis, RegionCounts counts) {
        try {
            area.writeNote(extract, generation, noteName(basis),
                    JSON.writeValueAsString(new Note(state, basis, counts.facts(), counts.byRegion())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One note per basis: a short digest of it (periods and editions differ in many ways). */
    static String noteName(String basis) {
        return "facts-" + Sha256.hex(basis).substring(0, 16) + ".json";
    }
}
