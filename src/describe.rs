//! The free-text descriptions of authentication events, read for what they
//! name: the user, the client's address, the server and profile, the
//! reason.
//!
//! PAN-OS writes SYSTEM authentication events (`auth-success`,
//! `auth-fail`, GlobalProtect portal and gateway events) with their facts
//! only in the description column:
//!
//! ```text
//! authenticated for user 'jdoe'. auth profile 'GP', vsys 'vsys1', server profile 'ldap-1', server address '192.0.2.5', From: 192.0.2.10.
//! failed authentication for user 'x'. Reason: Invalid username/password. From: 198.51.100.7.
//! GlobalProtect portal user authentication failed. Login from: 203.0.113.9, User name: jdoe, Reason: Authentication failed, Auth type: profile.
//! User admin logged in via Web from 10.0.0.9 using https
//! ```
//!
//! [`Description::parse`] finds those facts without a regex and without
//! allocating: every value borrows the text. Text it does not recognise
//! gives an empty `Description`; the text itself stays where it was.
//!
//! # Example
//!
//! ```
//! use panlog::describe::Description;
//!
//! let d = Description::parse("failed authentication for user 'x'. Reason: Invalid username/password. From: 198.51.100.7.");
//! assert_eq!(d.user, Some("x"));
//! assert_eq!(d.reason, Some("Invalid username/password"));
//! assert_eq!(d.client_ip, Some("198.51.100.7".parse().unwrap()));
//! ```

use std::net::IpAddr;

/// What an authentication event's description names. Every field is
/// `None` when the text does not say it.
///
/// # Example
///
/// ```
/// use panlog::describe::Description;
///
/// let d = Description::parse("GlobalProtect gateway client configuration generated. User name: corp\\jdoe, Private IP: 10.8.0.4, Client version: 6.1.0, Device name: LAPTOP-7, Client OS version: Microsoft Windows 10 Pro , 64-bit.");
/// assert_eq!(d.user, Some("corp\\jdoe"));
/// assert_eq!(d.private_ip, Some("10.8.0.4".parse().unwrap()));
/// assert_eq!(d.device_name, Some("LAPTOP-7"));
/// assert_eq!(d.client_os, Some("Microsoft Windows 10 Pro , 64-bit"));
/// assert!(!d.is_empty());
/// assert!(Description::parse("Config installed").is_empty());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Description<'t> {
    /// The user the event is about (`user 'x'`, `User name: x`, `User x
    /// logged in`), as written: `DOMAIN\user` is not split here.
    pub user: Option<&'t str>,
    /// The client's address (`From: ip`, `Login from: ip`, `from ip`).
    pub client_ip: Option<IpAddr>,
    /// The address GlobalProtect gave the client (`Private IP: ip`).
    pub private_ip: Option<IpAddr>,
    /// The authentication server's address (`server address 'x'`).
    pub server_address: Option<&'t str>,
    /// The authentication server profile (`server profile 'x'`).
    pub server_profile: Option<&'t str>,
    /// The authentication profile (`auth profile 'x'`).
    pub auth_profile: Option<&'t str>,
    /// How the user authenticated (`Auth type: profile`).
    pub auth_type: Option<&'t str>,
    /// Why it failed or ended (`Reason: ...`).
    pub reason: Option<&'t str>,
    /// The client machine's name (`Device name: x`).
    pub device_name: Option<&'t str>,
    /// The client's operating system (`Client OS version: ...`).
    pub client_os: Option<&'t str>,
    /// The GlobalProtect agent's version (`Client version: x`).
    pub client_version: Option<&'t str>,
}

/// `Key: value` keys, as GlobalProtect and SYSTEM auth events write them.
/// A key counts only at the start or after `, ` or `. `.
const KEYS: [&str; 14] = [
    "Login from: ",
    "User name: ",
    "Private IP: ",
    "Client version: ",
    "Device name: ",
    "Client OS version: ",
    "Auth type: ",
    "Reason: ",
    "From: ",
    "Config name: ",
    "Time: ",
    "Message: ",
    "Comment: ",
    "Error: ",
];

