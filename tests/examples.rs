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

fn run(name: &str, args: &[&str], stdin: &[u8]) -> (std::process::ExitStatus, String, String) {
    use std::io::Write;
    let mut child = Command::new(example(name))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Written from a thread: a large input would fill the pipe while the
    // child's output fills the other one.
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&stdin));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    (
        output.status,
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn sample() -> String {
    data("sample.log").to_str().unwrap().to_owned()
}

fn ndjson(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The README's first command: ECS NDJSON for every shipped record.
#[test]
fn panlog_converts_the_shipped_sample_to_ecs() {
    let (status, stdout, stderr) = run("panlog", &["--stats", &sample()], b"");
    assert!(status.success(), "{stderr}");
    let docs = ndjson(&stdout);
    assert_eq!(docs.len(), 37);
    for doc in &docs {
        assert_eq!(doc["ecs"]["version"], "9.5.0-dev");
        assert_eq!(doc["observer"]["vendor"], "Palo Alto Networks");
        assert!(doc["event"]["kind"].is_string(), "{doc}");
        assert!(doc["event"]["original"].is_string());
    }
    // Every one of the 16 types, and no errors.
    let types: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.starts_with("errors"))
        .collect();
    assert_eq!(types.len(), 16, "{stderr}");
    assert!(
        stderr.contains("THREAT\t8") && stderr.contains("errors\t0"),
        "{stderr}"
    );
    // Records in input order; a few values from the shipped lines.
    assert_eq!(docs[0]["source"]["nat"]["ip"], "203.0.113.10");
    assert_eq!(
        docs[0]["panw"]["panos"]["link_switches"],
        "{wan1, tag-mpls, 100,100,,N/A}"
    );
    assert_eq!(docs[3]["url"]["original"], serde_json::Value::Null);
    assert_eq!(docs[3]["file"]["name"], "EXAMPLE.PDF");
    assert_eq!(docs[4]["url"]["query"], "a=1,b=2");
    // The octet-counted SYSTEM frame (no PRI) and the CONFIG change
    // spanning lines.
    assert_eq!(docs[7]["panw"]["panos"]["type"], "SYSTEM");
    assert_eq!(docs[7]["panw"]["panos"]["future_use_0"], "1");
    assert_eq!(
        docs[9]["panw"]["panos"]["after_change_detail"],
        "rule allow-web {\n  action deny; description \"was allow\";\n}"
    );
}

#[test]
fn panlog_to_seed_and_fields() {
    let (status, stdout, _) = run("panlog", &["--to", "seed", &sample()], b"");
    assert!(status.success());
    let docs = ndjson(&stdout);
    assert_eq!(docs.len(), 37);
    assert_eq!(docs[0]["ecs"]["version"], "1.10.0");
    assert_eq!(docs[0]["event"]["category"], "traffic");
    assert_eq!(docs[0]["action"]["name"], "allow");

    let (status, stdout, _) = run("panlog", &["--to", "fields", &sample()], b"");
    assert!(status.success());
    let docs = ndjson(&stdout);
    assert_eq!(docs.len(), 37);
    assert_eq!(docs[0]["natsrc"], "203.0.113.10");
    assert_eq!(docs[0]["sport"], 53144);
    assert_eq!(docs[0]["type"], "TRAFFIC");
}

/// `--to ocsf`: one OCSF event per record, each of its type's class, and
/// `--no-original` drops `raw_data` as it drops `event.original`.
#[test]
fn panlog_to_ocsf() {
    let (status, stdout, stderr) = run("panlog", &["--to", "ocsf", &sample()], b"");
    assert!(status.success(), "{stderr}");
    let docs = ndjson(&stdout);
    assert_eq!(docs.len(), 37);
    assert_eq!(docs[0]["class_uid"], 4001);
    assert_eq!(docs[0]["metadata"]["log_name"], "TRAFFIC");
    assert!(docs[0]["raw_data"].is_string());
    for doc in &docs {
        let (class, activity) = (
            doc["class_uid"].as_u64().unwrap(),
            doc["activity_id"].as_u64().unwrap(),
        );
        assert_eq!(
            doc["type_uid"].as_u64().unwrap(),
            class * 100 + activity,
            "{doc}"
        );
    }
    let classes: std::collections::BTreeSet<u64> = docs
        .iter()
        .map(|d| d["class_uid"].as_u64().unwrap())
        .collect();
    assert_eq!(
        classes.into_iter().collect::<Vec<_>>(),
        [2004, 3002, 3004, 4001, 4003, 5019]
    );

    let (status, stdout, _) = run("panlog", &["--to", "ocsf", "--no-original", &sample()], b"");
    assert!(status.success());
    assert!(ndjson(&stdout).iter().all(|d| d.get("raw_data").is_none()));
}

/// `--format parquet --out DIR`: a file per log type and day, every record
/// in one (read back in `tests/lake.rs`).
#[cfg(feature = "parquet")]
#[test]
fn panlog_to_parquet() {
    let out = std::env::temp_dir().join(format!("panlog-example-lake-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let (status, stdout, stderr) = run(
        "panlog",
        &[
            "--format",
            "parquet",
            "--out",
            out.to_str().unwrap(),
            &sample(),
        ],
        b"",
    );
    assert!(status.success(), "{stderr}");
    assert!(stdout.is_empty());
    let written: Vec<&str> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("wrote "))
        .collect();
    assert_eq!(written.len(), 16, "{stderr}");
    assert!(
        written
            .iter()
            .any(|f| f.ends_with("traffic/eventDay=20240305/part-00000.parquet"))
    );
    assert!(written.iter().all(|f| std::path::Path::new(f).is_file()));
    // OCSF events as Parquet: one file set per class.
    let (status, _, stderr) = run(
        "panlog",
        &[
            "--format",
            "parquet",
            "--to",
            "ocsf",
            "--out",
            out.to_str().unwrap(),
            &sample(),
        ],
        b"",
    );
    assert!(status.success(), "{stderr}");
    assert!(
        stderr.contains("network_activity/eventDay=20240305/part-00000.parquet"),
        "{stderr}"
    );
    assert!(stderr.contains("detection_finding/eventDay="), "{stderr}");
    // ECS documents as Parquet are refused, not silently written as fields.
    let (status, _, stderr) = run(
        "panlog",
        &[
            "--format",
            "parquet",
            "--to",
            "ecs",
            "--out",
            out.to_str().unwrap(),
            &sample(),
        ],
        b"",
    );
    assert!(!status.success());
    assert!(stderr.contains("--to fields"), "{stderr}");
    std::fs::remove_dir_all(&out).unwrap();
}

/// The shapes real devices send, at the end of the sample: a PAN-OS 5.x
/// THREAT (42 columns), a Strata-forwarded THREAT, the AUDIT header form and
/// a SYSTEM auth failure whose facts are in its description.
#[test]
fn panlog_converts_the_real_world_shapes_of_the_sample() {
    let (status, stdout, stderr) = run("panlog", &[&sample()], b"");
    assert!(status.success(), "{stderr}");
    let docs = ndjson(&stdout);
    let [old, strata, audit, auth] = &docs[25..29] else {
        panic!("{} documents", docs.len())
    };
    assert_eq!(old["url"]["original"], "example.com/z/config.bin");
    assert_eq!(old["source"]["user"]["name"], "jdoe");
    assert_eq!(old["observer"]["hostname"], "PA-500");
    assert_eq!(strata["url"]["original"], "www.example.com/blocked");
    assert_eq!(strata["event"]["outcome"], "failure");
    assert_eq!(strata["panw"]["panos"]["threatid"], serde_json::Value::Null);
    assert_eq!(strata["observer"]["serial_number"], "no-serial");
    assert_eq!(audit["panw"]["panos"]["type"], "AUDIT");
    assert_eq!(audit["observer"]["hostname"], "PA-3220-edge");
    assert_eq!(audit["user"]["name"], "admin");
    assert_eq!(audit["@timestamp"], "2024-03-05T14:22:09+00:00");
    assert_eq!(auth["event"]["outcome"], "failure");
    assert_eq!(auth["user"]["name"], "mallory");
    assert_eq!(auth["source"]["ip"], "198.51.100.7");
    assert_eq!(auth["destination"]["ip"], "192.0.2.5");
    assert_eq!(auth["event"]["reason"], "Invalid username/password");
    assert_eq!(auth["panw"]["panos"]["auth"]["profile"], "corp-ldap");
    assert_eq!(auth["panw"]["panos"]["auth"]["server_profile"], "ldap-1");
}

/// A JSON document on its input (an array, or objects pretty-printed over
/// many lines) is read as its objects without `--from json`: the same
/// records as the same objects one per line.
#[test]
fn panlog_detects_a_json_document() {
    let sample = std::fs::read_to_string(sample()).unwrap();
    let objects: Vec<serde_json::Value> = sample
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        objects.len() >= 2,
        "{} JSON lines in the sample",
        objects.len()
    );
    let lines: String = objects.iter().map(|o| format!("{o}\n")).collect();
    let array = serde_json::to_string_pretty(&objects).unwrap();
    let stacked: String = objects
        .iter()
        .map(|o| serde_json::to_string_pretty(o).unwrap() + "\n")
        .collect();
    let key = |doc: &serde_json::Value| {
        let mut doc = doc.clone();
        doc["event"]["original"] = serde_json::Value::Null; // the text as written
        doc
    };
    let (status, stdout, stderr) = run("panlog", &[], lines.as_bytes());
    assert!(status.success() && stderr.is_empty(), "{stderr}");
    let want: Vec<_> = ndjson(&stdout).iter().map(key).collect();
    assert_eq!(want.len(), objects.len());
    for input in [array, stacked] {
        let (status, stdout, stderr) = run("panlog", &[], input.as_bytes());
        assert!(status.success() && stderr.is_empty(), "{stderr}");
        let got: Vec<_> = ndjson(&stdout).iter().map(key).collect();
        assert_eq!(got, want, "{input}");
    }
}

