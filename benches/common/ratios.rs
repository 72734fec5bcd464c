//! Prints the ratio of each bench to its peer, from the medians criterion
//! has just written (`target/criterion/<group>/<bench>/new/estimates.json`).

use std::path::PathBuf;

/// Criterion's directory for its results.
fn home() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    target.join("criterion")
}

/// A bench id as criterion names its directory.
fn dir_name(id: &str) -> String {
    id.chars()
        .map(|c| if "?\"/\\*<>:|^".contains(c) { '_' } else { c })
        .collect()
}

/// One of criterion's files for `bench` of `group`, this run's.
fn read(group: &str, bench: &str, file: &str) -> Option<serde_json::Value> {
    let path = home()
        .join(dir_name(group))
        .join(dir_name(bench))
        .join("new")
        .join(file);
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

fn median_ns(group: &str, bench: &str) -> Option<f64> {
    read(group, bench, "estimates.json")?["median"]["point_estimate"].as_f64()
}

/// The bytes one iteration of `bench` reads, if its throughput counts
/// bytes.
fn bytes(group: &str, bench: &str) -> Option<f64> {
    let throughput = &read(group, bench, "benchmark.json")?["throughput"];
    throughput["Bytes"]
        .as_f64()
        .or_else(|| throughput["ElementsAndBytes"]["bytes"].as_f64())
}

/// A group's throughput: criterion reports records/s and bytes/s.
#[allow(dead_code)] // not every bench binary uses it
pub fn records_and_bytes(records: usize, bytes: usize) -> criterion::Throughput {
    criterion::Throughput::ElementsAndBytes {
        elements: records as u64,
        bytes: bytes as u64,
    }
}

/// The end of a bench binary's `main`: criterion's summary, then the
/// ratios of `group`.
pub fn finish(group: &str, pairs: &[(&str, &str)]) {
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
    print(group, pairs);
}

/// For each `(bench, peer)` of `group`: `bench` is N× faster than `peer`,
/// per iteration, and per byte where the two read different inputs.
pub fn print(group: &str, pairs: &[(&str, &str)]) {
    println!("\nratios ({group}, medians):");
    for (bench, peer) in pairs {
        match (median_ns(group, bench), median_ns(group, peer)) {
            (Some(b), Some(p)) => {
                let per_byte = match (bytes(group, bench), bytes(group, peer)) {
                    (Some(bb), Some(pb)) if bb != pb => {
                        format!(", {:.2}x per byte", (p / pb) / (b / bb))
                    }
                    _ => String::new(),
                };
                println!("  {bench} vs {peer}: {:.2}x{per_byte}", p / b);
            }
            _ => println!("  {bench} vs {peer}: not measured in this run"),
        }
    }
}
