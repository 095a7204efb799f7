/**
 * The staging layer (Spark): the data directory and its files, encodings and CSV dialects,
 * validation and quarantine of rows, later-version-wins deduplication, and the incremental
 * staging area of the nightly run (Parquet generations of the latest version of every record).
 */
package org.netmarket.staging;
