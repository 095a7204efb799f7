/**
 * The deterministic generator of realistic data sets (Yuncheng, a province, the country) with
 * every extract kind of the contract, a next night's delta and rows broken on purpose.
 */
package org.netmarket.generator;
