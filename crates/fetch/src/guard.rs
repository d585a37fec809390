//! Which URLs and addresses orbit may fetch from.
//!
//! orbit fetches URLs it finds in feeds and GDELT files, which anyone can write. Without a
//! guard, a feed item pointing at `http://169.254.169.254/` (a cloud metadata service) or at
//! `http://localhost:6379/` would make orbit probe the machine's own network. So only http(s)
//! URLs are fetched, and only from public addresses: the check runs on the addresses a name
//! *resolves to*, inside the DNS resolver the HTTP client connects with (a hostname that
//! resolves to 10.0.0.5 is refused, and the address checked is the address connected to),
//! on IP literals before any request, and again on every redirect.

use std::error::Error as StdError;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::{Host, Url};

use crate::FetchError;

/// Why an address is not public, or `None` for a public address.
///
/// ```
/// use orbit_fetch::guard::non_public_kind;
/// assert_eq!(non_public_kind("127.0.0.1".parse().unwrap()), Some("loopback"));
/// assert_eq!(non_public_kind("10.1.2.3".parse().unwrap()), Some("private"));
/// assert_eq!(non_public_kind("169.254.169.254".parse().unwrap()), Some("link-local"));
/// assert_eq!(non_public_kind("::ffff:192.168.0.1".parse().unwrap()), Some("private"));
/// assert_eq!(non_public_kind("93.184.215.14".parse().unwrap()), None);
/// ```
pub fn non_public_kind(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => v4_kind(v4),
        IpAddr::V6(v6) => v6_kind(v6),
    }
}

fn v4_kind(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    if ip.is_loopback() {
        Some("loopback")
    } else if ip.is_private() || (a == 100 && (64..128).contains(&b)) {
        // 10/8, 172.16/12, 192.168/16, and 100.64/10 (carrier-grade NAT).
        Some("private")
    } else if ip.is_link_local() {
        Some("link-local")
    } else if ip.is_unspecified() || a == 0 {
        Some("unspecified")
    } else if ip.is_multicast() || ip.is_broadcast() {
        Some("multicast or broadcast")
    } else if a >= 240
        || (a == 192 && b == 0 && c == 0)
        || (a == 198 && (b == 18 || b == 19))
        || ip.is_documentation()
    {
        Some("reserved")
    } else {
        None
    }
}

fn v6_kind(ip: Ipv6Addr) -> Option<&'static str> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return v4_kind(v4);
    }
    let seg = ip.segments();
    // NAT64 (64:ff9b::/96) embeds an IPv4 address.
    if seg[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        let [a, b] = seg[6].to_be_bytes();
        let [c, d] = seg[7].to_be_bytes();
        return v4_kind(Ipv4Addr::new(a, b, c, d));
    }
    if ip.is_loopback() {
        Some("loopback")
    } else if ip.is_unspecified() {
        Some("unspecified")
    } else if (seg[0] & 0xfe00) == 0xfc00 {
        Some("private")
    } else if (seg[0] & 0xffc0) == 0xfe80 || (seg[0] & 0xffc0) == 0xfec0 {
        Some("link-local")
    } else if ip.is_multicast() {
        Some("multicast or broadcast")
    } else if seg[0] == 0x2001 && seg[1] == 0x0db8 {
        Some("reserved")
    } else {
        None
    }
}

/// Parses `url` and checks what can be checked before any request: an absolute http(s) URL
/// with a host, and, when the host is an IP literal, a public one (unless `allow_private`).
pub fn check_url(url: &str, allow_private: bool) -> Result<Url, FetchError> {
    let bad = |reason: &str| FetchError::BadUrl {
        url: url.to_string(),
        reason: reason.to_string(),
    };
    let parsed = Url::parse(url.trim()).map_err(|e| bad(&e.to_string()))?;
    match parsed.scheme() {
        "http" | "https" => {}
        other => return Err(bad(&format!("scheme {other}: is not fetched"))),
    }
    if parsed.host().is_none() {
        return Err(bad("no host"));
    }
    if !allow_private {
        check_literal_host(&parsed, url)?;
    }
    Ok(parsed)
}

