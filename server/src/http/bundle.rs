//! The browser bundle served from the binary itself (`build.rs` embeds it
//! in release builds), so a service started from any folder serves the
//! full app: each file with its type, the brotli or gzip copy the browser
//! accepts, and an ETag it can revalidate. `--site-root` overrides it
//! with a folder on disk (development).

use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::OnceLock;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/bundle.rs"));
}

/// A bundle: its files by path under `/pkg/`, with their ETags.
pub struct Bundle {
    files: HashMap<&'static str, (&'static [u8], String)>,
}

impl Bundle {
    pub fn new(files: &[(&'static str, &'static [u8])]) -> Self {
        use sha2::{Digest, Sha256};
        let files = files
            .iter()
            .map(|(name, bytes)| {
                let digest = Sha256::digest(bytes);
                let tag: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
                (*name, (*bytes, format!("\"{tag}\"")))
            })
            .collect();
        Bundle { files }
    }

    /// The bundle in this binary, if it carries one.
    pub fn embedded() -> Option<&'static Bundle> {
        static BUNDLE: OnceLock<Bundle> = OnceLock::new();
        let bundle = BUNDLE.get_or_init(|| Bundle::new(embedded::FILES));
        (!bundle.files.is_empty()).then_some(bundle)
    }

    pub fn has(&self, name: &str) -> bool {
        self.files.contains_key(name)
    }

    /// The answer to `GET /pkg/{name}` with the request's `headers`.
    pub fn answer(&self, name: &str, headers: &HeaderMap) -> Response {
        let Some(content_type) = content_type(name) else {
            return StatusCode::NOT_FOUND.into_response();
        };
        let accepts = |coding: &str| {
            headers
                .get_all(header::ACCEPT_ENCODING)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .any(|c| {
                    let mut parts = c.split(';');
                    parts.next().is_some_and(|n| n.trim() == coding)
                        && !parts.any(|p| p.trim().replace(' ', "") == "q=0")
                })
        };
        let chosen = [("br", ".br"), ("gzip", ".gz")]
            .into_iter()
            .filter(|(coding, _)| accepts(coding))
            .find_map(|(coding, suffix)| {
                self.files
                    .get(format!("{name}{suffix}").as_str())
                    .map(|file| (Some(coding), file))
            })
            .or_else(|| self.files.get(name).map(|file| (None, file)));
        let Some((coding, (bytes, etag))) = chosen else {
            return StatusCode::NOT_FOUND.into_response();
        };
        let mut response = if headers
            .get(header::IF_NONE_MATCH)
            .is_some_and(|v| v.as_bytes() == etag.as_bytes())
        {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            (*bytes).into_response()
        };
        let h = response.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        if let Ok(value) = HeaderValue::from_str(etag) {
            h.insert(header::ETAG, value);
        }
        if let Some(coding) = coding {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
        }
        response
    }
}

/// The type of a bundle file; `None` for one the bundle never serves
/// (the compressed copies are sent only as an encoding of their original).
fn content_type(name: &str) -> Option<&'static str> {
    let extension = name.rsplit('.').next()?;
    Some(match extension {
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        _ => return None,
    })
}

/// `GET /pkg/{*name}` from the embedded bundle.
pub async fn serve(Path(name): Path<String>, headers: HeaderMap) -> Response {
    match Bundle::embedded() {
        Some(bundle) => bundle.answer(&name, &headers),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle() -> Bundle {
        Bundle::new(&[
            ("wijkwijs.js", b"raw js"),
            ("wijkwijs.js.br", b"br js"),
            ("wijkwijs.js.gz", b"gz js"),
            ("themes/voorbeeld.css", b":root{}"),
        ])
    }

    async fn body(response: Response) -> Vec<u8> {
        axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap()
            .to_vec()
    }

    fn asking(encodings: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(encodings).unwrap(),
        );
        headers
    }

    #[tokio::test]
    async fn sends_the_encoding_the_browser_accepts() {
        let b = bundle();
        let br = b.answer("wijkwijs.js", &asking("gzip, deflate, br"));
        assert_eq!(br.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(br.headers()[header::CONTENT_TYPE], "text/javascript");
        assert_eq!(body(br).await, b"br js");
        let gz = b.answer("wijkwijs.js", &asking("gzip"));
        assert_eq!(gz.headers()[header::CONTENT_ENCODING], "gzip");
        assert_eq!(body(gz).await, b"gz js");
        let refused = b.answer("wijkwijs.js", &asking("br;q=0, gzip;q=0"));
        assert!(!refused.headers().contains_key(header::CONTENT_ENCODING));
        assert_eq!(body(refused).await, b"raw js");
        // A theme without compressed copies is sent as it is.
        let css = b.answer("themes/voorbeeld.css", &asking("br"));
        assert_eq!(css.headers()[header::CONTENT_TYPE], "text/css");
        assert_eq!(body(css).await, b":root{}");
    }

    #[tokio::test]
    async fn revalidates_and_refuses_what_it_does_not_serve() {
        let b = bundle();
        let first = b.answer("wijkwijs.js", &asking("br"));
        let etag = first.headers()[header::ETAG].clone();
        let mut again = asking("br");
        again.insert(header::IF_NONE_MATCH, etag);
        assert_eq!(
            b.answer("wijkwijs.js", &again).status(),
            StatusCode::NOT_MODIFIED
        );
        assert_eq!(
            b.answer("wijkwijs.js.br", &asking("")).status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            b.answer("geheim.txt", &asking("")).status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            b.answer("ontbreekt.js", &asking("")).status(),
            StatusCode::NOT_FOUND
        );
    }
}
