package org.netmarket.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything that decides the generated data of one county: its size, the growth and shares of
 * its aggregate figures, and for each record year the exact outcome rates of its cohorts
 * (complaints, dispatches, clues, reviews, training). Rates become exact counts of late or
 * unfinished records ({@link Cohort}), so a designed rate of 95.3% is what the pipeline measures.
 *
 * <p>Per-year arrays are indexed by {@link Period#index(int)} (2019 is 0). Fields are filled by
 * {@link ProfileSynthesizer} and overridden for designed cases by {@link YunchengScenario}.
 */
final class CountyProfile {
    private static final int Y = Period.YEARS;

    final GeneratedRegion region;
    /** Position of the county in file order: names its random streams and its part file. */
    final int index;

    /** Relative size (about population / 500,000): scales every volume. */
    double weight;
    /** Online operators per unit of weight, relative to the scale's average. */
    double intensity;
    /** Extra registrations in 2023–2024 relative to the steady growth since 2012 (item 9). */
    double registrationBoom;

    long totalRetail2019Yuan;
    double onlineShare2019;
    final double[] onlineGrowth = new double[Y];
    final double[] totalGrowth = new double[Y];
    long parcels2019;
    final double[] expressGrowth = new double[Y];

    /** Total employed in 2019, in thousands (so a 3-decimal share is an exact count). */
    long employedThousands2019;
    final double[] employmentShare = new double[Y];
    /** A year whose employment row is not delivered (0: none). */
    int missingEmploymentYear;
    /** Total tax in 2019, in thousand yuan (so a 3-decimal share is exact to the yuan). */
    long taxThousandYuan2019;
    final double[] taxShare = new double[Y];
    /** Active operators / market entities at each year end (item 3). */
    final double[] operatorShare = new double[Y];

    /** Staffed online-trade supervisors at each year end; also the staff of the training extract. */
    final int[] staff = new int[Y];
    /** Platform users / staffed supervisors at each year end (item 11.1). */
    final double[] platformUserRatio = new double[Y];

    final double[] reviewOnTime = new double[Y];
    final double[] closeOnTime = new double[Y];
    /** success / (success + failed) among mediated complaints. */
    final double[] mediationSuccess = new double[Y];
    /** (satisfied + basically satisfied) / rated. */
    final double[] satisfaction = new double[Y];
    final double[] odrOnTime = new double[Y];
    /** settled / closed ODR complaints. */
    final double[] odrSettled = new double[Y];

    final int[] identityClaimsUnfinished = new int[Y];
    final double[] leadVerifiedOnTime = new double[Y];
    final double[] leadCompleted = new double[Y];

    final int[] reportCluesLate = new int[Y];
    final int[] assignedCluesLate = new int[Y];
    final int[] assignedCluesOpen = new int[Y];

    final int[] reconsiderationsNotUpheld = new int[Y];
    final int[] litigationsLost = new int[Y];
    /** Of the not-upheld and lost reviews, how many had a procedural violation (item 18.2). */
    final int[] proceduralLosses = new int[Y];
    /** Upheld reviews that still record a procedural violation (do not cost item 18.2). */
    final int[] proceduralButUpheld = new int[Y];
    /** False for a county whose cases never went to court (item 18.1: absent type counts as met). */
    boolean hasLitigation = true;

    final int[] staffUntrained = new int[Y];
    final int[] staffUnderMinimum = new int[Y];

    final List<AboveScaleOperator> aboveScale = new ArrayList<>();

    CountyProfile(GeneratedRegion region, int index) {
        this.region = region;
        this.index = index;
    }

    /** Sets the value of a per-year array for the two most recent evaluation years. */
    static void recent(double[] a, double y2023, double y2024) {
        a[Period.index(2023)] = y2023;
        a[Period.index(2024)] = y2024;
    }

    static void recent(int[] a, int y2023, int y2024) {
        a[Period.index(2023)] = y2023;
        a[Period.index(2024)] = y2024;
    }
}