/// Refuses a URL whose host is a non-public IP literal (the resolver never sees those).
pub(crate) fn check_literal_host(parsed: &Url, shown: &str) -> Result<(), FetchError> {
    let ip = match parsed.host() {
        Some(Host::Ipv4(v4)) => IpAddr::V4(v4),
        Some(Host::Ipv6(v6)) => IpAddr::V6(v6),
        _ => return Ok(()),
    };
    match non_public_kind(ip) {
        Some(kind) => Err(FetchError::Private {
            url: shown.to_string(),
            host: parsed.host_str().unwrap_or_default().to_string(),
            ip: ip.to_string(),
            kind,
        }),
        None => Ok(()),
    }
}

/// The error the resolver gives for a name that resolves to a non-public address; the
/// fetcher finds it in the HTTP error's source chain to say so in one line.
#[derive(Debug, Clone)]
pub(crate) struct Refused {
    pub host: String,
    pub ip: IpAddr,
    pub kind: &'static str,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} resolves to a {} address ({})",
            self.host, self.kind, self.ip
        )
    }
}

impl StdError for Refused {}

/// The DNS resolver of orbit's HTTP client: the system's, then the address check. A name any
/// of whose addresses is not public is refused whole (a name with one public and one private
/// address is a rebinding trick, not a news site).
#[derive(Debug, Clone, Copy)]
pub(crate) struct GuardedResolver {
    pub allow_private: bool,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        let host = name.as_str().to_string();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            if !allow_private
                && let Some((ip, kind)) = addrs
                    .iter()
                    .find_map(|a| non_public_kind(a.ip()).map(|k| (a.ip(), k)))
            {
                return Err(Box::new(Refused { host, ip, kind }) as Box<dyn StdError + Send + Sync>);
            }
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Option<&'static str> {
        non_public_kind(s.parse().unwrap())
    }

    #[test]
    fn private_loopback_and_link_local_ranges_are_named() {
        assert_eq!(kind("127.8.9.10"), Some("loopback"));
        assert_eq!(kind("::1"), Some("loopback"));
        assert_eq!(kind("172.16.0.1"), Some("private"));
        assert_eq!(kind("172.32.0.1"), None);
        assert_eq!(kind("192.168.1.1"), Some("private"));
        assert_eq!(kind("100.64.0.1"), Some("private"));
        assert_eq!(kind("fd00::1"), Some("private"));
        assert_eq!(kind("fe80::1"), Some("link-local"));
        assert_eq!(kind("0.0.0.0"), Some("unspecified"));
        assert_eq!(kind("224.0.0.1"), Some("multicast or broadcast"));
        assert_eq!(kind("64:ff9b::a00:1"), Some("private"));
        assert_eq!(kind("2a00:1450:4007::1"), None);
        assert_eq!(kind("8.8.8.8"), None);
    }

    #[test]
    fn only_http_urls_with_public_literal_hosts_pass() {
        assert!(check_url("https://www.rfi.fr/fr/afrique/", false).is_ok());
        for bad in [
            "file:///etc/passwd",
            "ftp://x.test/a",
            "gopher://x",
            "not a url",
        ] {
            let e = check_url(bad, false).unwrap_err();
            assert!(matches!(e, FetchError::BadUrl { .. }), "{bad}: {e}");
        }
        let e = check_url("http://127.0.0.1:8080/feed", false).unwrap_err();
        assert!(e.to_string().contains("loopback"), "{e}");
        assert!(e.to_string().contains("--allow-private"), "{e}");
        assert!(check_url("http://127.0.0.1:8080/feed", true).is_ok());
        let e = check_url("http://[::ffff:10.0.0.1]/", false).unwrap_err();
        assert!(
            matches!(
                e,
                FetchError::Private {
                    kind: "private",
                    ..
                }
            ),
            "{e}"
        );
    }
}
