/**
 * What a terminal shows of a run: the scorecard per year and region, column widths that hold
 * Chinese text.
 */
package org.netmarket.report;
