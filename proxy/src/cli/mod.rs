//! The `cordon` command's subcommands, one file each: `audit` (the trail:
//! verify, query, report, shadow...), `engine` (import and serve models),
//! `policy` (check, test, diff, packs, promote, and `explain`), `scan`
//! (detectors on files), and `output` (how they print). The binary's
//! `main.rs` parses the command line and calls them; everything they run is
//! the library's.

pub mod audit;
pub mod engine;
pub mod output;
pub mod policy;
pub mod scan;
