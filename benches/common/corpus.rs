//! A deterministic corpus of PAN-OS syslog lines for the benchmarks: mixed
//! log types in realistic proportions, 10.x/11.x column counts, syslog
//! headers, quoted URLs, user agents and category lists. Generated at bench
//! time from a fixed seed; nothing large is committed.

#![allow(dead_code)]

/// xorshift64*: small, fast, and the same sequence everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
    pub fn ip(&mut self, private: bool) -> String {
        if private {
            format!(
                "10.{}.{}.{}",
                self.below(256),
                self.below(256),
                1 + self.below(254)
            )
        } else {
            format!(
                "{}.{}.{}.{}",
                1 + self.below(222),
                self.below(256),
                self.below(256),
                1 + self.below(254)
            )
        }
    }
}

const APPS: &[&str] = &[
    "ssl",
    "web-browsing",
    "dns",
    "ms-office365",
    "google-base",
    "incomplete",
    "ping",
    "ntp",
];
const URLS: &[&str] = &[
    "www.example.com/index.html",
    "cdn.example.net/static/js/app.min.js?v=3,4",
    "login.example.org/oauth2/authorize?client_id=abc&scope=openid,profile",
    "updates.example.com/",
];
const AGENTS: &[&str] = &[
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
    "Microsoft-CryptoAPI/10.0",
    "curl/8.5.0",
];
const CATEGORIES: &[&str] = &[
    "business-and-economy,low-risk",
    "computer-and-internet-info,low-risk",
    "search-engines",
    "phishing,high-risk",
];

fn header(rng: &mut Rng, out: &mut String) {
    match rng.below(3) {
        0 => out.push_str("<14>Mar  5 14:22:07 PA-3220-edge "),
        1 => out.push_str("<14>1 2024-03-05T14:22:07+01:00 PA-3220-edge - - - - "),
        _ => {}
    }
}

fn common(out: &mut String, log_type: &str, subtype: &str) {
    out.push_str("1,2024/03/05 14:22:07,012801096514,");
    out.push_str(log_type);
    out.push(',');
    out.push_str(subtype);
    out.push_str(",2561,2024/03/05 14:22:07,");
}

fn push_fields(out: &mut String, fields: &[String]) {
    out.push_str(&fields.join(","));
}

/// The session columns TRAFFIC and THREAT share (indexes 7 to 30: addresses,
/// rule, users, app, zones, interfaces, ids, ports, flags, protocol, action).
fn session(rng: &mut Rng, f: &mut Vec<String>, app: &str, dport: &str, flags: &str, action: &str) {
    let (src, dst) = (rng.ip(true), rng.ip(false));
    f.extend([
        src,
        dst.clone(),
        "203.0.113.10".into(),
        dst,
        "allow-web".into(),
        "corp\\jdoe".into(),
        String::new(),
    ]);
    f.extend([
        app.into(),
        "vsys1".into(),
        "trust".into(),
        "untrust".into(),
        "ethernet1/2".into(),
        "ethernet1/1".into(),
    ]);
    f.extend([
        "default".into(),
        "2024/03/05 14:22:07".into(),
        rng.below(1 << 20).to_string(),
        "1".into(),
    ]);
    let (sport, natsport) = (1024 + rng.below(60000), 1024 + rng.below(60000));
    f.extend([
        sport.to_string(),
        dport.into(),
        natsport.to_string(),
        dport.into(),
    ]);
    f.extend([flags.into(), "tcp".into(), action.into()]);
}

fn traffic(rng: &mut Rng, out: &mut String) {
    let subtype = rng.pick(&["end", "end", "end", "start", "drop", "deny"]);
    common(out, "TRAFFIC", subtype);
    let mut f: Vec<String> = Vec::with_capacity(110);
    let app = rng.pick(APPS);
    session(rng, &mut f, app, "443", "0x40041c", "allow");
    let sent = rng.below(100_000);
    let recv = rng.below(1_000_000);
    f.extend([
        (sent + recv).to_string(),
        sent.to_string(),
        recv.to_string(),
        rng.below(2000).to_string(),
    ]);
    f.extend([
        "2024/03/05 14:21:41".into(),
        rng.below(600).to_string(),
        "search-engines".into(),
        String::new(),
    ]);
    f.extend([
        rng.below(1 << 30).to_string(),
        "0x8000000000000000".into(),
        "10.0.0.0-10.255.255.255".into(),
        "United States".into(),
        String::new(),
    ]);
    f.extend([
        rng.below(1000).to_string(),
        rng.below(1000).to_string(),
        rng.pick(&["tcp-fin", "aged-out", "tcp-rst-from-client"])
            .into(),
    ]);
    f.extend([
        "11".into(),
        "0".into(),
        "0".into(),
        "0".into(),
        String::new(),
        "PA-3220-edge".into(),
        "from-policy".into(),
    ]);
    f.extend([
        String::new(),
        String::new(),
        "0".into(),
        String::new(),
        "0".into(),
        String::new(),
        "N/A".into(),
    ]);
    f.extend([
        "0".into(),
        "0".into(),
        "0".into(),
        "0".into(),
        "5b5e1c3a-1e0e-4c4a-9a55-3c1a5d1e0f2b".into(),
        "0".into(),
        "0".into(),
    ]);
    f.push(String::new());
    f.push(if rng.below(10) == 0 {
        "{wan1, tag-mpls, 100,100,,N/A}".into()
    } else {
        String::new()
    });
    while f.len() < 98 {
        f.push(String::new());
    }
    f.extend([
        "networking".into(),
        "encrypted-tunnel".into(),
        "browser-based".into(),
        "4".into(),
    ]);
    f.extend([
        "used-by-malware able-to-transfer-file".into(),
        String::new(),
        "untunneled".into(),
        "no".into(),
        "no".into(),
        "0".into(),
    ]);
    push_fields(out, &f);
}

