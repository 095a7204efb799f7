/**
 * The language of the indicator system's rules, as pure values: exact ratios
 * ({@link org.netmarket.rules.Ratio}, never doubles), observations and measurements with their
 * status, the expert assessments of assessed items, comparisons (their words are the
 * edition's), criteria and scoring rules, and the reasons told in English and Chinese
 * ({@link org.netmarket.rules.Reason}). The edition declares rules in it, the items produce
 * measurements in it, and scoring applies the one to the other. Depends on nothing else of
 * the job.
 */
package org.netmarket.rules;
