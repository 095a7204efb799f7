/**
 * The marts: facts per region and evaluation year counted from the staged extracts (Spark
 * aggregations of record-level extracts, rolled up to every ancestor; aggregate, national and
 * assessment figures collected to the driver), ready for the items to measure.
 */
package org.netmarket.facts;
