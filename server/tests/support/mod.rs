//! Test databases: every test gets a fresh one, on SQLite always and on
//! PostgreSQL through `WIJKWIJS_TEST_POSTGRES_URL` (an admin URL used to
//! create and drop a database per test). With `CI=true` a missing
//! PostgreSQL URL fails the test instead of skipping it.

#![allow(dead_code)]

use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

pub const POSTGRES_URL_VAR: &str = "WIJKWIJS_TEST_POSTGRES_URL";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database of its own for one test.
pub struct TestDb {
    pub url: String,
    pub db: DatabaseConnection,
    cleanup: Cleanup,
}

enum Cleanup {
    File(PathBuf),
    Database { admin_url: String, name: String },
}

fn unique_name() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    format!(
        "wijkwijs_t_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        nanos
    )
}

/// The URL of a fresh, empty database on `backend`, or `None` when
/// PostgreSQL is not configured outside CI.
pub async fn empty_url(backend: Backend) -> Option<(String, CleanupHandle)> {
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join(unique_name());
            std::fs::create_dir_all(&dir).unwrap();
            let url = format!("sqlite://{}/test.db?mode=rwc", dir.display());
            Some((url, CleanupHandle(Cleanup::File(dir))))
        }
        Backend::Postgres => {
            let admin_url = match std::env::var(POSTGRES_URL_VAR) {
                Ok(url) if !url.is_empty() => url,
                _ if std::env::var("CI").as_deref() == Ok("true") => {
                    panic!("{POSTGRES_URL_VAR} must be set in CI: the PostgreSQL tests may not be skipped")
                }
                _ => {
                    eprintln!("skipping PostgreSQL: {POSTGRES_URL_VAR} is not set");
                    return None;
                }
            };
            let name = unique_name();
            let admin = Database::connect(&admin_url)
                .await
                .expect("connect to PostgreSQL admin URL");
            admin
                .execute(Statement::from_string(
                    admin.get_database_backend(),
                    format!("CREATE DATABASE {name}"),
                ))
                .await
                .expect("create test database");
            admin.close().await.ok();
            let base = admin_url
                .rsplit_once('/')
                .map(|(base, _)| base)
                .unwrap_or(&admin_url);
            let url = format!("{base}/{name}");
            Some((url, CleanupHandle(Cleanup::Database { admin_url, name })))
        }
    }
}

/// Removes a test database.
pub struct CleanupHandle(Cleanup);

impl CleanupHandle {
    pub async fn run(self) {
        match self.0 {
            Cleanup::File(dir) => {
                std::fs::remove_dir_all(dir).ok();
            }
            Cleanup::Database { admin_url, name } => {
                if let Ok(admin) = Database::connect(&admin_url).await {
                    admin
                        .execute(Statement::from_string(
                            admin.get_database_backend(),
                            format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                        ))
                        .await
                        .ok();
                    admin.close().await.ok();
                }
            }
        }
    }
}

impl TestDb {
    /// A fresh database on `backend` with the schema migrated.
    pub async fn migrated(backend: Backend) -> Option<Self> {
        let (url, cleanup) = empty_url(backend).await?;
        let db = server::db::connect_and_migrate(&url)
            .await
            .expect("connect and migrate");
        Some(Self {
            url,
            db,
            cleanup: cleanup.0,
        })
    }

    /// A fresh database with the demo network loaded.
    pub async fn with_demo(backend: Backend) -> Option<Self> {
        let test_db = Self::migrated(backend).await?;
        assert_eq!(
            server::demo::load(&test_db.db).await.unwrap(),
            server::demo::Loaded::Now
        );
        Some(test_db)
    }

    pub async fn cleanup(self) {
        // Closing waits for every checked-out connection; bounded, so a
        // connection still held by a request future cannot hang the suite
        // (the database is dropped with FORCE right after).
        let close = tokio::time::timeout(std::time::Duration::from_secs(2), self.db.close()).await;
        if close.is_err() {
            eprintln!("warning: the test's connection pool did not close within 2 s");
        }
        CleanupHandle(self.cleanup).run().await;
    }
}

