//! Corpus-scale processing: collections of pages in, records out, in input order.
//!
//! STUB: being written (WARC/WET/JSONL readers, parallel ordered processing, CSV of measures).
