package org.netmarket.warehouse;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What {@code pipeline_run} records about a run when it starts: mode, command, parameters.
 * Parameters never hold credentials.
 */
public record RunRecord(String mode, String command, String edition, List<Integer> evalYears, LocalDate asOf,
                        List<String> regions, List<String> items, String dataDir, Map<String, Object> parameters,
                        String host, String appVersion) {
}
