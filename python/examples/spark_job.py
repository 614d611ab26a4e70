"""zhengling over many WARC/WET/JSONL files on Spark (cc-pyspark style).

    spark-submit --master local[2] python/examples/spark_job.py manifest.txt out/ --format both

`manifest.txt` lists one input per line: local paths, file: URIs or any URI the cluster's
Hadoop can read (hdfs://, s3a://, ...). One task per file; `out/records` (Parquet),
`out/records.jsonl` (JSON Lines, exactly the binary's records) and `out/counts` (records in,
records out, errors by kind per file). The per-file counts and their totals are printed to
stderr; the exit status is 1 when a file could not be read at all. The `zhengling` package
must be installed in the executors' Python (see python/README.md).
"""

import sys

from zhengling.spark import main

if __name__ == "__main__":
    sys.exit(main())