fn threat(rng: &mut Rng, out: &mut String) {
    let subtype = rng.pick(&[
        "url",
        "url",
        "url",
        "vulnerability",
        "spyware",
        "virus",
        "file",
    ]);
    common(out, "THREAT", subtype);
    let mut f: Vec<String> = Vec::with_capacity(115);
    let action = rng.pick(&["alert", "block-url", "reset-both"]);
    session(rng, &mut f, "web-browsing", "80", "0x401000", action);
    f.push(format!("\"{}\"", rng.pick(URLS)));
    f.push(
        rng.pick(&[
            "(9999)",
            "\"HTTP SQL Injection Attempt(37552)\"",
            "Virus/Win32.WGeneric.eyqmxc(498172930)",
        ])
        .into(),
    );
    f.extend([
        "any".into(),
        rng.pick(&["informational", "medium", "high"]).into(),
        "client-to-server".into(),
    ]);
    f.extend([
        rng.below(1 << 30).to_string(),
        "0x8000000000000000".into(),
        "10.0.0.0-10.255.255.255".into(),
        "United States".into(),
        String::new(),
    ]);
    f.extend([
        "text/html".into(),
        "0".into(),
        String::new(),
        String::new(),
        "1".into(),
    ]);
    f.push(format!("\"{}\"", rng.pick(AGENTS)));
    f.extend([
        String::new(),
        String::new(),
        "\"https://www.example.com/\"".into(),
    ]);
    while f.len() < 68 {
        f.push(String::new());
    }
    f.push(format!("\"{}\"", rng.pick(CATEGORIES)));
    while f.len() < 114 {
        f.push(String::new());
    }
    push_fields(out, &f);
}

fn system(rng: &mut Rng, out: &mut String) {
    common(out, "SYSTEM", "general");
    out.push_str("vsys1,general,,,,general,informational,\"Connection to Update server closed: updates.example.com, source: 192.0.2.7\",");
    out.push_str(&rng.below(1 << 30).to_string());
    out.push_str(",0x8000000000000000,11,0,0,0,,PA-3220-edge,,,2024-03-05T14:30:00.000+01:00");
}

fn userid(rng: &mut Rng, out: &mut String) {
    common(out, "USERID", "login");
    let ip = rng.ip(true);
    out.push_str(&format!(
        "vsys1,{ip},corp\\jdoe,dc01.corp.example,0,1,2700,0,0,agent,active-directory,"
    ));
    out.push_str(&rng.below(1 << 30).to_string());
    out.push_str(",0x8000000000000000,11,0,0,0,,PA-3220-edge,1,,1970/01/01 01:00:00,0,0x100,jdoe,,2024-03-05T14:31:02.000+01:00");
}

fn globalprotect(rng: &mut Rng, out: &mut String) {
    common(out, "GLOBALPROTECT", "0");
    let ip = rng.ip(false);
    out.push_str(&format!(
        "vsys1,gateway-connected,tunnel,,IPSec,jdoe,DE,LAPTOP-7F3K,{ip},::,10.250.0.12,::,"
    ));
    out.push_str("9e1c7a52-aaaa-bbbb-cccc-0123456789ab,5CG1234XYZ,6.2.1-19,Windows,\"Microsoft Windows 11 Enterprise , 64-bit\",1,,,,success,,0,user-logon,0,gp-portal,");
    out.push_str(&rng.below(1 << 30).to_string());
    out.push_str(",0x8000000000000000,2024-03-05T14:32:40.000+01:00,automatic,12,Highest,\"gw-fra:12,gw-ams:30\",gw-fra,11,0,0,0,,PA-3220-edge,1");
}

/// `records` newline-terminated lines: 62% TRAFFIC, 25% THREAT, 5% SYSTEM,
/// 5% USERID, 3% GLOBALPROTECT.
pub fn generate(records: usize, seed: u64) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(records * 800);
    for _ in 0..records {
        header(&mut rng, &mut out);
        match rng.below(100) {
            0..62 => traffic(&mut rng, &mut out),
            62..87 => threat(&mut rng, &mut out),
            87..92 => system(&mut rng, &mut out),
            92..97 => userid(&mut rng, &mut out),
            _ => globalprotect(&mut rng, &mut out),
        }
        out.push('\n');
    }
    out.into_bytes()
}

/// The lines of `corpus`, without their newlines.
pub fn lines(corpus: &[u8]) -> Vec<&[u8]> {
    corpus
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect()
}
