//! Drills an operator relies on, run against the real `wijkwijs` binary:
//! a backup made while writers keep writing restores into a fresh
//! database holding every write acknowledged before the backup began, and
//! a bad backup is refused without touching the database (SQLite; a
//! PostgreSQL database is pg_dump's); a server killed with SIGKILL under
//! writes three times loses and doubles no acknowledged write and leaves
//! nothing half saved; two server processes on one database share
//! sessions and see each other's changes at once, kept results included.

mod support;

use app::store::entity::team_message;
use axum::http::StatusCode;
use sea_orm::EntityTrait;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use support::{Backend, Client, TestDb};

/// Runs `wijkwijs args…` with `DATABASE_URL=url`; (ok, stdout + stderr).
fn wijkwijs(url: &str, args: &[&str]) -> (bool, String) {
    let out = support::wijkwijs(args, &[("DATABASE_URL", url)], "");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_under_writes_restores_every_acknowledged_write() {
    support::bounded(async {
        let t = TestDb::with_demo(Backend::Sqlite).await.unwrap();
        let dir = std::env::temp_dir().join(format!("wijkwijs-drill-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let copy = dir.join("kopie.db");
        let _ = std::fs::remove_file(&copy);

        let from = support::team_named(&t.db, "Jeugd Zuilen")
            .await
            .id
            .to_string();
        let to = support::team_named(&t.db, "Jeugd Ondiep")
            .await
            .id
            .to_string();
        let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let mut writers = Vec::new();
        for writer in 0..2 {
            let mut client =
                Client::signed_in(&t.db, "teamlid.jeugd-zuilen@demo.wijkwijs.nl").await;
            let (from, to) = (from.clone(), to.clone());
            let (acknowledged, stop) = (acknowledged.clone(), stop.clone());
            writers.push(tokio::spawn(async move {
                let mut n = 0;
                while !stop.load(Ordering::SeqCst) {
                    n += 1;
                    let body = format!("Vraag {n} van schrijver {writer} tijdens de back-up");
                    let reply = client
                        .call(
                            "/api/team/message",
                            &[("to_team_id", &to), ("team_id", &from), ("body", &body)],
                        )
                        .await;
                    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
                    acknowledged.lock().unwrap().push(body);
                }
            }));
        }
        // Some writes first (waiting on the count, not on a clock).
        while acknowledged.lock().unwrap().len() < 20 {
            tokio::task::yield_now().await;
        }
        let before_backup: BTreeSet<String> =
            acknowledged.lock().unwrap().iter().cloned().collect();
        let (url, copy_path) = (t.url.clone(), path_str(&copy).to_string());
        let (ok, out) =
            tokio::task::spawn_blocking(move || wijkwijs(&url, &["backup", &copy_path]))
                .await
                .unwrap();
        assert!(ok, "{out}");
        let during = acknowledged.lock().unwrap().len();
        stop.store(true, Ordering::SeqCst);
        for writer in writers {
            writer.await.unwrap();
        }
        assert!(
            during > before_backup.len(),
            "the writers kept writing during the backup"
        );

        // Restored into a fresh database.
        let fresh = dir.join("hersteld.db");
        let fresh_url = format!("sqlite://{}?mode=rwc", path_str(&fresh));
        let (ok, out) = wijkwijs(&fresh_url, &["restore", path_str(&copy)]);
        assert!(ok, "{out}");
        server::backup::check(&fresh)
            .await
            .expect("the restored database checks out");
        let restored = server::db::connect(&fresh_url).await.unwrap();
        let kept: BTreeSet<String> = team_message::Entity::find()
            .all(&restored)
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.body)
            .collect();
        let missing: Vec<&String> = before_backup.difference(&kept).collect();
        assert!(
            missing.is_empty(),
            "acknowledged before the backup, yet lost: {missing:?}"
        );
        // The restored database serves.
        let mut client =
            Client::signed_in(&restored, "teamlid.jeugd-ondiep@demo.wijkwijs.nl").await;
        assert_eq!(
            client.get(&format!("/teams/{to}/vragen")).await.status,
            StatusCode::OK
        );
        restored.close().await.ok();

        // A backup never overwrites a file; a bad file is never restored.
        let (ok, out) = wijkwijs(&t.url, &["backup", path_str(&copy)]);
        assert!(!ok && out.contains("exists already"), "{out}");
        let junk = dir.join("rommel.db");
        std::fs::write(&junk, b"dit is geen database, alleen tekst").unwrap();
        let before = std::fs::read(&fresh).unwrap();
        let (ok, out) = wijkwijs(&fresh_url, &["restore", path_str(&junk)]);
        assert!(!ok && out.contains("wijkwijs: error:"), "{out}");
        assert_eq!(
            std::fs::read(&fresh).unwrap(),
            before,
            "the database is untouched"
        );

        std::fs::remove_dir_all(&dir).ok();
        t.cleanup().await;
    })
    .await;
}

on_both_backends!(
    postgres_backups_are_pg_dumps,
    |backend: Backend| async move {
        let Some(t) = TestDb::migrated(backend).await else {
            return;
        };
        if backend == Backend::Postgres {
            let (ok, out) = wijkwijs(&t.url, &["backup", "/tmp/niet-gemaakt.db"]);
            assert!(!ok && out.contains("pg_dump"), "{out}");
            assert!(!Path::new("/tmp/niet-gemaakt.db").exists());
        }
        t.cleanup().await;
    }
);

/// A `wijkwijs serve` process on a port of its own.
struct Served {
    child: std::process::Child,
    addr: std::net::SocketAddr,
}

impl Served {
    /// Starts the server on `url` and waits until it answers `/healthz`.
    async fn start(url: &str, addr: std::net::SocketAddr) -> Served {
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_wijkwijs"))
            .arg("serve")
            .env("DATABASE_URL", url)
            .env("WIJKWIJS_ADDR", addr.to_string())
            .env("RUST_LOG", "error")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("the server starts");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while request(addr, "GET", "/healthz", "", "").await.ok() != Some(200) {
            assert!(
                std::time::Instant::now() < deadline,
                "the server did not come up"
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        Served { child, addr }
    }

    /// SIGKILL: no shutdown, no flushing, mid-write.
    fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

/// A plain HTTP/1.1 request; the status, or the error of a connection the
/// server dropped (killed) before answering.
async fn request(
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    cookie: &str,
    body: &str,
) -> std::io::Result<u16> {
    exchange(addr, method, path, cookie, body)
        .await
        .map(|(status, _)| status)
}

/// `request`, with the whole answer (head and body) as text.
async fn exchange(
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    cookie: &str,
    body: &str,
) -> std::io::Result<(u16, String)> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await?;
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\n\
         Accept: application/json\r\nAccept-Language: nl\r\n\
         Content-Type: application/x-www-form-urlencoded\r\n\
         Cookie: {cookie}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await?;
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|status| status.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("no status in {text:?}")))?;
    Ok((status, text))
}

on_both_backends!(
    no_acknowledged_write_is_lost_or_doubled_when_the_server_is_killed,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let member =
            app::store::accounts::find_by_email(&t.db, "teamlid.jeugd-zuilen@demo.wijkwijs.nl")
                .await
                .unwrap()
                .unwrap();
        let token =
            app::store::sessions::create(&t.db, member.id, false, "drill", chrono::Utc::now())
                .await
                .unwrap();
        let cookie = format!("{}={token}", app::auth::SESSION_COOKIE);
        let from = support::team_named(&t.db, "Jeugd Zuilen").await.id;
        let to = support::team_named(&t.db, "Jeugd Ondiep").await.id;
        let addr = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap();

        let mut acknowledged = Vec::new();
        let mut n = 0;
        for round in 0..3 {
            let served = Served::start(&t.url, addr).await;
            // Two writers at once until each has had a few acknowledged,
            // then the kill lands while both are mid-request.
            let mut in_round = 0;
            while in_round < 8 {
                let mut pending = Vec::new();
                for _ in 0..2 {
                    n += 1;
                    let body = format!("Vraag {n} in ronde {round}");
                    let form = support::encode_form(&[
                        ("to_team_id", &to.to_string()),
                        ("team_id", &from.to_string()),
                        ("body", &body),
                    ]);
                    let cookie = cookie.clone();
                    pending.push((
                        body,
                        tokio::spawn(async move {
                            request(addr, "POST", "/api/team/message", &cookie, &form).await
                        }),
                    ));
                }
                for (body, answer) in pending {
                    let status = answer.await.unwrap().expect("the server is up");
                    assert_eq!(status, 200, "{body}");
                    acknowledged.push(body);
                    in_round += 1;
                }
            }
            let mut under_way = Vec::new();
            for _ in 0..4 {
                n += 1;
                let form = support::encode_form(&[
                    ("to_team_id", &to.to_string()),
                    ("team_id", &from.to_string()),
                    ("body", &format!("Vraag {n} in ronde {round}, onderweg")),
                ]);
                let cookie = cookie.clone();
                under_way.push(tokio::spawn(async move {
                    request(addr, "POST", "/api/team/message", &cookie, &form).await
                }));
            }
            served.kill();
            for answer in under_way {
                // Answered before the kill (then it counts) or cut off.
                let _ = answer.await.unwrap();
            }
        }

        let served = Served::start(&t.url, addr).await;
        assert_eq!(request(addr, "GET", "/healthz", "", "").await.unwrap(), 200);
        served.kill();
        let db = server::db::connect(&t.url).await.unwrap();
        let rows = team_message::Entity::find().all(&db).await.unwrap();
        let mut seen = BTreeSet::new();
        for row in &rows {
            assert!(seen.insert(row.body.clone()), "written twice: {}", row.body);
        }
        for body in &acknowledged {
            assert!(seen.contains(body), "acknowledged, yet lost: {body}");
        }
        // Nothing half saved: every message has its audit entry.
        use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter};
        let audited = app::store::entity::audit_event::Entity::find()
            .filter(app::store::entity::audit_event::Column::Action.eq("team-bericht"))
            .count(&db)
            .await
            .unwrap();
        assert_eq!(audited, rows.len() as u64);
        if let Some(file) = server::backup::sqlite_path(&t.url) {
            server::backup::check(&file)
                .await
                .expect("the database checks out");
        }
        db.close().await.ok();
        t.cleanup().await;
    }
);