impl<'t> Description<'t> {
    /// Reads `text` for the facts it names.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::describe::Description;
    /// let d = Description::parse("authenticated for user 'jdoe'. auth profile 'GP', vsys 'vsys1', server profile 'ldap-1', server address '192.0.2.5', From: 192.0.2.10.");
    /// assert_eq!((d.user, d.auth_profile, d.server_profile), (Some("jdoe"), Some("GP"), Some("ldap-1")));
    /// assert_eq!(d.server_address, Some("192.0.2.5"));
    /// assert_eq!(d.client_ip, Some("192.0.2.10".parse().unwrap()));
    /// let d = Description::parse("User admin logged in via Web from 10.0.0.9 using https");
    /// assert_eq!((d.user, d.client_ip), (Some("admin"), Some("10.0.0.9".parse().unwrap())));
    /// ```
    #[must_use]
    pub fn parse(text: &'t str) -> Description<'t> {
        // Quoted values: `user 'x'`, `auth profile 'x'`, ...
        let mut d = Description {
            user: quoted(text, "user '"),
            auth_profile: quoted(text, "auth profile '"),
            server_profile: quoted(text, "server profile '"),
            server_address: quoted(text, "server address '"),
            ..Description::default()
        };
        // `Key: value` pairs: each value runs to the next key.
        let mut found: [Option<(usize, usize)>; KEYS.len()] = [None; KEYS.len()];
        for (k, key) in KEYS.iter().enumerate() {
            found[k] = text
                .match_indices(key)
                .map(|(i, _)| i)
                .find(|&i| {
                    // At the start, or after `,` or `.` and spaces.
                    let before = text[..i].trim_end_matches(' ');
                    i == 0 || (before.len() < i && (before.ends_with(',') || before.ends_with('.')))
                })
                .map(|i| (i, i + key.len()));
        }
        let value = |k: usize| -> Option<&'t str> {
            let (_, start) = found[k]?;
            // To the next key, or to the end of the sentence (`Reason: x.
            // auth profile 'y'`), whichever comes first.
            let next_key = found
                .iter()
                .flatten()
                .map(|&(key_start, _)| key_start)
                .filter(|&s| s >= start)
                .min()
                .map_or(text.len(), |s| {
                    text[..s].trim_end_matches(' ').len().saturating_sub(1)
                });
            let sentence = text[start..].find(". ").map_or(text.len(), |i| start + i);
            let end = next_key.min(sentence);
            let v = text.get(start..end.max(start))?.trim();
            let v = v.strip_suffix('.').unwrap_or(v).trim_end();
            (!v.is_empty()).then_some(v)
        };
        let ip = |v: Option<&str>| v.and_then(|v| v.parse::<IpAddr>().ok());
        d.user = d.user.or_else(|| value(1));
        d.client_ip = ip(value(0)).or_else(|| ip(value(8)));
        d.private_ip = ip(value(2));
        d.client_version = value(3);
        d.device_name = value(4);
        d.client_os = value(5);
        d.auth_type = value(6);
        d.reason = value(7);
        // `User admin logged in via Web from 10.0.0.9 using https`.
        if d.user.is_none()
            && let Some(rest) = text.strip_prefix("User ")
            && let Some(end) = rest.find(" logged ")
        {
            d.user = Some(rest[..end].trim_matches('\'')).filter(|u| !u.is_empty());
        }
        if d.client_ip.is_none() {
            d.client_ip = text.match_indices(" from ").find_map(|(i, from)| {
                let rest = &text[i + from.len()..];
                let token = rest.split([' ', ',']).next()?;
                token.strip_suffix('.').unwrap_or(token).parse().ok()
            });
        }
        d
    }

    /// Whether the text named nothing this reader knows.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(panlog::describe::Description::parse("").is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Description::default()
    }
}

/// The text between `prefix` (which ends with `'`) and the next `'`,
/// matching `prefix` without regard to ASCII case.
fn quoted<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let b = text.as_bytes();
    let p = prefix.as_bytes();
    let at = b.windows(p.len()).position(|w| w.eq_ignore_ascii_case(p))?;
    let start = at + p.len();
    let len = text[start..].find('\'')?;
    (len > 0).then(|| &text[start..start + len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globalprotect_pairs() {
        let d = Description::parse(
            "GlobalProtect portal user authentication failed. Login from: 64.135.77.120, User name: Admin, Reason: Authentication failed: Invalid username or password , Auth type: profile.",
        );
        assert_eq!(d.client_ip, Some("64.135.77.120".parse().unwrap()));
        assert_eq!(d.user, Some("Admin"));
        assert_eq!(
            d.reason,
            Some("Authentication failed: Invalid username or password")
        );
        assert_eq!(d.auth_type, Some("profile"));
        let d = Description::parse(
            "failed authentication for user 'm'. Reason: Invalid username/password. auth profile 'corp-ldap', vsys 'shared', server profile 'ldap-1', server address '192.0.2.5', From: 198.51.100.7.",
        );
        assert_eq!(d.reason, Some("Invalid username/password"));
        assert_eq!(d.auth_profile, Some("corp-ldap"));
        assert_eq!(d.client_ip, Some("198.51.100.7".parse().unwrap()));
        let d = Description::parse(
            "GlobalProtect gateway user logout succeeded. User name: tng\\picard, Client OS version: Microsoft Windows Server 2008 R2 Enterprise Edition Service Pac, Reason: client logout.",
        );
        assert_eq!(d.user, Some("tng\\picard"));
        assert_eq!(d.reason, Some("client logout"));
        assert_eq!(
            d.client_os,
            Some("Microsoft Windows Server 2008 R2 Enterprise Edition Service Pac")
        );
    }

    #[test]
    fn keys_only_at_boundaries() {
        // `from: ` inside `Login from: ` is not the `From: ` key.
        let d = Description::parse("Login from: 10.1.1.1, User name: a");
        assert_eq!(d.client_ip, Some("10.1.1.1".parse().unwrap()));
        let d = Description::parse("xReason: y");
        assert_eq!(d.reason, None);
        let d = Description::parse("authenticated for user 'b'.   From: 172.16.3.99.");
        assert_eq!(
            (d.user, d.client_ip),
            (Some("b"), Some("172.16.3.99".parse().unwrap()))
        );
    }

    #[test]
    fn nothing_known() {
        for text in [
            "Config installed",
            "RASMGR daemon configuration load phase-1 succeeded.",
            "user '",
            "User name: ",
            "Reason: .",
            "from 999.1.1.1",
        ] {
            let d = Description::parse(text);
            assert!(d.is_empty(), "{text}: {d:?}");
        }
    }
}
