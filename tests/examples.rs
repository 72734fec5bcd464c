//! Runs the example binaries on the data shipped in `examples/data/` and
//! checks their output, as a newcomer would run them from the README.

use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The path of a built example. A full `cargo test` builds the examples;
/// when only this test target was built, build the example first.
fn example(name: &str) -> PathBuf {
    let mut dir = std::env::current_exe().unwrap();
    dir.pop(); // the test binary
    if dir.ends_with("deps") {
        dir.pop();
    }
    let path = dir.join("examples").join(name);
    if !path.exists() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--example", name])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .unwrap();
        assert!(status.success(), "building example {name}");
    }
    path
}

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples/data")
        .join(name)
}

#[test]
fn panlog_converts_the_shipped_sample() {
    let output = Command::new(example("panlog"))
        .arg("--stats")
        .arg(data("sample.log"))
        .output()
        .expect("the panlog example is built by cargo test");
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let docs: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let types: Vec<&str> = docs.iter().map(|d| d["type"].as_str().unwrap()).collect();
    assert_eq!(
        types,
        [
            "TRAFFIC",
            "THREAT",
            "THREAT",
            "SYSTEM",
            "CONFIG",
            "USERID",
            "GLOBALPROTECT"
        ]
    );
    // Column counts of the 10.1 layouts the sample is written in.
    let widths: Vec<usize> = docs
        .iter()
        .map(|d| d["fields"].as_array().unwrap().len())
        .collect();
    assert_eq!(widths, [115, 121, 121, 26, 26, 34, 49]);
    // Quoted commas and quotes come out whole, the SD-WAN brace group too.
    assert_eq!(
        docs[1]["fields"][31],
        "www.example.com/login?next=/a,b&x=\"1\""
    );
    assert_eq!(docs[0]["fields"][69], "{wan1, tag-mpls, 100,100,,N/A}");
    assert_eq!(docs[0]["syslog"]["hostname"], "PA-3220-edge");
    assert_eq!(docs[1]["syslog"]["format"], "rfc5424");
    assert_eq!(docs[4]["syslog"]["format"], "none");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("THREAT\t2") && stderr.contains("errors\t0"),
        "{stderr}"
    );
}

#[test]
fn panlog_reports_bad_records_and_goes_on() {
    let mut child = Command::new(example("panlog"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    // An octet-counted frame cut short by the end of input, after a good line.
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"1,2024/03/05 14:22:07,0128,SYSTEM,general\n99 <14>1,cut")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8(output.stdout).unwrap().lines().count(), 1);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("-: record 2 (line 2, byte 42): octet-counted frame truncated"),
        "{stderr}"
    );
}

#[test]
fn panlog_fails_on_unreadable_input() {
    let output = Command::new(example("panlog"))
        .arg("/nonexistent/panlog-input")
        .output()
        .unwrap();
    assert!(!output.status.success());
}
