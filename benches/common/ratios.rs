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

fn median_ns(group: &str, bench: &str) -> Option<f64> {
    let path = home()
        .join(dir_name(group))
        .join(dir_name(bench))
        .join("new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["median"]["point_estimate"].as_f64()
}

/// The end of a bench binary's `main`: criterion's summary, then the
/// ratios of `group`.
pub fn finish(group: &str, pairs: &[(&str, &str)]) {
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
    print(group, pairs);
}

/// For each `(bench, peer)` of `group`: `bench` is N× faster than `peer`.
pub fn print(group: &str, pairs: &[(&str, &str)]) {
    println!("\nratios ({group}, medians):");
    for (bench, peer) in pairs {
        match (median_ns(group, bench), median_ns(group, peer)) {
            (Some(b), Some(p)) => println!("  {bench} vs {peer}: {:.2}x", p / b),
            _ => println!("  {bench} vs {peer}: not measured in this run"),
        }
    }
}
