//! Embeds the browser bundle (`pkg/`: script, wasm, stylesheet, themes,
//! icon, each with its .br and .gz) into the binary when
//! `WIJKWIJS_EMBED_SITE` names a built `pkg/` folder, so one file serves
//! the whole app from any working directory (`http/bundle.rs`). The
//! release build sets it (`.ci/lib.sh`); without it (clippy, unit tests)
//! nothing is embedded and the server serves `--site-root` from disk.
//! A build script rather than an embedding crate: what to embed is only
//! known once the bundle is built, and most builds must embed nothing.

use std::io::Write;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo::rerun-if-env-changed=WIJKWIJS_EMBED_SITE");
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundle.rs");
    let mut files = Vec::new();
    if let Ok(pkg) = std::env::var("WIJKWIJS_EMBED_SITE") {
        let pkg = PathBuf::from(pkg);
        assert!(
            pkg.join("wijkwijs.js").is_file(),
            "WIJKWIJS_EMBED_SITE={}: no built bundle there (run build_site first)",
            pkg.display()
        );
        // A file added to the bundle (a new theme) rebuilds as well.
        println!("cargo::rerun-if-changed={}", pkg.display());
        println!("cargo::rerun-if-changed={}", pkg.join("themes").display());
        collect(&pkg, &pkg, &mut files);
        files.sort();
    }
    let mut code = String::from("/// The embedded bundle: (path under /pkg/, bytes).\npub static FILES: &[(&str, &[u8])] = &[\n");
    for (name, path) in &files {
        println!("cargo::rerun-if-changed={}", path.display());
        code.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    std::fs::File::create(&out)
        .and_then(|mut f| f.write_all(code.as_bytes()))
        .expect("write the bundle table");
}

/// Every file under `dir`, by its path relative to `root`.
fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    for entry in std::fs::read_dir(dir)
        .expect("read the bundle folder")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if let Ok(relative) = path.strip_prefix(root) {
            let name = relative.to_string_lossy().replace('\\', "/");
            // The benchmark's copies of pages are not part of the app.
            if !name.starts_with("bench/") {
                files.push((name, path));
            }
        }
    }
}