/// Runs a test body, failing it (instead of hanging the suite) if it has
/// not finished after two minutes.
pub async fn bounded(body: impl std::future::Future<Output = ()>) {
    if tokio::time::timeout(std::time::Duration::from_secs(120), body)
        .await
        .is_err()
    {
        panic!("the test did not finish within 120 s");
    }
}

/// Defines one test per backend around an async body taking a `Backend`.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                support::bounded(($body)(support::Backend::Sqlite)).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                support::bounded(($body)(support::Backend::Postgres)).await;
            }
        }
    };
}

/// A browser-like client for the router: keeps the session cookie and
/// sends the headers a same-origin page would.
#[derive(Clone)]
pub struct Client {
    pub router: axum::Router,
    /// The address the connection comes from (none: unknown).
    pub peer: Option<std::net::SocketAddr>,
    /// The cookies the server set, as a `Cookie` header ("a=1; b=2").
    pub cookie: Option<String>,
}

/// A response whose body is bytes (a download).
pub struct Download {
    pub status: axum::http::StatusCode,
    pub headers: axum::http::HeaderMap,
    pub bytes: Vec<u8>,
}

/// A response as the tests read it.
pub struct Reply {
    pub status: axum::http::StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

pub const ORIGIN: &str = "http://wijkwijs.test";

impl Client {
    pub fn new(db: &DatabaseConnection) -> Self {
        Self::configured(db, |_| {})
    }

    /// A client of a server configured as `configure` leaves the defaults.
    pub fn configured(
        db: &DatabaseConnection,
        configure: impl FnOnce(&mut server::config::ServeArgs),
    ) -> Self {
        let mut args = server::config::ServeArgs {
            theme: "voorbeeld".to_string(),
            addr: "127.0.0.1:0".parse().unwrap(),
            site_root: Some(std::env::temp_dir()),
            min_denominator: 10,
            min_count: 5,
            public_origin: None,
            trusted_proxies: Default::default(),
            metrics_token: None,
            audit_retention_days: 0,
            security_contact: None,
            cache_mb: app::store::insight_cache::DEFAULT_MEGABYTES,
        };
        configure(&mut args);
        Self {
            router: server::http::router(server::http::state(db.clone(), &args)),
            peer: None,
            cookie: None,
        }
    }

    /// A client connecting from `peer` to a server that trusts the proxies
    /// `trusted` (a `--trusted-proxies` list).
    pub fn behind(db: &DatabaseConnection, trusted: &str, peer: &str) -> Self {
        let trusted = shared::proxy::TrustedProxies::parse(trusted).unwrap();
        let mut client = Self::configured(db, |args| args.trusted_proxies = trusted);
        client.peer = Some(format!("{peer}:40000").parse().unwrap());
        client
    }

