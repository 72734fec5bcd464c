//! `syslog_receiver`: a syslog collector for PAN-OS on TCP and UDP, writing
//! one ECS document per record (NDJSON) to standard output.
//!
//! ```text
//! cargo run --example syslog_receiver --features tokio -- \
//!     [--listen 127.0.0.1:5514] [--tz ZONE] [--max-records N] [--seconds S]
//! ```
//!
//! It listens on the same address for TCP (newline-delimited or RFC 6587
//! octet-counted) and UDP (a datagram a record), says on standard error
//! where (`listening on tcp ADDR udp ADDR`; port 0 picks free ports), and
//! stops after `--max-records` records or `--seconds` seconds, whichever
//! comes first (by default it runs until interrupted). Each connection and
//! the UDP socket are read by their own task; the records go through a
//! channel, as owned values, to the one task that writes them. Bad records
//! are reported on standard error and skipped.

use std::net::SocketAddr;
use std::time::Duration;

use panlog::OwnedLog;
use panlog::codec::LogCodec;
use panlog::ecs::{EcsMapping, Mapping};
use panlog::zone::Zone;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, UdpSocket};
use tokio::sync::mpsc;
use tokio_stream::StreamExt;
use tokio_util::codec::FramedRead;
use tokio_util::udp::UdpFramed;

struct Options {
    listen: SocketAddr,
    zone: Zone,
    max_records: Option<u64>,
    seconds: Option<u64>,
}

const USAGE: &str =
    "usage: syslog_receiver [--listen ADDR:PORT] [--tz ZONE] [--max-records N] [--seconds S]";

fn options() -> Result<Options, String> {
    let mut opts = Options {
        listen: "127.0.0.1:5514".parse().unwrap(),
        zone: Zone::UTC,
        max_records: None,
        seconds: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--listen" => opts.listen = value()?.parse().map_err(|e| format!("--listen: {e}"))?,
            "--tz" => opts.zone = value()?.parse().map_err(|e| format!("--tz: {e}"))?,
            "--max-records" => {
                opts.max_records = Some(
                    value()?
                        .parse()
                        .map_err(|e| format!("--max-records: {e}"))?,
                )
            }
            "--seconds" => {
                opts.seconds = Some(value()?.parse().map_err(|e| format!("--seconds: {e}"))?)
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(opts)
}

/// A record or a bad record's message, from a reading task to the writer.
type Item = Result<OwnedLog, String>;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let opts = match options() {
        Ok(opts) => opts,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return std::process::ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("syslog_receiver: {e}\n{USAGE}");
            return std::process::ExitCode::from(2);
        }
    };
    match run(opts).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("syslog_receiver: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(opts: Options) -> std::io::Result<()> {
    let tcp = TcpListener::bind(opts.listen).await?;
    let udp = UdpSocket::bind(opts.listen).await?;
    eprintln!(
        "listening on tcp {} udp {}",
        tcp.local_addr()?,
        udp.local_addr()?
    );
    let zone = opts.zone;
    let codec = move || LogCodec::new().with_parser(panlog::Parser::new().time_zone(zone));
    let (tx, mut rx) = mpsc::channel::<Item>(1024);

    // UDP: a datagram is a record (or a few); a bad one is reported.
    let udp_tx = tx.clone();
    let udp_codec = codec();
    tokio::spawn(async move {
        let mut datagrams = UdpFramed::new(udp, udp_codec);
        while let Some(next) = datagrams.next().await {
            let item = match next {
                Ok((record, from)) => record.map_err(|e| format!("udp {from}: {e}")),
                Err(e) => Err(format!("udp: {e}")),
            };
            if udp_tx.send(item).await.is_err() {
                break;
            }
        }
    });

    // TCP: a task per connection.
    let tcp_tx = tx.clone();
    tokio::spawn(async move {
        while let Ok((stream, peer)) = tcp.accept().await {
            let tx = tcp_tx.clone();
            let codec = codec();
            tokio::spawn(async move {
                let mut records = FramedRead::new(stream, codec);
                while let Some(next) = records.next().await {
                    let item = match next {
                        Ok(record) => record.map_err(|e| format!("tcp {peer}: {e}")),
                        Err(e) => Err(format!("tcp {peer}: {e}")),
                    };
                    if tx.send(item).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    drop(tx);

    // The writer: ECS NDJSON, until the record limit or the deadline.
    let mapping = EcsMapping::new();
    let mut out = tokio::io::stdout();
    let mut line = Vec::with_capacity(4096);
    let mut seen = 0u64;
    let deadline = opts
        .seconds
        .map(|s| tokio::time::Instant::now() + Duration::from_secs(s));
    loop {
        let next = match deadline {
            Some(at) => match tokio::time::timeout_at(at, rx.recv()).await {
                Ok(next) => next,
                Err(_) => break,
            },
            None => rx.recv().await,
        };
        let Some(item) = next else { break };
        seen += 1;
        match item {
            Ok(log) => {
                line.clear();
                serde_json::to_writer(&mut line, &mapping.map(&log.log()))
                    .map_err(std::io::Error::other)?;
                line.push(b'\n');
                out.write_all(&line).await?;
            }
            Err(e) => eprintln!("{e}"),
        }
        if opts.max_records.is_some_and(|max| seen >= max) {
            break;
        }
    }
    out.flush().await?;
    Ok(())
}