on_both_backends!(
    two_server_processes_on_one_database_agree_at_once,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let free = || {
            std::net::TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
        };
        let (first, second) = (
            Served::start(&t.url, free()).await,
            Served::start(&t.url, free()).await,
        );
        let login = |email: &str| {
            support::encode_form(&[("email", email), ("password", server::demo::DEMO_PASSWORD)])
        };
        // A session made by one process is valid on the other.
        let asking = login("teamlid.jeugd-zuilen@demo.wijkwijs.nl");
        let (status, answer) = exchange(first.addr, "POST", "/api/account/login", "", &asking)
            .await
            .unwrap();
        assert_eq!(status, 200, "{answer}");
        let cookie = answer
            .lines()
            .find_map(|l| l.strip_prefix("set-cookie: "))
            .and_then(|c| c.split(';').next())
            .expect("a session cookie")
            .to_string();
        assert_eq!(
            request(second.addr, "GET", "/account", &cookie, "")
                .await
                .unwrap(),
            200
        );

        // The other team's member reads their header on the second process:
        // nothing new, and that count is kept there.
        let reading = login("teamlid.jeugd-ondiep@demo.wijkwijs.nl");
        let (_, answer) = exchange(second.addr, "POST", "/api/account/login", "", &reading)
            .await
            .unwrap();
        let reader = answer
            .lines()
            .find_map(|l| l.strip_prefix("set-cookie: "))
            .and_then(|c| c.split(';').next())
            .unwrap()
            .to_string();
        let to = support::team_named(&t.db, "Jeugd Ondiep").await.id;
        let from = support::team_named(&t.db, "Jeugd Zuilen").await.id;
        let news_count = |page: &str| {
            let header = &page[..page.find("</header>").expect("a site header")];
            header
                .find("class=\"count\">")
                .map(|at| header[at + 14..].split('<').next().unwrap().to_string())
        };
        let path = format!("/teams/{to}");
        let before = exchange(second.addr, "GET", &path, &reader, "")
            .await
            .unwrap()
            .1;
        let already = news_count(&before);
        // A question through the first process shows at once on the second.
        let form = support::encode_form(&[
            ("to_team_id", &to.to_string()),
            ("team_id", &from.to_string()),
            (
                "body",
                "Hoe plannen jullie het casusoverleg over twee processen?",
            ),
        ]);
        assert_eq!(
            request(first.addr, "POST", "/api/team/message", &cookie, &form)
                .await
                .unwrap(),
            200
        );
        let after = exchange(second.addr, "GET", &path, &reader, "")
            .await
            .unwrap()
            .1;
        let expected = already
            .map_or(1, |n| n.parse::<u32>().unwrap() + 1)
            .to_string();
        assert_eq!(
            news_count(&after).as_deref(),
            Some(expected.as_str()),
            "{after}"
        );
        let questions = exchange(
            second.addr,
            "GET",
            &format!("/teams/{to}/vragen"),
            &reader,
            "",
        )
        .await
        .unwrap()
        .1;
        assert!(questions.contains("over twee processen"));
        first.kill();
        second.kill();
        t.cleanup().await;
    }
);