    pub async fn send(
        &mut self,
        request: axum::http::request::Builder,
        body: impl Into<Vec<u8>>,
    ) -> Reply {
        use tower::ServiceExt;
        let mut request = request.header("host", "wijkwijs.test");
        if let Some(peer) = self.peer {
            request = request.extension(axum::extract::ConnectInfo(peer));
        }
        if let Some(cookie) = &self.cookie {
            request = request.header("cookie", cookie.clone());
        }
        let response = self
            .router
            .clone()
            .oneshot(request.body(axum::body::Body::from(body.into())).unwrap())
            .await
            .unwrap();
        for value in response.headers().get_all("set-cookie") {
            let pair = value.to_str().unwrap().split(';').next().unwrap();
            let name = pair.split('=').next().unwrap();
            let mut jar: Vec<&str> = self
                .cookie
                .as_deref()
                .map(|jar| jar.split("; ").collect())
                .unwrap_or_default();
            jar.retain(|kept| kept.split('=').next() != Some(name));
            if !pair.ends_with('=') {
                jar.push(pair);
            }
            self.cookie = (!jar.is_empty()).then(|| jar.join("; "));
        }
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), 10 << 20)
            .await
            .unwrap();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        }
    }

    /// A GET whose answer is a file.
    pub async fn get_bytes(&mut self, path: &str) -> Download {
        use tower::ServiceExt;
        let mut request = axum::http::Request::get(path).header("host", "wijkwijs.test");
        if let Some(cookie) = &self.cookie {
            request = request.header("cookie", cookie.clone());
        }
        let response = self
            .router
            .clone()
            .oneshot(request.body(axum::body::Body::empty()).unwrap())
            .await
            .unwrap();
        let (status, headers) = (response.status(), response.headers().clone());
        let bytes = axum::body::to_bytes(response.into_body(), 64 << 20)
            .await
            .unwrap()
            .to_vec();
        Download {
            status,
            headers,
            bytes,
        }
    }

    pub async fn get(&mut self, path: &str) -> Reply {
        self.send(axum::http::Request::get(path), String::new())
            .await
    }

    /// A server function call as the hydrated app makes it.
    pub async fn call(&mut self, path: &str, form: &[(&str, &str)]) -> Reply {
        let request = axum::http::Request::post(path)
            .header("origin", ORIGIN)
            .header("accept", "application/json")
            .header("content-type", "application/x-www-form-urlencoded");
        self.send(request, encode_form(form)).await
    }

    /// A plain HTML form post, as without JavaScript.
    pub async fn post_form(&mut self, path: &str, referer: &str, form: &[(&str, &str)]) -> Reply {
        let request = axum::http::Request::post(path)
            .header("origin", ORIGIN)
            .header("referer", format!("{ORIGIN}{referer}"))
            .header("accept", "text/html")
            .header("content-type", "application/x-www-form-urlencoded");
        self.send(request, encode_form(form)).await
    }

    /// A multipart form post with `fields` and, when given, a file under
    /// `file_field`; as a plain HTML form (`html`) or as the app's script.
    pub async fn upload(
        &mut self,
        path: &str,
        referer: &str,
        fields: &[(&str, &str)],
        file: Option<(&str, &[u8])>,
        html: bool,
    ) -> Reply {
        self.upload_files(path, referer, fields, file.as_slice(), html)
            .await
    }

    /// A multipart form post with several files (named by their field).
    pub async fn upload_files(
        &mut self,
        path: &str,
        referer: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &[u8])],
        html: bool,
    ) -> Reply {
        let boundary = "----wijkwijs-test-boundary-7d9f";
        let mut body: Vec<u8> = Vec::new();
        for (name, value) in fields {
            body.extend(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .bytes(),
            );
        }
        for (name, bytes) in files {
            body.extend(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"resultaten\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend(b"\r\n");
        }
        body.extend(format!("--{boundary}--\r\n").bytes());
        let request = axum::http::Request::post(path)
            .header("origin", ORIGIN)
            .header("referer", format!("{ORIGIN}{referer}"))
            .header(
                "accept",
                if html {
                    "text/html"
                } else {
                    "application/json"
                },
            )
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            );
        self.send(request, body).await
    }

    /// A client already logged in as `email` (see `session_for`).
    pub async fn signed_in(db: &DatabaseConnection, email: &str) -> Client {
        let mut client = Client::new(db);
        client.session_for(db, email).await;
        client
    }

    /// `call`, with a form of owned values.
    pub async fn call_owned(&mut self, path: &str, form: &[(&str, String)]) -> Reply {
        let refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.call(path, &refs).await
    }

    /// Posts a form struct (`shared::…Form`) under its own field names,
    /// with the `extra` fields the server function takes beside it.
    pub async fn submit(
        &mut self,
        path: &str,
        form: &impl serde::Serialize,
        extra: &[(&str, &str)],
    ) -> Reply {
        let fields = form_fields(form);
        let mut refs: Vec<(&str, &str)> = extra.to_vec();
        refs.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        self.call(path, &refs).await
    }

    /// Starts a session for `email` directly, skipping the login form (for
    /// tests about what a logged-in person may do, not about logging in).
    pub async fn session_for(&mut self, db: &DatabaseConnection, email: &str) {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let account = app::store::entity::account::Entity::find()
            .filter(app::store::entity::account::Column::Email.eq(email))
            .one(db)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("no account {email}"));
        let token = app::store::sessions::create(db, account.id, false, "test", chrono::Utc::now())
            .await
            .unwrap();
        self.cookie = Some(format!("{}={token}", app::auth::SESSION_COOKIE));
    }

    /// Logs in with the demo password; panics if that fails.
    pub async fn login(&mut self, email: &str) {
        let reply = self
            .call(
                "/api/account/login",
                &[("email", email), ("password", server::demo::DEMO_PASSWORD)],
            )
            .await;
        assert_eq!(
            reply.status,
            axum::http::StatusCode::OK,
            "login {email}: {}",
            reply.body
        );
    }
}

