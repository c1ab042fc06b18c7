//! IP rules of a Cognitive Services firewall: IPv4 only, public only, no /31 or /32.

use std::fmt;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

/// At most this many IP rules (and as many virtual-network rules) per account.
pub const MAX_RULES: usize = 100;

/// A valid rule: a single public address or a public range of /30 or wider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IpRule {
    Address(Ipv4Addr),
    Range(Ipv4Net),
}

impl IpRule {
    pub fn as_net(self) -> Ipv4Net {
        match self {
            IpRule::Address(a) => Ipv4Net::new(a, 32).expect("/32 is a valid prefix"),
            IpRule::Range(n) => n,
        }
    }

    /// The first and the last address, as numbers.
    fn bounds(self) -> (u32, u32) {
        match self {
            IpRule::Address(a) => (u32::from(a), u32::from(a)),
            IpRule::Range(n) => (u32::from(n.network()), u32::from(n.broadcast())),
        }
    }

    /// Whether every address of `self` is also in `other`. Compared as numbers: validation
    /// checks every pair of up to 100 rules on every keystroke, and `Ipv4Net::contains`
    /// compares addresses byte by byte (a third of validation's time).
    pub fn is_within(self, other: IpRule) -> bool {
        let ((first, last), (other_first, other_last)) = (self.bounds(), other.bounds());
        other_first <= first && last <= other_last
    }
}

/// The same addresses in as few rules as Azure accepts: neighbouring and overlapping rules
/// joined into spans, each span written as the widest aligned ranges, and any /31 as its two
/// addresses (Azure refuses /31). Nothing is widened: every address allowed before is allowed
/// after, and no other. Spans are picked lowest first without a sort (a sort's code would cost
/// the page more than these loops over at most a few hundred rules).
pub fn merge_neighbours(rules: &[IpRule]) -> Vec<IpRule> {
    let mut spans: Vec<(u64, u64)> = rules
        .iter()
        .map(|r| {
            let (first, last) = r.bounds();
            (u64::from(first), u64::from(last))
        })
        .collect();
    let mut merged = Vec::new();
    while let Some(lowest) = (0..spans.len()).min_by_key(|&i| spans[i].0) {
        let (first, mut last) = spans.swap_remove(lowest);
        // Every span left starts at or after `first`: one starting by `last + 1` joins it.
        while let Some(joining) = spans.iter().position(|s| s.0 <= last + 1) {
            last = last.max(spans.swap_remove(joining).1);
        }
        let mut at = first;
        while at <= last {
            // The widest block aligned at `at` that ends by `last`.
            let mut size: u64 = if at == 0 {
                1 << 32
            } else {
                at & at.wrapping_neg()
            };
            while at + size - 1 > last {
                size >>= 1;
            }
            let address = Ipv4Addr::from(at as u32);
            match size {
                1 => merged.push(IpRule::Address(address)),
                2 => merged.extend([
                    IpRule::Address(address),
                    IpRule::Address(Ipv4Addr::from(at as u32 + 1)),
                ]),
                _ => merged.push(IpRule::Range(
                    Ipv4Net::new(address, 32 - size.trailing_zeros() as u8)
                        .expect("an aligned block of at most 2^32 addresses"),
                )),
            }
            at += size;
        }
    }
    merged
}

impl fmt::Display for IpRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IpRule::Address(a) => write!(f, "{a}"),
            IpRule::Range(n) => write!(f, "{n}"),
        }
    }
}

/// Why an entry is refused, with the one-click correction when there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub fix: Option<(String, Vec<String>)>,
}

impl Refusal {
    fn plain(message: impl Into<String>) -> Self {
        Refusal {
            message: message.into(),
            fix: None,
        }
    }
}

/// A rule that is accepted but deserves a note.
pub type Caution = String;

struct SpecialRange {
    net: IpRule,
    what: &'static str,
    refused: bool,
}

/// `a.b.c.d/prefix`, built when compiled (a prefix over 32 fails the build): validation checks
/// every rule against the whole table on every keystroke, so nothing is parsed then.
const fn cidr(a: u8, b: u8, c: u8, d: u8, prefix: u8) -> IpRule {
    IpRule::Range(Ipv4Net::new_assert(Ipv4Addr::new(a, b, c, d), prefix))
}

/// Non-public IPv4 space (IANA special-purpose registry). Refused ranges can never be a client's
/// public address; the others are allowed with a warning.
const SPECIAL_RANGES: &[SpecialRange] = &[
    SpecialRange { net: cidr(0, 0, 0, 0, 8), what: "\"this network\" (0.0.0.0/8), not a real source address", refused: true },
    SpecialRange { net: cidr(10, 0, 0, 0, 8), what: "a private address (RFC 1918, 10.0.0.0/8): only public addresses can be allowed; use a virtual-network rule or a private endpoint for private clients", refused: true },
    SpecialRange { net: cidr(100, 64, 0, 0, 10), what: "carrier-grade NAT space (100.64.0.0/10), not a public address: allow your NAT's public address instead", refused: true },
    SpecialRange { net: cidr(127, 0, 0, 0, 8), what: "a loopback address (127.0.0.0/8)", refused: true },
    SpecialRange { net: cidr(169, 254, 0, 0, 16), what: "a link-local address (169.254.0.0/16)", refused: true },
    SpecialRange { net: cidr(172, 16, 0, 0, 12), what: "a private address (RFC 1918, 172.16.0.0/12): only public addresses can be allowed; use a virtual-network rule or a private endpoint for private clients", refused: true },
    SpecialRange { net: cidr(192, 0, 0, 0, 24), what: "IETF protocol-assignment space (192.0.0.0/24)", refused: true },
    SpecialRange { net: cidr(192, 168, 0, 0, 16), what: "a private address (RFC 1918, 192.168.0.0/16): only public addresses can be allowed; use a virtual-network rule or a private endpoint for private clients", refused: true },
    SpecialRange { net: cidr(198, 18, 0, 0, 15), what: "benchmarking space (198.18.0.0/15), not routed on the internet", refused: true },
    SpecialRange { net: cidr(224, 0, 0, 0, 4), what: "a multicast address (224.0.0.0/4)", refused: true },
    SpecialRange { net: cidr(240, 0, 0, 0, 4), what: "reserved space (240.0.0.0/4, including the broadcast address)", refused: true },
    SpecialRange { net: cidr(192, 0, 2, 0, 24), what: "a documentation range (TEST-NET-1, 192.0.2.0/24): fine in examples, never a real client", refused: false },
    SpecialRange { net: cidr(198, 51, 100, 0, 24), what: "a documentation range (TEST-NET-2, 198.51.100.0/24): fine in examples, never a real client", refused: false },
    SpecialRange { net: cidr(203, 0, 113, 0, 24), what: "a documentation range (TEST-NET-3, 203.0.113.0/24): fine in examples, never a real client", refused: false },
    SpecialRange { net: cidr(192, 88, 99, 0, 24), what: "the deprecated 6to4 relay anycast range (192.88.99.0/24)", refused: false },
];

