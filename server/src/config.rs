//! Configuration from flags and the environment, with defaults that let a
//! fresh checkout run without any setup.

use clap::Args;
use shared::proxy::TrustedProxies;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Where the embedded database lives when no `DATABASE_URL` is given.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/wijkwijs.db?mode=rwc";

#[derive(Args, Clone, Debug)]
pub struct DatabaseArgs {
    /// Database URL: sqlite://path?mode=rwc or postgres://user@host/db.
    #[arg(long, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL, global = true)]
    pub database_url: String,
}

#[derive(Args, Clone, Debug)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(
        long,
        env = "WIJKWIJS_ADDR",
        default_value = "127.0.0.1:3000",
        global = true
    )]
    pub addr: SocketAddr,
    /// Folder with the browser bundle (pkg/wijkwijs.js, .wasm, .css,
    /// themes/). Default: the bundle built into a release binary, else
    /// `target/site` (a development checkout).
    #[arg(long, env = "WIJKWIJS_SITE_ROOT", global = true)]
    pub site_root: Option<PathBuf>,
    /// Fewest cases behind a mean or percentage shown outside a team.
    #[arg(
        long,
        env = "WIJKWIJS_MIN_DENOMINATOR",
        default_value_t = 10,
        global = true
    )]
    pub min_denominator: u32,
    /// Fewest clients a count shown outside a team may hold; a smaller one
    /// shows as "<N" and stays out of every total (docs/privacy.md).
    #[arg(long, env = "WIJKWIJS_MIN_COUNT", default_value_t = 5, global = true)]
    pub min_count: u32,
    /// The theme: the NL Design System token values in
    /// `<site root>/pkg/themes/<name>.css` (built from `style/themes/`, or
    /// the example theme `voorbeeld` from npm; see docs/theming.md).
    #[arg(
        long,
        env = "WIJKWIJS_THEME",
        default_value = "voorbeeld",
        value_parser = theme_name,
        global = true
    )]
    pub theme: String,
    /// The public origin, e.g. https://wijkwijs.example.nl; state-changing
    /// requests must come from it. Default: the request's own host.
    #[arg(long, env = "WIJKWIJS_PUBLIC_ORIGIN", global = true)]
    pub public_origin: Option<String>,
    /// The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are
    /// believed: addresses or CIDR ranges, comma-separated (e.g.
    /// `127.0.0.1,::1`). Default: none, so the connection's own address is
    /// the client's.
    #[arg(
        long,
        env = "WIJKWIJS_TRUSTED_PROXIES",
        default_value = "",
        value_parser = TrustedProxies::parse,
        global = true
    )]
    pub trusted_proxies: TrustedProxies,
    /// The bearer token `/metrics` asks for (Prometheus's
    /// `authorization: credentials`); unset: no `/metrics`.
    #[arg(
        long,
        env = "WIJKWIJS_METRICS_TOKEN",
        hide_env_values = true,
        global = true
    )]
    pub metrics_token: Option<String>,
    /// Where security researchers report a vulnerability
    /// (`/.well-known/security.txt`, RFC 9116): `mailto:…` or `https://…`.
    /// Unset: no security.txt.
    #[arg(long, env = "WIJKWIJS_SECURITY_CONTACT", global = true)]
    pub security_contact: Option<String>,
    /// Days the audit log keeps an entry; 0 keeps every entry for ever.
    #[arg(
        long,
        env = "WIJKWIJS_AUDIT_RETENTION_DAYS",
        default_value_t = shared::retention::DEFAULT_AUDIT_RETENTION_DAYS,
        global = true
    )]
    pub audit_retention_days: u32,
    /// Megabytes the kept pages and charts may take in memory
    /// (`app::store::insight_cache`); least recently used go first.
    #[arg(
        long,
        env = "WIJKWIJS_CACHE_MB",
        default_value_t = app::store::insight_cache::DEFAULT_MEGABYTES,
        global = true
    )]
    pub cache_mb: u64,
}

/// A theme's name as it may appear in an address: lower-case letters,
/// digits and dashes.
fn theme_name(name: &str) -> Result<String, String> {
    let fits = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if fits {
        Ok(name.to_string())
    } else {
        Err("a theme name has only lower-case letters, digits and dashes".to_string())
    }
}

/// `url` with any password replaced, fit for logs and error messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_never_reach_the_log() {
        assert_eq!(
            redact("postgres://wijk:geheim@db:5432/wijkwijs"),
            "postgres://wijk:***@db:5432/wijkwijs"
        );
        assert_eq!(
            redact("postgres://root@127.0.0.1/test"),
            "postgres://root@127.0.0.1/test"
        );
        assert_eq!(
            redact(super::DEFAULT_DATABASE_URL),
            super::DEFAULT_DATABASE_URL
        );
    }
}