/// The demo beheerder.
pub const BEHEERDER: &str = "beheerder@demo.wijkwijs.nl";

/// A client logged in as the demo beheerder, with two-factor login on.
pub async fn beheerder(db: &DatabaseConnection) -> Client {
    use app::store::entity::account;
    use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
    let b = account::Entity::find()
        .filter(account::Column::Email.eq(BEHEERDER))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    account::ActiveModel {
        id: Set(b.id),
        totp_enabled: Set(true),
        ..Default::default()
    }
    .update(db)
    .await
    .unwrap();
    Client::signed_in(db, BEHEERDER).await
}

pub fn encode_form(form: &[(&str, &str)]) -> String {
    form.iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The demo team called `name`.
pub async fn team_named(db: &DatabaseConnection, name: &str) -> app::store::entity::team::Model {
    use app::store::entity::team;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    team::Entity::find()
        .filter(team::Column::Name.eq(name))
        .one(db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("the demo has a team called {name}"))
}

/// The lesson titled `title` (saved by the test).
pub async fn lesson_titled(
    db: &DatabaseConnection,
    title: &str,
) -> app::store::entity::lesson::Model {
    use app::store::entity::lesson;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    lesson::Entity::find()
        .filter(lesson::Column::Title.eq(title))
        .one(db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("a lesson titled {title} was saved"))
}

/// The current month by the clock, as the server sees it.
pub fn this_month() -> shared::Month {
    shared::clock::month_of(chrono::Utc::now())
}

/// A maatwerkcanvas as typed that passes every check: a year of respite
/// care at € 450 a month against a one-off € 1.200 (saves € 4.200).
pub fn good_canvas() -> shared::canvas::CanvasForm {
    shared::canvas::CanvasForm {
        title: "Aanpassing woning in plaats van logeeropvang".into(),
        family_wants: "Dat hun zoon thuis kan blijven wonen.".into(),
        law: "wmo".into(),
        law_reason: "Woningaanpassing valt onder de Wmo.".into(),
        regular_amount: "450".into(),
        regular_basis: "per-maand".into(),
        regular_months: "12".into(),
        tailored_amount: "1.200".into(),
        tailored_basis: "eenmalig".into(),
        tailored_months: "".into(),
        status: "ingediend".into(),
        system_lesson: "".into(),
    }
}

/// A form struct's fields as the (name, value) pairs a browser posts: the
/// names come from the struct, as the server reads them.
pub fn form_fields(form: &impl serde::Serialize) -> Vec<(String, String)> {
    match serde_json::to_value(form) {
        Ok(serde_json::Value::Object(fields)) => fields
            .into_iter()
            .filter_map(|(name, value)| Some((name, value.as_str()?.to_string())))
            .collect(),
        _ => panic!("a form struct serialises to an object"),
    }
}

/// Runs the `wijkwijs` binary with `args`, the environment `env` and
/// `stdin` piped in (logging errors only).
pub fn wijkwijs(args: &[&str], env: &[(&str, &str)], stdin: &str) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_wijkwijs"))
        .args(args)
        .envs(env.iter().copied())
        .env("RUST_LOG", "error")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the wijkwijs binary starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// How many audit entries of `action` there are.
pub async fn audited(db: &DatabaseConnection, action: &str) -> u64 {
    use app::store::entity::audit_event;
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action))
        .count(db)
        .await
        .unwrap()
}