const EXAMPLE: &str = "expected an IPv4 address like 203.0.113.7 or a range like 203.0.113.0/24";

/// Parses one entry. `Ok` carries the rule and any cautions; `Err` says why it is refused.
pub fn parse_ip_rule(entry: &str) -> Result<(IpRule, Vec<Caution>), Refusal> {
    if entry.is_empty() {
        return Err(Refusal::plain(format!(
            "Empty entry: {EXAMPLE}, or remove the row."
        )));
    }
    if entry.trim() != entry {
        let trimmed = entry.trim().to_owned();
        return Err(Refusal {
            message: "The entry starts or ends with a space.".into(),
            fix: Some((format!("Use {trimmed}"), vec![trimmed])),
        });
    }
    if let Some((address, _port)) = entry
        .split_once(':')
        .filter(|(a, p)| a.parse::<Ipv4Addr>().is_ok() && !p.contains(':'))
    {
        return Err(Refusal {
            message:
                "Network rules take addresses and ranges without a port: remove the \":port\" part."
                    .into(),
            fix: Some((format!("Use {address}"), vec![address.to_owned()])),
        });
    }
    if entry.contains(':') {
        return Err(Refusal::plain(
            "IPv6 is not supported: Azure AI services network rules accept IPv4 addresses and ranges only.",
        ));
    }
    let (address_text, prefix_text) = match entry.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (entry, None),
    };
    let address: Ipv4Addr = address_text.parse().map_err(|_| {
        Refusal::plain(format!(
            "\"{entry}\" is not an IPv4 address or range: {EXAMPLE}."
        ))
    })?;
    let rule = match prefix_text {
        None => IpRule::Address(address),
        Some(p) => {
            let prefix: u8 = p
                .parse()
                .ok()
                .filter(|n| *n <= 32 && !p.starts_with('+'))
                .ok_or_else(|| {
                    Refusal::plain(format!("\"/{p}\" is not a prefix length: write a number up to 30 after the slash, like /24."))
                })?;
            if prefix == 0 {
                return Err(Refusal::plain(
                    "/0 is every IPv4 address: to let every network in, set the default action to Allow instead of adding this rule.",
                ));
            }
            if prefix >= 31 {
                // A non-public address is refused for that reason first: fixing the prefix would
                // only lead to that second refusal.
                let net = Ipv4Net::new(address, prefix)
                    .expect("31 and 32 are valid prefixes")
                    .trunc();
                special_ranges(IpRule::Range(net))?;
                if prefix == 32 {
                    return Err(Refusal {
                        message: "/32 ranges are not accepted: allow the single address instead."
                            .into(),
                        fix: Some((format!("Use {address}"), vec![address.to_string()])),
                    });
                }
                let (first, second) = (net.network(), net.broadcast());
                return Err(Refusal {
                    message: "/31 ranges are not accepted: allow its two addresses one by one."
                        .into(),
                    fix: Some((
                        format!("Use {first} and {second}"),
                        vec![first.to_string(), second.to_string()],
                    )),
                });
            }
            let net = Ipv4Net::new(address, prefix).expect("prefix checked above");
            if net.trunc() != net {
                let normal = net.trunc().to_string();
                return Err(Refusal {
                    message: format!(
                        "Host bits are set: {entry} is not the start of a /{prefix} range, which starts at {}.",
                        net.network()
                    ),
                    fix: Some((format!("Use {normal}"), vec![normal])),
                });
            }
            IpRule::Range(net)
        }
    };
    let cautions = special_ranges(rule)?;
    Ok((rule, cautions))
}

/// Refuses a range that is or includes non-public space; cautions for the ranges that are only
/// unusual (documentation ranges and the like).
fn special_ranges(rule: IpRule) -> Result<Vec<Caution>, Refusal> {
    let mut cautions = Vec::new();
    for special in SPECIAL_RANGES {
        // Two CIDR ranges overlap only when one holds the other.
        let inside = rule.is_within(special.net);
        if !inside && !special.net.is_within(rule) {
            continue;
        }
        let what = if inside {
            format!("This is {}.", special.what)
        } else {
            format!("This range includes {}.", special.what)
        };
        if special.refused {
            return Err(Refusal::plain(what));
        }
        cautions.push(what);
    }
    Ok(cautions)
}
