package org.netmarket.items;

import org.netmarket.edition.Computations;
import org.netmarket.extract.SchemaCatalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every computed item, one per line, by the computation id the edition files name. Immutable;
 * adding an item means adding a class and a line here.
 */
public final class ItemRegistry {
    private static final List<ComputedItem> ALL = List.of(
            new OnlineRetailGrowth(),               // 1
            new OnlineVsTotalRetailGrowth(),        // 2
            new OperatorShareOfMarketEntities(),    // 3
            new NewAboveScaleOperators(),           // 4
            new ExpressVolumeGrowth(),              // 5
            new OnlineRetailShare(),                // 6
            new OnlineEmploymentShare(),            // 7
            new EcommerceTaxShare(),                // 8
            new OperatorSurvivalRate(),             // 9
            new PlatformUserCoverage(),             // 11.1
            new IdentityClaimDisposal(),            // 11.2
            new ReportedClueTimeliness(),           // 17.1
            new AssignedClueHandling(),             // 17.2
            new ReviewOutcomes(),                   // 18.1
            new ProceduralViolationLosses(),        // 18.2
            new MonitoringLeadTimeliness(),         // 19.1
            new MonitoringLeadCompletion(),         // 19.2
            new ComplaintTimeliness(),              // 25.1
            new MediationSuccess(),                 // 25.2
            new ConsumerSatisfaction(),             // 25.3
            new OdrPerformance(),                   // 26.1
            new StaffTraining());                   // 38.2

    private static final Map<String, ComputedItem> BY_ID = ALL.stream()
            .collect(Collectors.toMap(ComputedItem::id, Function.identity(), (a, b) -> {
                throw new IllegalStateException("two items with id " + a.id());
            }, LinkedHashMap::new));

    private ItemRegistry() {
    }

    public static boolean has(String id) {
        return BY_ID.containsKey(id);
    }

    /** What an edition's loader checks of the computations its items name. */
    public static final Computations COMPUTATIONS = new Computations() {
        @Override
        public boolean has(String id) {
            return BY_ID.containsKey(id);
        }

        @Override
        public boolean valueMayExceedOne(String id) {
            return find(id).map(ComputedItem::valueMayExceedOne).orElse(false);
        }

        @Override
        public List<String> requiredParameters(String id) {
            return find(id).map(c -> Stream.concat(c.requiredParameters().stream(), c.nationalMetricParameters().stream())
                    .toList()).orElse(List.of());
        }

        @Override
        public Map<String, List<String>> parameterValues(String id) {
            return find(id).map(c -> c.nationalMetricParameters().stream()
                    .collect(Collectors.toMap(Function.identity(), key -> NationalMetrics.NAMES))).orElse(Map.of());
        }

        @Override
        public Optional<String> observationCountParameter(String id) {
            return find(id).flatMap(ComputedItem::observationCountParameter);
        }
    };

    /** The metrics of national.csv, from its schema, when an edition first needs them. */
    private static final class NationalMetrics {
        static final List<String> NAMES = SchemaCatalog.bundled().get(SchemaCatalog.NATIONAL).column("metric").values();
    }

    public static ComputedItem get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no computed item '" + id + "'"));
    }

    public static Optional<ComputedItem> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public static List<ComputedItem> all() {
        return ALL;
    }
}
