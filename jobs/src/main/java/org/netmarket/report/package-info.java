/**
 * What a terminal shows of a run: the scorecard per year and region, the run's summary (what
 * publishing changed, the validate table), column widths that hold Chinese text.
 */
package org.netmarket.report;
