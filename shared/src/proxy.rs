//! Who is asking behind a reverse proxy. A proxy in front of Wijkwijs
//! makes every connection come from its own address; it names the client
//! in `X-Forwarded-For` and the scheme in `X-Forwarded-Proto`. Anyone can
//! send those headers, so they count only when the connection comes from a
//! proxy the operator trusts (`--trusted-proxies`); then the client is the
//! right-most address in the chain that is not itself a trusted proxy.

use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};

/// The proxies whose forwarding headers are believed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// From a comma-separated list of addresses and CIDR ranges
    /// ("10.0.0.1, 172.16.0.0/12, ::1"); an empty list trusts nobody.
    pub fn parse(list: &str) -> Result<Self, String> {
        list.split(',')
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(|entry| {
                entry
                    .parse::<IpNet>()
                    .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("not an address or CIDR range: {entry}"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    pub fn trusts(&self, addr: IpAddr) -> bool {
        let addr = addr.to_canonical();
        self.0.iter().any(|net| net.contains(&addr))
    }

    /// The client's address for a connection from `peer` carrying the
    /// `X-Forwarded-For` header values `forwarded_for` (in the order they
    /// came). An untrusted peer is the client, whatever it claims. From a
    /// trusted one, the hops are read from the right: the first that is not
    /// a trusted proxy is the client; when all are, the left-most. A hop
    /// that is no address ends the walk at the last one read.
    pub fn client(&self, peer: IpAddr, forwarded_for: &[&str]) -> IpAddr {
        let mut client = peer.to_canonical();
        if !self.trusts(client) {
            return client;
        }
        let hops = forwarded_for
            .iter()
            .flat_map(|value| value.split(','))
            .collect::<Vec<_>>();
        for hop in hops.iter().rev() {
            let Some(addr) = hop_address(hop) else {
                return client;
            };
            client = addr;
            if !self.trusts(addr) {
                return addr;
            }
        }
        client
    }

    /// Whether the client reached the proxy over https: `X-Forwarded-Proto`
    /// (the nearest proxy's value, the last one) from a trusted peer.
    pub fn https(&self, peer: Option<IpAddr>, forwarded_proto: &[&str]) -> bool {
        peer.is_some_and(|peer| self.trusts(peer))
            && forwarded_proto
                .iter()
                .flat_map(|value| value.split(','))
                .next_back()
                .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"))
    }
}

/// One hop of `X-Forwarded-For`: an address, with or without a port.
fn hop_address(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    hop.parse::<IpAddr>()
        .or_else(|_| hop.parse::<SocketAddr>().map(|s| s.ip()))
        .ok()
        .map(|addr| addr.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn proxies() -> TrustedProxies {
        TrustedProxies::parse("10.0.0.1, 172.16.0.0/12").unwrap()
    }

    #[test]
    fn parses_addresses_and_ranges_and_names_a_bad_entry() {
        assert!(proxies().trusts(ip("10.0.0.1")));
        assert!(proxies().trusts(ip("172.20.3.4")));
        assert!(proxies().trusts(ip("::ffff:10.0.0.1")));
        assert!(!proxies().trusts(ip("10.0.0.2")));
        assert_eq!(TrustedProxies::parse(""), Ok(TrustedProxies::default()));
        assert_eq!(
            TrustedProxies::parse("10.0.0.1, proxy"),
            Err("not an address or CIDR range: proxy".to_string())
        );
    }

    #[test]
    fn the_right_most_untrusted_hop_is_the_client() {
        let p = proxies();
        let peer = ip("10.0.0.1");
        assert_eq!(p.client(peer, &["203.0.113.5"]), ip("203.0.113.5"));
        // A client that sends its own header cannot choose its address.
        assert_eq!(
            p.client(peer, &["1.2.3.4, 203.0.113.5, 172.16.0.9"]),
            ip("203.0.113.5")
        );
        assert_eq!(
            p.client(peer, &["1.2.3.4", "203.0.113.5:4711"]),
            ip("203.0.113.5")
        );
        assert_eq!(p.client(peer, &["172.16.0.9"]), ip("172.16.0.9"));
        assert_eq!(p.client(peer, &[]), peer);
        assert_eq!(p.client(peer, &["1.2.3.4, rubbish"]), peer);
        assert_eq!(p.client(peer, &["[2001:db8::7]:80"]), ip("2001:db8::7"));
    }

    #[test]
    fn an_untrusted_peer_is_the_client_and_its_scheme_is_not_believed() {
        let p = proxies();
        let peer = ip("198.51.100.7");
        assert_eq!(p.client(peer, &["203.0.113.5"]), peer);
        assert!(!p.https(Some(peer), &["https"]));
        assert!(!p.https(None, &["https"]));
        assert!(p.https(Some(ip("10.0.0.1")), &["http, https"]));
        assert!(!p.https(Some(ip("10.0.0.1")), &["http"]));
    }

    proptest! {
        #[test]
        fn the_client_is_the_peer_or_a_forwarded_hop(
            hops in proptest::collection::vec(any::<[u8; 4]>(), 0..6),
            peer_trusted in any::<bool>(),
        ) {
            let p = TrustedProxies::parse("10.0.0.0/8").unwrap();
            let peer = if peer_trusted { ip("10.1.2.3") } else { ip("192.0.2.1") };
            let header = hops.iter().map(|h| IpAddr::from(*h).to_string()).collect::<Vec<_>>().join(", ");
            let client = p.client(peer, &[header.as_str()]);
            if !peer_trusted {
                prop_assert_eq!(client, peer);
            } else {
                let listed: Vec<IpAddr> = hops.iter().map(|h| IpAddr::from(*h)).collect();
                prop_assert!(client == peer || listed.contains(&client));
                // Only when every hop is trusted can the client be trusted.
                if p.trusts(client) {
                    prop_assert!(listed.iter().all(|a| p.trusts(*a)));
                }
            }
        }
    }
}