on_both_backends!(
    the_nightly_backup_script_makes_a_backup_that_restores,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let dir = std::env::temp_dir().join(format!(
            "wijkwijs-nightly-{}-{backend:?}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let env_file = dir.join("wijkwijs.env");
        std::fs::write(&env_file, format!("DATABASE_URL={}\n", t.url)).unwrap();
        let script =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/deploy/wijkwijs-backup.sh");
        let out = std::process::Command::new("sh")
            .arg(&script)
            .env("WIJKWIJS_ENV_FILE", &env_file)
            .env("WIJKWIJS_BACKUP_DIR", dir.join("backups"))
            .env("WIJKWIJS_BIN", env!("CARGO_BIN_EXE_wijkwijs"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let made: Vec<std::path::PathBuf> = std::fs::read_dir(dir.join("backups"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(made.len(), 1, "{made:?}");
        match backend {
            Backend::Sqlite => {
                let fresh = format!("sqlite://{}?mode=rwc", path_str(&dir.join("terug.db")));
                let (ok, out) = wijkwijs(&fresh, &["restore", path_str(&made[0])]);
                assert!(ok, "{out}");
            }
            Backend::Postgres => {
                let listed = std::process::Command::new("pg_restore")
                    .arg("--list")
                    .arg(&made[0])
                    .output()
                    .unwrap();
                assert!(listed.status.success());
                assert!(String::from_utf8_lossy(&listed.stdout)
                    .contains("TABLE DATA public team_message"));
            }
        }
        std::fs::remove_dir_all(&dir).ok();
        t.cleanup().await;
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restore_refuses_while_a_server_runs() {
    support::bounded(async {
        let t = TestDb::with_demo(Backend::Sqlite).await.unwrap();
        let dir = std::env::temp_dir().join(format!("wijkwijs-busy-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let copy = dir.join("kopie.db");
        let (ok, out) = wijkwijs(&t.url, &["backup", path_str(&copy)]);
        assert!(ok, "{out}");
        let addr = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap();
        let served = Served::start(&t.url, addr).await;
        let database = server::backup::sqlite_path(&t.url).unwrap();
        let before = std::fs::read(&database).unwrap();
        let (ok, out) = wijkwijs(&t.url, &["restore", path_str(&copy)]);
        assert!(!ok && out.contains("stop it first"), "{out}");
        assert_eq!(std::fs::read(&database).unwrap(), before, "untouched");
        served.kill();
        let (ok, out) = wijkwijs(&t.url, &["restore", path_str(&copy)]);
        assert!(ok, "once stopped it restores: {out}");
        std::fs::remove_dir_all(&dir).ok();
        t.cleanup().await;
    })
    .await;
}