#[test]
fn panlog_reads_naive_times_in_the_given_zone() {
    let (status, stdout, _) = run("panlog", &["--tz", "-08:00", &sample()], b"");
    assert!(status.success());
    let docs = ndjson(&stdout);
    assert_eq!(docs[1]["event"]["timezone"], "-08:00");
    assert_eq!(
        docs[1]["panw"]["panos"]["received_time"],
        "2024-03-05T14:22:07-08:00"
    );
    let (status, _, stderr) = run("panlog", &["--tz", "bogus", &sample()], b"");
    assert_eq!(status.code(), Some(2), "{stderr}");
}

/// A firewall in Berlin: the same wall-clock reading is +01:00 in winter,
/// +02:00 in summer, and the skipped hour of the spring change is flagged.
#[cfg(feature = "tz")]
#[test]
fn panlog_reads_a_dst_zone_end_to_end() {
    let line =
        |t: &str| format!("1,{t},0011,SYSTEM,general,0,{t},,general,,0,0,general,high,x,12,0x0\n");
    let input = [
        line("2024/01/15 12:00:00"),
        line("2024/07/15 12:00:00"),
        line("2024/03/31 02:30:00"),
        line("2024/10/27 02:30:00"),
    ]
    .concat();
    let (status, stdout, stderr) = run("panlog", &["--tz", "Europe/Berlin"], input.as_bytes());
    assert!(status.success(), "{stderr}");
    let docs = ndjson(&stdout);
    let stamps: Vec<_> = docs
        .iter()
        .map(|d| d["@timestamp"].as_str().unwrap())
        .collect();
    assert_eq!(
        stamps,
        [
            "2024-01-15T12:00:00+01:00",
            "2024-07-15T12:00:00+02:00",
            "2024-03-31T03:30:00+02:00",
            "2024-10-27T02:30:00+02:00",
        ]
    );
    assert_eq!(docs[0]["event"]["timezone"], "Europe/Berlin");
    assert_eq!(docs[0].get("tags"), None);
    assert_eq!(
        docs[2]["tags"],
        serde_json::json!(["panlog_time_nonexistent"])
    );
    assert_eq!(
        docs[3]["tags"],
        serde_json::json!(["panlog_time_ambiguous"])
    );

    // A zone per device: serial 0011 is in New York, the rest in Tokyo.
    let dir = std::env::temp_dir().join(format!("panlog-tzmap-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let map = dir.join("zones.txt");
    std::fs::write(
        &map,
        "# device zone\n0011 America/New_York\ndefault Asia/Tokyo\n",
    )
    .unwrap();
    let two = format!(
        "{}{}",
        line("2024/07/15 12:00:00"),
        line("2024/07/15 12:00:00").replace(",0011,", ",0022,")
    );
    let (status, stdout, stderr) = run(
        "panlog",
        &["--tz-map", map.to_str().unwrap()],
        two.as_bytes(),
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(status.success(), "{stderr}");
    let docs = ndjson(&stdout);
    assert_eq!(docs[0]["@timestamp"], "2024-07-15T12:00:00-04:00");
    assert_eq!(docs[0]["event"]["timezone"], "America/New_York");
    assert_eq!(docs[1]["@timestamp"], "2024-07-15T12:00:00+09:00");
    // `local` honours TZ.
    let mut child = Command::new(example("panlog"))
        .args(["--tz", "local"])
        .env("TZ", "Australia/Adelaide")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(line("2024/07/15 12:00:00").as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let docs = ndjson(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(docs[0]["@timestamp"], "2024-07-15T12:00:00+09:30");
}

#[test]
fn panlog_reports_bad_records_and_goes_on() {
    // A good line, a line with no log type, a TRAFFIC stub older than every
    // layout (it converts), then an octet-counted frame cut short by the end
    // of input.
    let sample = std::fs::read_to_string(data("sample.log")).unwrap();
    let good = sample.lines().next().unwrap();
    let input =
        format!("{good}\nhello, world\n1,2024/03/05 14:22:07,0128,TRAFFIC,end\n99 <14>1,cut");
    let (status, stdout, stderr) = run("panlog", &[], input.as_bytes());
    assert!(status.success());
    let docs = ndjson(&stdout);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1]["panw"]["panos"]["type"], "TRAFFIC");
    let byte = good.len() + 1;
    assert!(
        stderr.contains(&format!(
            "-:2: byte {byte}, field 3: no log type: column 3 is missing or empty (2 columns)"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("-:4: byte"), "{stderr}");
    assert!(stderr.contains("octet-counted frame truncated"), "{stderr}");
}

#[test]
fn panlog_fails_on_unreadable_input() {
    let output = Command::new(example("panlog"))
        .arg("/nonexistent/panlog-input")
        .output()
        .unwrap();
    assert!(!output.status.success());
}

/// The article's table, from the shipped THREAT lines.
#[test]
fn threat_report_prints_the_articles_table() {
    let threats = data("threats.log");
    let (status, stdout, stderr) = run(
        "threat_report",
        &["--subtype", "spyware", threats.to_str().unwrap()],
        b"",
    );
    assert!(status.success(), "{stderr}");
    assert_eq!(
        stdout,
        "Destination;Destination Name;Source;Threat Name;Count\n\
         192.168.56.201;corp\\j.smith;178.218.122.66;Locky.JSDownloader.Gen Command and Control Traffic;3\n\
         192.168.56.205;corp\\k.bruni;90.126.241.111;nimnul.Gen Command And Control Traffic;1\n"
    );
    let (_, stdout, _) = run(
        "threat_report",
        &["--threat", "BRUTE FORCE", threats.to_str().unwrap()],
        b"",
    );
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    assert!(stdout.contains("10.1.1.25;;203.0.113.77;MAIL: User Login Brute Force Attempt;2"));
}

#[test]
fn threat_report_remembers_what_it_saw() {
    let threats = data("threats.log");
    let threats = threats.to_str().unwrap();
    let state = std::env::temp_dir().join(format!("panlog-threat-state-{}", std::process::id()));
    let _ = std::fs::remove_file(&state);
    let state = state.to_str().unwrap();
    let day = |d: &str| {
        run(
            "threat_report",
            &[
                "--subtype",
                "spyware",
                "--state",
                state,
                "--day",
                d,
                threats,
            ],
            b"",
        )
        .1
    };
    let first = day("2024-03-04");
    assert!(first.starts_with("All (2)\n\nNew (2)\n"), "{first}");
    let second = day("2024-03-05");
    assert_eq!(
        second,
        "All (2)\n\nNew (0)\n\nAlready seen (2)\n#2 days (2)\n\
         #2024-03-04\n#2024-03-05\n\
         192.168.56.201;corp\\j.smith;178.218.122.66;Locky.JSDownloader.Gen Command and Control Traffic;3\n\
         #2024-03-04\n#2024-03-05\n\
         192.168.56.205;corp\\k.bruni;90.126.241.111;nimnul.Gen Command And Control Traffic;1\n"
    );
    let _ = std::fs::remove_file(state);
}

/// The async receiver, over real loopback sockets: two records on one TCP
/// connection (one octet-counted), two UDP datagrams, one bad record; it
/// stops by itself after five items (and within 20 seconds whatever happens).
#[cfg(feature = "tokio")]
#[test]
fn syslog_receiver_takes_tcp_and_udp_on_loopback() {
    use std::io::{BufRead, BufReader, Write};
    let mut child = Command::new(example("syslog_receiver"))
        .args([
            "--listen",
            "127.0.0.1:0",
            "--max-records",
            "5",
            "--seconds",
            "20",
        ])
        .args(["--tz", "+02:00"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut first = String::new();
    stderr.read_line(&mut first).unwrap();
    // `listening on tcp 127.0.0.1:P udp 127.0.0.1:Q`
    let words: Vec<&str> = first.split_whitespace().collect();
    assert_eq!(words[..2], ["listening", "on"], "{first}");
    let (tcp, udp) = (words[3], words[5]);
    let record = |n: u32| {
        format!(
            "<14>Mar  5 14:22:0{n} fw-{n} 1,2024/03/05 14:22:0{n},0011,SYSTEM,general,0,2024/03/05 14:22:0{n},,general,,0,0,general,low,record {n},1,0x0"
        )
    };
    let mut stream = std::net::TcpStream::connect(tcp).unwrap();
    let framed = record(2);
    write!(stream, "{}\n{} {}", record(1), framed.len(), framed).unwrap();
    stream.flush().unwrap();
    let socket = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    socket.send_to(record(3).as_bytes(), udp).unwrap();
    socket.send_to(b"not a PAN-OS record", udp).unwrap();
    socket.send_to(record(4).as_bytes(), udp).unwrap();
    drop(stream);
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    let docs = ndjson(&String::from_utf8(output.stdout).unwrap());
    let mut opaque: Vec<String> = docs
        .iter()
        .map(|d| d["panw"]["panos"]["opaque"].as_str().unwrap().to_owned())
        .collect();
    opaque.sort();
    assert_eq!(
        opaque,
        ["record 1", "record 2", "record 3", "record 4"],
        "{rest}"
    );
    assert!(
        rest.contains("udp 127.0.0.1:") && rest.contains("no log type"),
        "{rest}"
    );
    assert!(docs.iter().all(|d| d["event"]["timezone"] == "+02:00"));
    assert!(
        docs.iter()
            .any(|d| d["@timestamp"] == "2024-03-05T14:22:03+02:00")
    );
}

/// `--threads`: the same documents and error lines, in the same order, on
/// one thread and on several (with the `rayon` feature the converter runs
/// `panlog::batch`; without it, every count is one thread).
#[test]
fn panlog_threads_change_nothing_but_speed() {
    let mut input = std::fs::read(sample()).unwrap();
    input.extend_from_slice(b"1,x\nnot a log\n");
    let input = input.repeat(300);
    let (status, one, one_err) = run("panlog", &["--threads", "1", "--stats"], &input);
    assert!(status.success(), "{one_err}");
    assert_eq!(ndjson(&one).len(), 37 * 300);
    for threads in ["2", "3", "0"] {
        let (status, many, many_err) = run("panlog", &["--threads", threads, "--stats"], &input);
        assert!(status.success(), "{many_err}");
        assert!(one == many, "--threads {threads}: other documents");
        assert_eq!(one_err, many_err, "--threads {threads}");
    }
    let (status, _, stderr) = run("panlog", &["--threads", "many"], b"");
    assert_eq!(status.code(), Some(2), "{stderr}");
}
