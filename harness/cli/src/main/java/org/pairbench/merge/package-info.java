/**
 * {@code pairbench merge}: the results directories of a suite run in shards ({@code run --shard I/N}, on several
 * machines or CI jobs) joined into one. {@link ShardSet} reads the shards and refuses those that do not belong
 * together; {@link MergedRun} writes the one directory (summary.json, run.json, the interval logs and target logs
 * copied), after which the claims are judged and the report rendered by the same code {@code report} uses.
 */
package org.pairbench.merge;
